import { checkTargetConsistency, KEY_RESULT_KINDS, type KeyResultKind } from './key-result';
import {
  matchHeaders,
  OKR_SHEET_HEADERS,
  type ColumnChoices,
  type ColumnMapping,
  type OkrSheetField,
} from './okr-sheet-columns';
import {
  cellText,
  isBlankRow,
  labelIndex,
  normaliseLabel,
  normaliseName,
  type SheetRows,
} from './sheet-cells';
import {
  detectSheetLocale,
  readLocaleDate,
  readLocaleNumber,
  type LocaleChoice,
  type LocatedCell,
  type SheetLocale,
} from './sheet-locale';
import { findParentCycles } from './unit-tree';
import { findOkrParent, type OkrParent } from './okr-sheet-parents';

/** A problem of an imported sheet, located the way the user sees the sheet (row 7, column C). */
export interface SheetProblem {
  row: number | null;
  column: string | null;
  message: string;
}

/** What the store already holds that a sheet may name: units, cycles and people by id or name. */
export interface OkrSheetContext {
  units: readonly { id: string; name: string }[];
  cycles: readonly { id: string; name: string; year: number }[];
  people: readonly { id: string; name: string; email: string | null }[];
  /** Objectives and key results already stored, which a Parent cell may name by id. */
  objectiveIds: ReadonlySet<string>;
  keyResultIds: ReadonlySet<string>;
  /** Used when the sheet has no Unit or Cycle column, or a row leaves it blank. */
  defaultUnitId: string | null;
  defaultCycleId: string | null;
}

/** An owner: a person the store knows, or one the import will create (by name or e-mail). */
export type OwnerRef = { personId: string } | { newPerson: string };

export interface SheetKeyResult {
  row: number;
  id: string | null;
  title: string;
  kind: KeyResultKind;
  unitOfMeasure: string;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  current: number | null;
  weight: number;
  owner: OwnerRef | null;
  dueDate: string | null;
  milestones: string[];
}

export interface SheetObjective {
  /** The grouping key: the Objective ID when given, else unit, cycle and title. */
  key: string;
  row: number;
  id: string | null;
  unitId: string;
  cycleId: string;
  title: string;
  description: string;
  kind: 'committed' | 'aspirational';
  parent: OkrParent | null;
  keyResults: SheetKeyResult[];
}

export interface NewPerson {
  key: string;
  name: string;
  email: string | null;
  row: number;
}

