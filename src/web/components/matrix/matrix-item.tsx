/**
 * The label of one X-matrix item: a row (How, What) or a rotated column (How Far, How Much, Who).
 * Keys when focused: Enter or F2 renames (Enter opens the details instead for items given `onOpen`,
 * and a click on their title too), Alt+↑/← moves earlier, Alt+↓/→ moves later, Delete removes,
 * H opens the item's history.
 * A hover toolbar offers the same actions. In a read-only matrix ({@link useMatrixReadOnly}) only
 * the history stays: the title is plain text and no key renames, moves or deletes.
 * Test hook: `data-testid="item-<id>"` with `data-part`.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { probabilityTone } from '../pressure-test/probability-tone';
import { i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';
import type { MatrixItem, TraceSource } from '../../../contracts';
import {
  ArrowDownIcon,
  ArrowLeftIcon,
  ArrowRightIcon,
  ArrowUpIcon,
  ClockIcon,
  LinkIcon,
  PencilIcon,
  TrashIcon,
} from '../icons';
import { InlineTitleInput } from './inline-title-input';
import { partShort } from './matrix-model';
import { useMatrixReadOnly } from './matrix-read-only';

interface MatrixItemLabelProps {
  item: MatrixItem;
  /** 0-based index in its part, shown as the item's number. */
  index: number;
  count: number;
  orientation: 'row' | 'column';
  row: number | string;
  column: number | string;
  tone: 'focus' | 'related' | 'dim' | undefined;
  /** Probability (0-1) that the pressure test gives the item's target, when known: coloured at a glance. */
  probability?: number | undefined;
  source: TraceSource | undefined;
  /** The source moved on since the item agreed with it; accept or answer in the links panel. */
  sourceChanged?: boolean;
  /** Small text under the title (KPI baseline → target). */
  meta?: ReactNode;
  /** Chips at the end of a row (owner initials, status). */
  chips?: ReactNode;
  renamable: boolean;
  autoFocus: boolean;
  onRename: (item: MatrixItem, title: string) => void;
  onMove: (item: MatrixItem, delta: -1 | 1) => void;
  onDelete: (item: MatrixItem) => void;
  /** Opens the item's history (who changed what); the toolbar offers it when given. */
  onHistory?: ((item: MatrixItem) => void) | undefined;
  /** Opens the item's detail drawer (initiatives and KPIs): Enter and a click on the title. */
  onOpen?: ((item: MatrixItem) => void) | undefined;
  onHover: (id: string | null) => void;
}

/**
 * A probability as a percentage in the reader's language, rounded as core's `percentOf` does (the
 * same text in English): whole percents, one decimal below 1 % and between 99 % and 99.9 %.
 */
function shownPercent(probability: number): string {
  const percent = probability * 100;
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(currentLocale(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    }).format(value);
  if (percent > 0 && percent < 0.1) return i18n.t('matrix:item.percentUnder', { value: number(0.1, 1) });
  const oneDecimal = (percent < 99.9 && percent > 99) || (percent < 1 && percent > 0);
  const value = oneDecimal ? number(Number(percent.toFixed(1)), 1) : number(Math.round(percent), 0);
  return i18n.t('matrix:item.percent', { value });
}

