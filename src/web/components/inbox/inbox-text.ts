/**
 * An inbox item's title and detail in the reader's language. The server writes both in English
 * (`title`, `detail`) and sends the values they are written from (`values`); the web composes them
 * from those (namespace `common`, `inbox.item.*`). In English they read exactly as the server's.
 * Names (units, titles, problems) stay as people wrote them.
 */
import type { InboxItem } from '../../../contracts';
import { monthName } from '../../../core/calendar';
import { currentLanguage, i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';
import { formatDay } from '../../format/dates';
import { monthOfYear } from '../okr/okr-format';

type Item = Pick<InboxItem, 'title' | 'detail'> & { values?: InboxItem['values'] };

const english = () => currentLanguage() === 'en';

/** A target as the server writes it ("12.5"); in the reader's number form otherwise. */
const numberOf = (value: number): string =>
  english()
    ? String(value)
    : new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 6, useGrouping: false }).format(value);

/** An ISO day as the server writes it; in the reader's form otherwise. */
const dayOf = (iso: string): string => (english() ? iso : formatDay(iso));

export function inboxTitle(item: Item): string {
  const values = item.values;
  switch (values?.kind) {
    case 'proposal':
      return i18n.t('common:inbox.item.proposalTitle', {
        from: values.from,
        state: values.state,
        title: values.title,
      });
    case 'countermeasure':
      return i18n.t('common:inbox.item.countermeasureTitle', { problem: values.problem });
    case 'check_in':
      return i18n.t('common:inbox.item.checkInTitle', { title: values.title });
    case undefined:
      return item.title;
  }
}

export function inboxDetail(item: Item): string {
  const values = item.values;
  switch (values?.kind) {
    case 'proposal':
      return i18n.t('common:inbox.item.proposalDetail', {
        from: numberOf(values.originalTarget),
        to: numberOf(values.proposedTarget),
      });
    case 'countermeasure':
      return i18n.t('common:inbox.item.countermeasureDetail', {
        kpi: values.kpiTitle,
        month: english()
          ? `${monthName(values.month)} ${values.year}`
          : monthOfYear(values.year, values.month),
        stage: values.stage,
      });
    case 'check_in':
      return i18n.t('common:inbox.item.checkInDetail', {
        kind: values.itemKind,
        cadence: values.cadence,
        last: values.lastCheckIn === null ? i18n.t('common:inbox.item.never') : dayOf(values.lastCheckIn),
      });
    case undefined:
      return item.detail;
  }
}