export interface OkrSheetResult {
  mapping: ColumnMapping[];
  /** How the file writes numbers and dates, as detected (or chosen). */
  locale: SheetLocale;
  objectives: SheetObjective[];
  newPeople: NewPerson[];
  problems: SheetProblem[];
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const OBJECTIVE_KINDS: Record<string, 'committed' | 'aspirational'> = {
  committed: 'committed',
  commit: 'committed',
  c: 'committed',
  aspirational: 'aspirational',
  aspiration: 'aspirational',
  stretch: 'aspirational',
  moonshot: 'aspirational',
  a: 'aspirational',
};

const KR_KINDS: Record<string, KeyResultKind> = {
  ...Object.fromEntries(KEY_RESULT_KINDS.map((kind) => [kind, kind])),
  up: 'increase',
  metricincrease: 'increase',
  grow: 'increase',
  down: 'decrease',
  reduce: 'decrease',
  metricdecrease: 'decrease',
  range: 'band',
  keep: 'band',
  within: 'band',
  keepwithin: 'band',
  yesno: 'binary',
  boolean: 'binary',
  done: 'binary',
  milestones: 'milestone',
};

/**
 * Reads a sheet of OKRs, one row per key result, into objectives and their key results without
 * touching any store. Headers are matched forgivingly (see OKR_SHEET_HEADERS); rows that repeat
 * an objective (same Objective ID, or same unit, cycle and title) add key results to it. Every
 * problem is reported with its row and column: missing or unknown columns, a numeric cell holding
 * text, duplicate keys, an unknown unit or cycle, a parent that names nothing, a cycle of parent
 * links, a target that contradicts its kind, an empty sheet. The result is usable only when
 * `problems` is empty.
 */
export function readOkrSheet(
  rows: SheetRows,
  context: OkrSheetContext,
  choices: { columns?: ColumnChoices; locale?: LocaleChoice } = {},
): OkrSheetResult {
  const problems: SheetProblem[] = [];
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  const headerRow = rows[headerIndex];
  const noLocale = detectSheetLocale([], []).locale;
  if (headerIndex < 0 || !headerRow) {
    return {
      mapping: [],
      locale: noLocale,
      objectives: [],
      newPeople: [],
      problems: [sheetProblem('the sheet is empty')],
    };
  }
  const headerRowNumber = headerIndex + 1;
  const dataRows = rows
    .map((row, index) => ({ row, number: index + 1 }))
    .filter(({ row, number }) => number > headerRowNumber && !isBlankRow(row));
  const { mapping, repeated } = matchHeaders(headerRow, choices.columns);
  settleAmbiguousColumns(mapping, dataRows, context, headerRowNumber, problems);
  for (const entry of mapping.filter((m) => m.field === null && m.from === 'unknown'))
    problems.push({
      row: headerRowNumber,
      column: entry.column,
      message: `unknown column "${entry.header}"; known columns are ${knownHeaders()}`,
    });
  for (const entry of repeated)
    problems.push({
      row: headerRowNumber,
      column: entry.column,
      message: `column "${entry.header}" repeats ${entry.field ?? ''} (already read from another column)`,
    });
  const columnOf = new Map<OkrSheetField, ColumnMapping>();
  for (const entry of mapping) if (entry.field) columnOf.set(entry.field, entry);
  const requireColumn = (field: OkrSheetField, fallback: string | null, hint: string) => {
    if (!columnOf.has(field) && fallback === null)
      problems.push({
        row: headerRowNumber,
        column: null,
        message: `missing column "${OKR_SHEET_HEADERS[field][0] ?? field}"${hint}`,
      });
  };
  requireColumn('objective', null, '');
  requireColumn('keyResult', null, '');
  requireColumn('unit', context.defaultUnitId, ' (or choose a unit for the whole file)');
  requireColumn('cycle', context.defaultCycleId, ' (or choose a cycle for the whole file)');
  // Column problems stop the rows being read, but the locale of the columns known is still
  // detected, so the preview says how the numbers and dates would be read once they are fixed.
  const cellsOf = (fields: readonly OkrSheetField[]): LocatedCell[] =>
    fields.flatMap((field) => {
      const entry = columnOf.get(field);
      return entry
        ? dataRows.map(({ row, number }) => ({
            cell: row[entry.index],
            row: number,
            column: entry.column,
            header: entry.header,
          }))
        : [];
    });
  const detected = detectSheetLocale(
    cellsOf(['baseline', 'target', 'targetHigh', 'current', 'weight']),
    cellsOf(['dueDate']),
    choices.locale,
  );
  for (const problem of detected.problems)
    problems.push({ row: problem.at.row, column: problem.at.column, message: problem.message });
  if (problems.length > 0)
    return { mapping, locale: detected.locale, objectives: [], newPeople: [], problems };

  const reader = createRowReader(columnOf, context, problems, detected.locale);
  if (dataRows.length === 0) problems.push(sheetProblem('the sheet has headers but no key result rows'));
  for (const { row, number } of dataRows) reader.read(row, number);

  const objectives = [...reader.objectives.values()];
  resolveParents(objectives, reader.parentCells, context, columnOf.get('parent')?.column ?? null, problems);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''));
  return {
    mapping,
    locale: detected.locale,
    objectives,
    newPeople: [...reader.newPeople.values()],
    problems,
  };
}

/**
 * A header that could mean two fields ("Unit") is settled by the other columns (beside a "Unit of
 * measure" column it is the team, and the other way round) or by its values: when some value names
 * a unit of the organisation it is the team, as earlier exports wrote it, and rows naming no unit
 * are refused one by one. Otherwise the person chooses, and the problem says so.
 */
function settleAmbiguousColumns(
  mapping: ColumnMapping[],
  dataRows: readonly { row: SheetRows[number]; number: number }[],
  context: OkrSheetContext,
  headerRow: number,
  problems: SheetProblem[],
): void {
  const units = labelIndex(context.units, (u) => [u.id, u.name]);
  for (const entry of mapping) {
    if (entry.from !== 'ambiguous') continue;
    const taken = (field: OkrSheetField) => mapping.some((other) => other !== entry && other.field === field);
    const namesAUnit = dataRows.some(({ row }) => units.has(normaliseName(cellText(row[entry.index]))));
    const field: OkrSheetField | null =
      taken('unitOfMeasure') && !taken('unit')
        ? 'unit'
        : taken('unit') && !taken('unitOfMeasure')
          ? 'unitOfMeasure'
          : namesAUnit && !taken('unit')
            ? 'unit'
            : null;
    if (field) {
      entry.field = field;
      entry.from = 'values';
    } else
      problems.push({
        row: headerRow,
        column: entry.column,
        message: `column "${entry.header}" could be the team (write "Team / Unit") or the unit of measure (write "Unit of measure"); rename it, or choose what it holds in the preview`,
      });
  }
}

function sheetProblem(message: string): SheetProblem {
  return { row: null, column: null, message };
}