export function MatrixItemLabel(props: MatrixItemLabelProps) {
  const { t } = useTranslation('matrix');
  const { item, index, count, orientation, row, column, tone, source, meta, chips, autoFocus } = props;
  const readOnly = useMatrixReadOnly();
  const renamable = props.renamable && !readOnly;
  const { onRename, onMove, onDelete, onHistory, onOpen, onHover, sourceChanged = false } = props;
  const [editing, setEditing] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const isRow = orientation === 'row';

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus, index]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const earlier = event.key === 'ArrowUp' || event.key === 'ArrowLeft';
    const later = event.key === 'ArrowDown' || event.key === 'ArrowRight';
    if (event.key === 'Enter' && onOpen && !event.altKey) {
      event.preventDefault();
      onOpen(item);
      return;
    }
    if (readOnly && event.key !== 'h' && event.key !== 'H') return;
    if (event.altKey && (earlier || later)) {
      event.preventDefault();
      onMove(item, earlier ? -1 : 1);
    } else if ((event.key === 'Enter' || event.key === 'F2') && renamable) {
      event.preventDefault();
      setEditing(true);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onDelete(item);
    } else if (
      (event.key === 'h' || event.key === 'H') &&
      !event.altKey &&
      !event.ctrlKey &&
      !event.metaKey &&
      onHistory
    ) {
      event.preventDefault();
      onHistory(item);
    }
  };

  const sourceText = source
    ? t('item.source', { unit: source.unitName, kind: source.kind, title: source.title })
    : undefined;
  const title = (
    <span
      className="mx-item-title"
      title={item.description ? `${item.title}\n\n${item.description}` : item.title}
      onClick={onOpen ? () => onOpen(item) : renamable ? () => setEditing(true) : undefined}
    >
      {item.title}
    </span>
  );
  const trace = (sourceText || sourceChanged) && (
    <>
      {sourceText && (
        <span className="mx-trace" title={sourceText} aria-label={sourceText} role="img">
          <LinkIcon size={12} />
        </span>
      )}
      {sourceChanged && (
        <span
          className="mx-source-changed"
          data-testid={`source-changed-${item.id}`}
          title={t('item.sourceChangedTitle')}
        >
          {t('item.sourceChanged')}
        </span>
      )}
    </>
  );
  const EarlierIcon = isRow ? ArrowUpIcon : ArrowLeftIcon;
  const LaterIcon = isRow ? ArrowDownIcon : ArrowRightIcon;

  // The risk edge is a colour; its words go to the name and the tooltip, so no one needs the colour.
  const chance =
    props.probability === undefined
      ? undefined
      : t('item.chance', { percent: shownPercent(props.probability) });
  const part = partShort(item.part);

  return (
    <div
      ref={ref}
      className={`mx-item mx-item-${orientation} part-${item.part}${tone ? ` is-${tone}` : ''}${editing ? ' is-editing' : ''}${props.probability === undefined ? '' : ` risk-${probabilityTone(props.probability)}`}`}
      data-probability={props.probability}
      style={{ gridRow: row, gridColumn: column }}
      data-testid={`item-${item.id}`}
      data-part={item.part}
      tabIndex={0}
      role="group"
      aria-label={
        chance
          ? t('item.labelWithChance', { part, number: index + 1, title: item.title, chance })
          : t('item.label', { part, number: index + 1, title: item.title })
      }
      title={chance}
      aria-keyshortcuts={
        readOnly
          ? [onOpen && 'Enter', onHistory && 'H'].filter(Boolean).join(' ') || undefined
          : `Enter${onOpen ? ' F2' : ''} Alt+ArrowUp Alt+ArrowDown Delete${onHistory ? ' H' : ''}`
      }
      onKeyDown={onKeyDown}
      onMouseEnter={() => onHover(item.id)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(item.id)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onHover(null);
      }}
    >
      {isRow ? (
        <div className="mx-item-body">
          <span className="mx-item-num tabular">{index + 1}</span>
          {title}
          {trace}
          {chips && <span className="mx-item-chips">{chips}</span>}
        </div>
      ) : (
        <div className="mx-item-body">
          <div className="mx-col-text">
            {title}
            {meta && <span className="mx-item-meta">{meta}</span>}
          </div>
          {trace}
          <span className="mx-item-num tabular">{index + 1}</span>
        </div>
      )}
      {!editing && (
        <span className="mx-item-full" aria-hidden="true">
          {item.title}
        </span>
      )}
      {editing && (
        <InlineTitleInput
          initial={item.title}
          label={t('item.rename', { part })}
          variant={isRow ? 'inline' : 'popover'}
          onSave={(title) => {
            setEditing(false);
            onRename(item, title);
            ref.current?.focus();
          }}
          onCancel={() => {
            if (ref.current?.contains(document.activeElement)) ref.current.focus();
            setEditing(false);
          }}
        />
      )}
      {!editing && (!readOnly || onHistory) && (
        <div className="mx-toolbar" role="toolbar" aria-label={t('item.actions')}>
          {!readOnly && (
            <>
              <button
                type="button"
                tabIndex={-1}
                aria-label={t('item.moveEarlier')}
                title={t('item.moveEarlier')}
                disabled={index === 0}
                onClick={() => onMove(item, -1)}
              >
                <EarlierIcon size={13} />
              </button>
              <button
                type="button"
                tabIndex={-1}
                aria-label={t('item.moveLater')}
                title={t('item.moveLater')}
                disabled={index === count - 1}
                onClick={() => onMove(item, 1)}
              >
                <LaterIcon size={13} />
              </button>
            </>
          )}
          {renamable && (
            <button
              type="button"
              tabIndex={-1}
              aria-label={onOpen ? t('item.renameF2') : t('item.renameEnter')}
              title={onOpen ? t('item.renameF2') : t('item.renameEnter')}
              onClick={() => setEditing(true)}
            >
              <PencilIcon size={13} />
            </button>
          )}
          {onHistory && (
            <button
              type="button"
              tabIndex={-1}
              aria-label={t('item.history')}
              title={t('item.history')}
              data-testid={`history-${item.id}`}
              onClick={() => onHistory(item)}
            >
              <ClockIcon size={13} />
            </button>
          )}
          {!readOnly && (
            <button
              type="button"
              tabIndex={-1}
              className="mx-toolbar-danger"
              aria-label={t('item.delete')}
              title={t('item.delete')}
              onClick={() => onDelete(item)}
            >
              <TrashIcon size={13} />
            </button>
          )}
        </div>
      )}
    </div>
  );
}
