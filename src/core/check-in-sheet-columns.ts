import { normaliseLabel } from './sheet-cells';

/** The columns a check-in upload may have; `item` (a key result or KPI id), `date` and `value` are required. */
export const CHECK_IN_SHEET_FIELDS = ['item', 'date', 'value', 'confidence', 'comment', 'author'] as const;
export type CheckInSheetField = (typeof CHECK_IN_SHEET_FIELDS)[number];

export const REQUIRED_CHECK_IN_FIELDS: readonly CheckInSheetField[] = ['item', 'date', 'value'];

/**
 * Header variants in English, German, French and Japanese, compared after normaliseLabel. The
 * first is the canonical header the template writes.
 */
export const CHECK_IN_SHEET_HEADERS: Record<CheckInSheetField, readonly string[]> = {
  item: ['item', 'Item ID', 'Key result ID', 'KPI ID', 'ID', 'Element', 'Kennzahl', 'Élément', '項目'],
  date: ['date', 'Check-in date', 'Day', 'Datum', 'Stichtag', 'Jour', '日付'],
  value: ['value', 'Actual', 'Current value', 'Wert', 'Istwert', 'Valeur', '値', '実績'],
  confidence: ['confidence', 'Zuversicht', 'Konfidenz', 'Confiance', '確信度'],
  comment: ['comment', 'Note', 'Notes', 'Kommentar', 'Bemerkung', 'Commentaire', 'コメント'],
  author: ['author', 'Author ID', 'Autor', 'Auteur', '作成者'],
};

const FIELD_BY_LABEL = new Map<string, CheckInSheetField>(
  CHECK_IN_SHEET_FIELDS.flatMap((field) =>
    CHECK_IN_SHEET_HEADERS[field].map((header) => [normaliseLabel(header), field] as const),
  ),
);

/** The field a header names, or null. */
export function checkInFieldOf(header: string): CheckInSheetField | null {
  return FIELD_BY_LABEL.get(normaliseLabel(header)) ?? null;
}
