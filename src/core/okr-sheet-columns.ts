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
 * lean templates), compared after {@link normaliseLabel}. The first one is the canonical header
 * the template and the export write.
 */
export const OKR_SHEET_HEADERS: Record<OkrSheetField, readonly string[]> = {
  objectiveId: ['Objective ID', 'Objective key', 'Obj ID', 'Objective ref'],
  objective: ['Objective', 'Objective title', 'Objective name', 'Goal title'],
  objectiveDescription: ['Objective description', 'Description', 'Why', 'Rationale'],
  objectiveKind: ['Objective kind', 'Objective type', 'Commitment', 'Committed or aspirational'],
  keyResultId: ['Key result ID', 'KR ID', 'KR key', 'Key result key', 'KR ref', 'ID', 'Key'],
  keyResult: ['Key result', 'KR', 'Key result title', 'KR title', 'Key results', 'Result'],
  keyResultKind: ['KR kind', 'Key result kind', 'KR type', 'Key result type', 'Metric type', 'Kind', 'Type'],
  owner: ['Owner', 'Owner email', 'Owner name', 'Responsible', 'Accountable', 'Assignee', 'KR owner'],
  unitOfMeasure: ['Unit of measure', 'UoM', 'Measure unit', 'Metric unit', 'Units', 'Unit of measurement'],
  baseline: ['Baseline', 'From', 'Start', 'Start value', 'Starting value', 'Initial value'],
  target: ['Target', 'To', 'Goal', 'Target value', 'End value', 'Low target'],
  targetHigh: ['Target high', 'Upper bound', 'Target max', 'High target', 'Band high'],
  current: ['Current', 'Current value', 'Actual', 'Progress value'],
  weight: ['Weight', 'KR weight'],
  dueDate: ['Due date', 'Due', 'Deadline', 'End date', 'Target date'],
  milestones: ['Milestones', 'Steps'],
  parent: ['Parent', 'Aligned to', 'Parent KR', 'Parent objective', 'Alignment', 'Aligns to', 'Supports'],
  unit: ['Unit', 'Team', 'Department', 'Org unit', 'Organisational unit', 'Organizational unit'],
  cycle: ['Cycle', 'Period', 'Fiscal year', 'Year', 'OKR cycle'],
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
}

/** Maps each non-empty header cell to a field; a field claimed twice keeps its first column. */
export function matchHeaders(headers: readonly SheetCell[]): {
  mapping: ColumnMapping[];
  repeated: ColumnMapping[];
} {
  const mapping: ColumnMapping[] = [];
  const repeated: ColumnMapping[] = [];
  const claimed = new Set<OkrSheetField>();
  headers.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === '') return;
    const field = FIELD_BY_LABEL.get(normaliseLabel(header)) ?? null;
    const entry = { column: columnLetter(index), index, header, field };
    if (field && claimed.has(field)) repeated.push(entry);
    else mapping.push(entry);
    if (field) claimed.add(field);
  });
  return { mapping, repeated };
}
