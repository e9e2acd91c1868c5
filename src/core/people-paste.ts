/**
 * People pasted from a spreadsheet: one person a line, `name, e-mail, skills, capacity`, cells
 * separated by tabs (what a spreadsheet copies) or commas. Skills inside a cell are separated by
 * `;` (or `,` when the cells are tab-separated). A first line whose first cell is "name" is a header.
 */
import type { Issue } from './errors';
import { detectSheetLocale, readLocaleNumber, type LocatedCell } from './sheet-locale';

export interface PastedPerson {
  /** The line number in the pasted text (1-based), so a problem names the row people see. */
  line: number;
  name: string;
  email: string | null;
  skills: string[];
  /** Person-days per month; null when the cell is empty (the store's default applies). */
  monthlyCapacity: number | null;
}

export interface PastedPeople {
  people: PastedPerson[];
  /** Each problem with `row N, <column>`; a paste with problems writes nothing. */
  issues: Issue[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASTE_COLUMNS = ['name', 'e-mail', 'skills', 'capacity'] as const;

/** Reads pasted rows; blank lines are skipped, every other line is one person or one problem. */
export function parsePastedPeople(text: string): PastedPeople {
  const people: PastedPerson[] = [];
  const issues: Issue[] = [];
  const lines = text.split(/\r?\n/);
  // Capacities are read like every sheet's numbers: the decimal mark decided once for the paste.
  const capacities: LocatedCell[] = lines.flatMap((raw, index) => {
    const cells = raw.split(raw.includes('\t') ? '\t' : ',');
    return raw.trim() === '' ? [] : [{ cell: cells[3]?.trim() ?? '', row: index + 1, column: 'capacity' }];
  });
  const detected = detectSheetLocale(capacities, []);
  for (const problem of detected.problems)
    issues.push({ path: `row ${String(problem.at.row)}, capacity`, message: problem.message });
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const tabbed = raw.includes('\t');
    const cells = raw.split(tabbed ? '\t' : ',').map((cell) => cell.trim());
    const [name = '', email = '', skills = '', capacity = ''] = cells;
    if (people.length === 0 && issues.length === 0 && name.toLowerCase() === 'name') return;
    const at = (column: string) => `row ${String(line)}, ${column}`;
    if (name === '') issues.push({ path: at('name'), message: 'a name is required' });
    if (name.length > 200) issues.push({ path: at('name'), message: 'at most 200 characters' });
    if (email !== '' && !EMAIL.test(email))
      issues.push({ path: at('e-mail'), message: `"${email}" is not an e-mail address` });
    const read = readLocaleNumber(capacity, detected.locale);
    const amount = read.ok ? read.value : Number.NaN;
    if (amount !== null && (!Number.isFinite(amount) || amount < 0 || amount > 31))
      issues.push({ path: at('capacity'), message: `"${capacity}" is not 0-31 person-days a month` });
    if (cells.slice(PASTE_COLUMNS.length).some((cell) => cell !== ''))
      issues.push({
        path: `row ${String(line)}`,
        message: 'more than four cells (name, e-mail, skills, capacity); separate skills with ";"',
      });
    people.push({
      line,
      name,
      email: email === '' ? null : email,
      skills: skills
        .split(tabbed ? /[;,]/ : /;/)
        .map((skill) => skill.trim())
        .filter((skill) => skill !== ''),
      monthlyCapacity: amount,
    });
  });
  return { people, issues };
}

/** A readable id from a name: "Northwind Financial" → "northwind-financial" (IdSchema's alphabet). */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
