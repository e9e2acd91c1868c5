import { describeSheetLocale, type SheetLocale } from '../../core/sheet-locale';
import type { SheetLocaleJson } from '../../contracts';

/** How an import read a file, for its preview: the decisions and a sentence saying them. */
export function presentSheetLocale(locale: SheetLocale): SheetLocaleJson {
  return {
    decimal: locale.decimal === ',' ? 'comma' : 'point',
    grouping: locale.grouping,
    percent: locale.percent,
    dateOrder: locale.dateOrder,
    decimalFrom: locale.decimalFrom,
    dateOrderFrom: locale.dateOrderFrom,
    description: describeSheetLocale(locale),
  };
}