function knownHeaders(): string {
  return Object.values(OKR_SHEET_HEADERS)
    .map((headers) => headers[0])
    .join(', ');
}

/** Reads data rows one by one, grouping them into objectives and collecting problems. */
function createRowReader(
  columnOf: Map<OkrSheetField, ColumnMapping>,
  context: OkrSheetContext,
  problems: SheetProblem[],
  locale: SheetLocale,
) {
  const objectives = new Map<string, SheetObjective>();
  const parentCells = new Map<string, { row: number; value: string }>();
  const newPeople = new Map<string, NewPerson>();
  const keyResultRows = new Map<string, number>();
  const objectiveIdTitles = new Map<string, { title: string; row: number }>();

  const unitByLabel = labelIndex(context.units, (u) => [u.id, u.name]);
  const cycleByLabel = labelIndex(context.cycles, (c) => [c.id, c.name, String(c.year)]);
  const personByLabel = labelIndex(context.people, (p) => [p.id, p.name, p.email ?? '']);

  function read(row: readonly (string | number | boolean | null)[], number: number): void {
    const problem = (field: OkrSheetField, message: string) =>
      problems.push({ row: number, column: columnOf.get(field)?.column ?? null, message });
    const text = (field: OkrSheetField) => {
      const entry = columnOf.get(field);
      return entry ? cellText(row[entry.index]) : '';
    };
    const numberOf = (field: OkrSheetField): number | null => {
      const entry = columnOf.get(field);
      if (!entry) return null;
      const result = readLocaleNumber(row[entry.index], locale);
      if (result.ok) return result.value;
      problem(field, result.message);
      return null;
    };
    const idOf = (field: OkrSheetField): string | null => {
      const value = text(field);
      if (value === '') return null;
      if (ID_PATTERN.test(value)) return value;
      problem(field, `"${value}" is not a usable id (1-64 letters, digits, "_", "." or "-")`);
      return null;
    };

    const unitLabel = text('unit');
    const unitId =
      unitLabel === '' ? context.defaultUnitId : (unitByLabel.get(normaliseName(unitLabel)) ?? null);
    if (unitId === null) problem('unit', unitLabel === '' ? 'no unit given' : `no unit "${unitLabel}"`);
    const cycleLabel = text('cycle');
    const cycleId =
      cycleLabel === '' ? context.defaultCycleId : (cycleByLabel.get(normaliseName(cycleLabel)) ?? null);
    if (cycleId === null) problem('cycle', cycleLabel === '' ? 'no cycle given' : `no cycle "${cycleLabel}"`);

    const objectiveTitle = text('objective');
    const krTitle = text('keyResult');
    if (objectiveTitle === '') problem('objective', 'the objective is empty');
    if (krTitle === '') problem('keyResult', 'the key result is empty');
    const objectiveId = idOf('objectiveId');
    const krId = idOf('keyResultId');

    const objectiveKindText = normaliseLabel(text('objectiveKind'));
    const objectiveKind = objectiveKindText === '' ? 'committed' : OBJECTIVE_KINDS[objectiveKindText];
    if (!objectiveKind)
      problem('objectiveKind', `"${text('objectiveKind')}" is not committed or aspirational`);

    const problemsBeforeNumbers = problems.length;
    const baseline = numberOf('baseline');
    const target = numberOf('target');
    const targetHigh = numberOf('targetHigh');
    const current = numberOf('current');
    const weight = numberOf('weight');
    if (weight !== null && weight < 0) problem('weight', `a weight is 0 or more, got ${weight}`);
    const dueColumn = columnOf.get('dueDate');
    const due = dueColumn ? readLocaleDate(row[dueColumn.index], locale) : null;
    if (due && !due.ok) problem('dueDate', due.message);
    const milestones = text('milestones')
      .split(/[;|\n]/)
      .map((step) => step.trim())
      .filter((step) => step !== '');
    // A number that could not be read says nothing about the kind; don't pile guesses on it.
    const numbersRead = problems.length === problemsBeforeNumbers;
    const kindText = normaliseLabel(text('keyResultKind'));
    const kind: KeyResultKind | undefined =
      kindText === '' ? inferKind(baseline, target, targetHigh, milestones) : KR_KINDS[kindText];
    if (!kind)
      problem('keyResultKind', `"${text('keyResultKind')}" is not one of ${KEY_RESULT_KINDS.join(', ')}`);
    else if (numbersRead)
      for (const issue of checkTargetConsistency({ kind, baseline, target, targetHigh, milestones }))
        problem(issue.path as OkrSheetField, issue.message);

    if (objectiveId !== null && objectiveTitle !== '') {
      const seen = objectiveIdTitles.get(objectiveId);
      if (seen && seen.title !== objectiveTitle)
        problem(
          'objectiveId',
          `duplicate objective id ${objectiveId}: row ${seen.row} gives it the title "${seen.title}"`,
        );
      else if (!seen) objectiveIdTitles.set(objectiveId, { title: objectiveTitle, row: number });
    }
    if (
      unitId === null ||
      cycleId === null ||
      objectiveTitle === '' ||
      krTitle === '' ||
      !objectiveKind ||
      !kind
    )
      return;

    const key = objectiveId ?? `${unitId}|${cycleId}|${normaliseName(objectiveTitle)}`;
    let objective = objectives.get(key);
    if (!objective) {
      objective = {
        key,
        row: number,
        id: objectiveId,
        unitId,
        cycleId,
        title: objectiveTitle,
        description: text('objectiveDescription'),
        kind: objectiveKind,
        parent: null,
        keyResults: [],
      };
      objectives.set(key, objective);
    }
    const parent = text('parent');
    if (parent !== '') {
      const earlier = parentCells.get(key);
      if (earlier && normaliseName(earlier.value) !== normaliseName(parent))
        problem(
          'parent',
          `the objective's parent is "${earlier.value}" on row ${earlier.row}, "${parent}" here`,
        );
      else if (!earlier) parentCells.set(key, { row: number, value: parent });
    }

    const krKey = krId ?? `${key}|${normaliseName(krTitle)}`;
    const firstRow = keyResultRows.get(krKey);
    if (firstRow !== undefined) {
      problem(
        krId ? 'keyResultId' : 'keyResult',
        krId
          ? `duplicate key result id ${krId} (also row ${firstRow})`
          : `duplicate key result "${krTitle}" in this objective (also row ${firstRow})`,
      );
      return;
    }
    keyResultRows.set(krKey, number);
    objective.keyResults.push({
      row: number,
      id: krId,
      title: krTitle,
      kind,
      unitOfMeasure: text('unitOfMeasure').slice(0, 40),
      baseline,
      target,
      targetHigh,
      current,
      weight: weight ?? 1,
      owner: ownerOf(text('owner'), number),
      dueDate: due?.ok ? due.value : null,
      milestones,
    });
  }

  function ownerOf(label: string, row: number): OwnerRef | null {
    if (label === '') return null;
    const personId = personByLabel.get(normaliseName(label));
    if (personId) return { personId };
    const key = normaliseName(label);
    if (!newPeople.has(key)) {
      const isEmail = label.includes('@');
      newPeople.set(key, {
        key,
        name: isEmail ? nameFromEmail(label) : label,
        email: isEmail ? label : null,
        row,
      });
    }
    return { newPerson: key };
  }

  return { read, objectives, parentCells, newPeople };
}

