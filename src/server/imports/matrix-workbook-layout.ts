import { STRENGTH_SYMBOL, type CornerGridId, type CorrelationStrength } from '../../core/correlation';
import { ROLE_SYMBOL, type OwnershipRole } from '../../core/ownership';
import { normaliseLabel } from '../../core/sheet-cells';

/**
 * The spreadsheet X-matrix (docs/xlsx-x-matrix.md): a Matrix sheet (unit, year, True North), one
 * sheet per list, one sheet per corner grid (rows × columns, marked ● ○ △), an Owners sheet
 * (initiatives × Who, marked ● primary ○ secondary), and the Impacts and Effort sheets (one row per
 * initiative's KPI impact and per initiative's monthly need of a skill, naming both by title).
 * Export writes this layout and import reads it.
 */
export const LIST_SHEETS = {
  what: 'What',
  how_far: 'How Far',
  how: 'How',
  how_much: 'How Much',
  who: 'Who',
} as const;
export type ListPart = keyof typeof LIST_SHEETS;

/** Generated item ids are `<matrixId>-<prefix><n>` (`secops-2027-i3`). */
export const ITEM_ID_PREFIX: Record<ListPart, string> = {
  what: 'bo',
  how_far: 'ao',
  how: 'i',
  how_much: 'k',
  who: 'w',
};

export const MATRIX_SHEET = 'Matrix';
export const OWNERS_SHEET = 'Owners';
export const IMPACTS_SHEET = 'Impacts';
export const EFFORT_SHEET = 'Effort';

/** Corner grids by sheet: rows are the grid's first part, columns its second. */
export const GRID_SHEETS: Record<CornerGridId, { sheet: string; rows: ListPart; columns: ListPart }> = {
  what_how_far: { sheet: 'What x How Far', rows: 'what', columns: 'how_far' },
  how_far_how: { sheet: 'How Far x How', rows: 'how_far', columns: 'how' },
  how_how_much: { sheet: 'How x How Much', rows: 'how', columns: 'how_much' },
  how_much_what: { sheet: 'How Much x What', rows: 'how_much', columns: 'what' },
};

/**
 * Columns of files written before the Impacts and Effort sheets: an initiative's KPI impacts and
 * monthly effort per skill as JSON text in the plan document's shape
 * (`[{"kpi":"k1","low":1,"likely":2,"high":3}]`). Import still reads them; export no longer writes them.
 */
export const JSON_FIELDS = new Set(['impacts', 'effort']);
const LEGACY_HOW_COLUMNS = [
  { header: 'Impacts', field: 'impacts' },
  { header: 'Monthly effort', field: 'effort' },
] as const;

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The columns every list but Who starts with. */
const ITEM_COLUMNS = [
  { header: 'ID', field: 'id' },
  { header: 'Title', field: 'title' },
  { header: 'Description', field: 'description' },
] as const;

/** Columns of each list sheet: the header written, and the field of the plan document it holds. */
export const LIST_COLUMNS: Record<ListPart, readonly { header: string; field: string }[]> = {
  what: [
    ...ITEM_COLUMNS,
    { header: 'Source objective', field: 'sourceObjectiveId' },
    { header: 'Target year', field: 'targetYear' },
  ],
  how_far: [...ITEM_COLUMNS, { header: 'Source key result', field: 'sourceKeyResultId' }],
  how: [
    ...ITEM_COLUMNS,
    { header: 'Start date', field: 'startDate' },
    { header: 'End date', field: 'endDate' },
    { header: 'Effort (person-days)', field: 'effortPersonDays' },
    { header: 'Required skills', field: 'requiredSkills' },
    { header: 'Status', field: 'status' },
    { header: 'Delivery probability', field: 'deliveryProbability' },
  ],
  how_much: [
    ...ITEM_COLUMNS,
    { header: 'Unit of measure', field: 'unitOfMeasure' },
    { header: 'Direction', field: 'direction' },
    { header: 'Baseline', field: 'baseline' },
    { header: 'Target', field: 'target' },
    { header: 'Target high', field: 'targetHigh' },
    { header: 'Owner', field: 'ownerId' },
    { header: 'Source key result', field: 'sourceKeyResultId' },
    ...MONTHS.map((month, index) => ({ header: month, field: `month${index}` })),
  ],
  who: [
    { header: 'ID', field: 'id' },
    { header: 'Name', field: 'title' },
    { header: 'Person', field: 'personId' },
    { header: 'Team', field: 'teamUnitId' },
  ],
};

/** Every column import recognises on a list sheet: the ones written, and the legacy JSON ones. */
export const READ_COLUMNS: Record<ListPart, readonly { header: string; field: string }[]> = {
  ...LIST_COLUMNS,
  how: [...LIST_COLUMNS.how, ...LEGACY_HOW_COLUMNS],
};

/**
 * The record sheets: each row belongs to an initiative (and, for impacts, a KPI) named by title;
 * the ID columns at the end are written for exact round trips and win over the title when they
 * name an item of the file.
 */
export const IMPACT_COLUMNS = [
  { header: 'Initiative', field: 'initiative' },
  { header: 'KPI', field: 'kpi' },
  { header: 'Low', field: 'low' },
  { header: 'Likely', field: 'likely' },
  { header: 'High', field: 'high' },
  { header: 'Basis', field: 'basis' },
  { header: 'Start month', field: 'startMonth' },
  { header: 'Ramp months', field: 'rampMonths' },
  { header: 'Initiative ID', field: 'initiativeId' },
  { header: 'KPI ID', field: 'kpiId' },
] as const;
export const EFFORT_COLUMNS = [
  { header: 'Initiative', field: 'initiative' },
  { header: 'Skill', field: 'skill' },
  { header: 'Person-days per month', field: 'personDaysPerMonth' },
  { header: 'From month', field: 'fromMonth' },
  { header: 'To month', field: 'toMonth' },
  { header: 'Initiative ID', field: 'initiativeId' },
] as const;

/** The marks export writes: core's, the ones the screen shows. */
export const STRENGTH_SYMBOLS = STRENGTH_SYMBOL;
export const ROLE_SYMBOLS = ROLE_SYMBOL;

const STRENGTH_BY_MARK = new Map<string, CorrelationStrength>([
  ...(['●', '⬤', 's', 'strong', '9', 'x'] as const).map((m) => [m, 'strong'] as const),
  ...(['○', 'o', 'm', 'medium', '3'] as const).map((m) => [m, 'medium'] as const),
  ...(['△', '▲', '^', 'w', 'weak', '1'] as const).map((m) => [m, 'weak'] as const),
]);
const ROLE_BY_MARK = new Map<string, OwnershipRole>([
  ...(['●', '⬤', 'p', 'primary', 'r', 'x'] as const).map((m) => [m, 'primary'] as const),
  ...(['○', 'o', 's', 'secondary', 'a', 'c', 'support'] as const).map((m) => [m, 'secondary'] as const),
]);

/** ● ○ △, S/M/W, strong/medium/weak or 9/3/1; undefined for anything else. */
export function readStrength(mark: string): CorrelationStrength | undefined {
  return STRENGTH_BY_MARK.get(mark.trim().toLowerCase());
}

/** ● ○, P/S, R/A (Responsible / Advisory), primary/secondary; undefined for anything else. */
export function readRole(mark: string): OwnershipRole | undefined {
  return ROLE_BY_MARK.get(mark.trim().toLowerCase());
}

/** Finds a sheet by name forgivingly ("how much", "HowMuch", "What × How Far" all match). */
export function sheetKey(name: string): string {
  return normaliseLabel(name.replace(/×/g, 'x'));
}
