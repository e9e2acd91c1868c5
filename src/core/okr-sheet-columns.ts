import { columnLetter, normaliseLabel, type SheetCell, cellText } from './sheet-cells';

/** What each column of an OKR sheet can mean; one row of the sheet is one key result. */
export const OKR_SHEET_FIELDS = [
  'objectiveId',
  'objective',
  'objectiveDescription',
  'objectiveKind',
  'keyResultId',
  'keyResult',
  'keyResultKind',
  'owner',
  'unitOfMeasure',
  'baseline',
  'target',
  'targetHigh',
  'current',
  'weight',
  'dueDate',
  'milestones',
  'parent',
  'unit',
  'cycle',
] as const;
export type OkrSheetField = (typeof OKR_SHEET_FIELDS)[number];

/**
 * Header variants seen in the spreadsheets teams keep (Perdoo, Lattice and Tability exports,
 * lean templates), in English, German, French and Japanese, compared after
 * {@link normaliseLabel}. The first one is the canonical header the template and the export
 * write. A bare "Unit" is in none of them: people read it as the unit of measure as often as the
 * team (see {@link AMBIGUOUS_HEADERS}).
 */
export const OKR_SHEET_HEADERS: Record<OkrSheetField, readonly string[]> = {
  objectiveId: [
    'Objective ID',
    'Objective key',
    'Obj ID',
    'Objective ref',
    'Ziel-ID',
    'ID objectif',
    '目標ID',
  ],
  objective: [
    'Objective',
    'Objective title',
    'Objective name',
    'Goal title',
    'Ziel',
    'Zieltitel',
    'Objectif',
    'Titre de l’objectif',
    '目標',
    'オブジェクティブ',
  ],
  objectiveDescription: ['Objective description', 'Description', 'Why', 'Rationale', 'Beschreibung', '説明'],
  objectiveKind: [
    'Objective kind',
    'Objective type',
    'Commitment',
    'Committed or aspirational',
    'Zielart',
    'Type d’objectif',
    '目標の種類',
  ],
  keyResultId: [
    'Key result ID',
    'KR ID',
    'KR key',
    'Key result key',
    'KR ref',
    'ID',
    'Key',
    'KR-ID',
    'ID KR',
  ],
  keyResult: [
    'Key result',
    'KR',
    'Key result title',
    'KR title',
    'Key results',
    'Result',
    'Schlüsselergebnis',
    'Schlüsselergebnisse',
    'Messbares Ergebnis',
    'Résultat clé',
    'Résultats clés',
    '主要な結果',
    '成果指標',
    'キーリザルト',
  ],
  keyResultKind: [
    'KR kind',
    'Key result kind',
    'KR type',
    'Key result type',
    'Metric type',
    'Kind',
    'Type',
    'KR-Typ',
    'Ergebnistyp',
    'Type de KR',
    '指標の種類',
  ],
  owner: [
    'Owner',
    'Owner email',
    'Owner name',
    'Responsible',
    'Accountable',
    'Assignee',
    'KR owner',
    'Verantwortlich',
    'Verantwortliche',
    'Eigentümer',
    'Responsable',
    'Propriétaire',
    '担当者',
    'オーナー',
    '責任者',
  ],
  unitOfMeasure: [
    'Unit of measure',
    'UoM',
    'Measure unit',
    'Metric unit',
    'Units',
    'Unit of measurement',
    'Masseinheit',
    'Maßeinheit',
    'Unité de mesure',
    'Unité',
    '単位',
  ],
  baseline: [
    'Baseline',
    'From',
    'Start',
    'Start value',
    'Starting value',
    'Initial value',
    'Ausgangswert',
    'Basiswert',
    'Startwert',
    'Valeur initiale',
    'Valeur de départ',
    'Référence',
    '基準値',
    'ベースライン',
    '開始値',
  ],
  target: [
    'Target',
    'To',
    'Goal',
    'Target value',
    'End value',
    'Low target',
    'Zielwert',
    'Soll',
    'Sollwert',
    'Cible',
    'Valeur cible',
    '目標値',
  ],
  targetHigh: [
    'Target high',
    'Upper bound',
    'Target max',
    'High target',
    'Band high',
    'Obergrenze',
    'Zielwert max',
    'Cible haute',
    'Borne haute',
    '上限',
  ],
  current: [
    'Current',
    'Current value',
    'Actual',
    'Progress value',
    'Aktuell',
    'Aktueller Wert',
    'Istwert',
    'Ist',
    'Valeur actuelle',
    'Actuel',
    '現在値',
    '実績',
  ],
  weight: ['Weight', 'KR weight', 'Gewichtung', 'Gewicht', 'Poids', '重み', 'ウェイト'],
  dueDate: [
    'Due date',
    'Due',
    'Deadline',
    'End date',
    'Target date',
    'Fälligkeitsdatum',
    'Fällig',
    'Termin',
    'Échéance',
    'Date d’échéance',
    '期限',
    '期日',
  ],
  milestones: ['Milestones', 'Steps', 'Meilensteine', 'Jalons', 'Étapes', 'マイルストーン'],
  parent: [
    'Parent',
    'Aligned to',
    'Parent KR',
    'Parent objective',
    'Alignment',
    'Aligns to',
    'Supports',
    'Übergeordnet',
    'Übergeordnetes Ziel',
    'Ausgerichtet auf',
    'Aligné sur',
    'Objectif parent',
    '上位目標',
    '親',
  ],
  unit: [
    'Team / Unit',
    'Team',
    'Department',
    'Org unit',
    'Organisational unit',
    'Organizational unit',
    'Abteilung',
    'Bereich',
    'Organisationseinheit',
    'Équipe',
    'Service',
    'Département',
    'チーム',
    '部署',
    '組織',
  ],
  cycle: [
    'Cycle',
    'Period',
    'Fiscal year',
    'Year',
    'OKR cycle',
    'Zyklus',
    'Periode',
    'Zeitraum',
    'Geschäftsjahr',
    'Jahr',
    'Période',
    'Exercice',
    'Année',
    'サイクル',
    '期間',
    '年度',
  ],
};