/** "ana.lopez@example.com" → "Ana Lopez": a readable name for an owner known only by e-mail. */
function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/**
 * A sheet without a kind column says what it means through its numbers: a target below the
 * baseline is a decrease, a high bound makes a band, steps make a milestone result, no target at
 * all is done / not done.
 */
function inferKind(
  baseline: number | null,
  target: number | null,
  targetHigh: number | null,
  milestones: string[],
): KeyResultKind {
  if (milestones.length > 0) return 'milestone';
  if (targetHigh !== null) return 'band';
  if (target === null) return 'binary';
  return baseline !== null && target < baseline ? 'decrease' : 'increase';
}

/** Resolves every Parent cell and reports parents that name nothing and cycles of parent links. */
function resolveParents(
  objectives: SheetObjective[],
  parentCells: Map<string, { row: number; value: string }>,
  context: OkrSheetContext,
  parentColumn: string | null,
  problems: SheetProblem[],
): void {
  for (const objective of objectives) {
    const cell = parentCells.get(objective.key);
    if (!cell) continue;
    const found = findOkrParent(cell.value, objectives, context);
    if (found.ok) objective.parent = found.parent;
    else problems.push({ row: cell.row, column: parentColumn, message: found.message });
  }
  const nodes = objectives.map((objective) => ({
    id: objective.key,
    parentId:
      objective.parent?.kind === 'objective' && objective.parent.inFile
        ? objective.parent.key
        : objective.parent?.kind === 'key_result' && objective.parent.inFile
          ? objective.parent.objectiveKey
          : null,
  }));
  for (const cycle of findParentCycles(nodes)) {
    const titles = cycle.map((key) => objectives.find((o) => o.key === key)?.title ?? key);
    for (const key of cycle) {
      const cell = parentCells.get(key);
      problems.push({
        row: cell?.row ?? null,
        column: parentColumn,
        message: `parent links go round in a cycle: ${[...titles, titles[0] ?? ''].join(' → ')}`,
      });
    }
  }
}