/**
 * Headers that could mean two fields. The reader keeps them unmapped unless every value in the
 * column settles it (a "Unit" column whose every value names a unit of the organisation is the
 * team, as earlier exports wrote it); otherwise the person chooses in the preview.
 */
export const AMBIGUOUS_HEADERS: Readonly<Record<string, readonly OkrSheetField[]>> = {
  unit: ['unit', 'unitOfMeasure'],
  einheit: ['unit', 'unitOfMeasure'],
};

const FIELD_BY_LABEL = new Map<string, OkrSheetField>(
  OKR_SHEET_FIELDS.flatMap((field) =>
    OKR_SHEET_HEADERS[field].map((h) => [normaliseLabel(h), field] as const),
  ),
);

/** How one header cell was read: the field it maps to, or null for a column nothing knows. */
export interface ColumnMapping {
  column: string;
  index: number;
  header: string;
  field: OkrSheetField | null;
  /** How the field was found: by the header, chosen by the person, or settled by the values. */
  from: 'header' | 'chosen' | 'values' | 'unknown' | 'ambiguous';
  /** The fields an ambiguous header could mean. */
  candidates?: readonly OkrSheetField[];
}

/** The person's choices from the preview: a field (or null to skip) per column letter. */
export type ColumnChoices = Readonly<Partial<Record<string, OkrSheetField | null>>>;

/**
 * Maps each non-empty header cell to a field; a field claimed twice keeps its first column. A
 * column the person chose a field for (or chose to skip) takes that choice.
 */
export function matchHeaders(
  headers: readonly SheetCell[],
  choices: ColumnChoices = {},
): {
  mapping: ColumnMapping[];
  repeated: ColumnMapping[];
} {
  const mapping: ColumnMapping[] = [];
  const repeated: ColumnMapping[] = [];
  const claimed = new Set<OkrSheetField>();
  headers.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === '') return;
    const column = columnLetter(index);
    const label = normaliseLabel(header);
    const chosen = Object.hasOwn(choices, column) ? (choices[column] ?? null) : undefined;
    const candidates = AMBIGUOUS_HEADERS[label];
    const byHeader = FIELD_BY_LABEL.get(label) ?? null;
    const entry: ColumnMapping =
      chosen !== undefined
        ? { column, index, header, field: chosen, from: 'chosen' }
        : candidates
          ? { column, index, header, field: null, from: 'ambiguous', candidates }
          : { column, index, header, field: byHeader, from: byHeader ? 'header' : 'unknown' };
    const { field } = entry;
    if (field && claimed.has(field)) repeated.push(entry);
    else mapping.push(entry);
    if (field) claimed.add(field);
  });
  return { mapping, repeated };
}
