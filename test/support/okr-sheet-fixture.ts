import ExcelJS from 'exceljs';
import { mulberry32 } from '../../src/core/random';

/**
 * A realistic OKR spreadsheet for the demo organisation, generated deterministically: a CIO
 * level, a CSO / Platform level aligned to the CIO's key results, and a team level aligned to
 * the second level's objectives and key results (three levels of parent links). Owners mix the
 * demo's people (by e-mail) and new names the import must create.
 */
export const OKR_SHEET_HEADER = [
  'Objective ID',
  'Objective',
  'Objective kind',
  'KR ID',
  'Key Result',
  'Owner',
  'Unit of measure',
  'Baseline',
  'Target',
  'Due date',
  'Parent',
  'Unit',
  'Cycle',
];

const THEMES = [
  'detection',
  'response',
  'identity',
  'cloud posture',
  'vendor risk',
  'awareness',
  'resilience',
  'automation',
  'data protection',
  'AI assistance',
];
const VERBS = ['Strengthen', 'Accelerate', 'Simplify', 'Automate', 'Measure', 'Harden'];
const METRICS = [
  { name: 'mean time to detect', unit: 'h', from: 24, to: 6 },
  { name: 'alerts triaged by AI', unit: '%', from: 10, to: 60 },
  { name: 'critical findings open', unit: 'count', from: 40, to: 10 },
  { name: 'staff trained', unit: '%', from: 35, to: 90 },
  { name: 'services covered', unit: 'count', from: 12, to: 30 },
];
const EXISTING_OWNERS = [
  'daniel.kovacs@example.com',
  'hannah.fischer@example.com',
  'priya.raman@example.com',
  'aisha-bello',
  'Grace Okafor',
];
const NEW_OWNERS = ['Ana López', 'ben.carter@example.com', 'Chidi Eze', 'Dana Whitfield'];

export interface GeneratedSheet {
  rows: string[][];
  objectives: number;
  keyResults: number;
}

/** 6 + 18 + 36 = 60 objectives with 3 key results each (180), over three levels of units. */
export function generateOkrSheet(seed = 2026): GeneratedSheet {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const rows: string[][] = [OKR_SHEET_HEADER];
  const levels = [
    { units: ['cio'], count: 6 },
    { units: ['cso', 'platform'], count: 18 },
    { units: ['sec-arch', 'secops'], count: 36 },
  ];
  let previous: { objectiveId: string; krIds: string[] }[] = [];
  let objectives = 0;
  levels.forEach((level, depth) => {
    const current: typeof previous = [];
    for (let i = 0; i < level.count; i++) {
      const objectiveId = `imp-l${depth + 1}-o${i + 1}`;
      const theme = THEMES[(i + depth) % THEMES.length] ?? 'detection';
      const title = `${pick(VERBS)} ${theme} (${level.units[i % level.units.length] ?? ''} ${i + 1})`;
      const parentOf = previous[i % Math.max(previous.length, 1)];
      const parent = parentOf ? (i % 2 === 0 ? pick(parentOf.krIds) : parentOf.objectiveId) : '';
      const krIds: string[] = [];
      for (let k = 0; k < 3; k++) {
        const metric = pick(METRICS);
        const krId = `${objectiveId}-kr${k + 1}`;
        krIds.push(krId);
        const owner = random() < 0.75 ? pick(EXISTING_OWNERS) : pick(NEW_OWNERS);
        const month = String(3 + 3 * Math.floor(random() * 4)).padStart(2, '0');
        rows.push([
          objectiveId,
          title,
          random() < 0.3 ? 'Aspirational' : 'Committed',
          krId,
          `${metric.to < metric.from ? 'Reduce' : 'Raise'} ${metric.name} from ${metric.from} to ${metric.to} ${metric.unit} (${k + 1})`,
          owner,
          metric.unit,
          String(metric.from),
          String(metric.to),
          `2026-${month}-${month === '06' || month === '09' ? '30' : '31'}`,
          k === 0 ? parent : '',
          level.units[i % level.units.length] ?? 'cio',
          'FY2026',
        ]);
      }
      current.push({ objectiveId, krIds });
      objectives++;
    }
    previous = current;
  });
  return { rows, objectives, keyResults: rows.length - 1 };
}

/** Writes rows as CSV, quoting where needed. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`;
}

/** Writes rows as an XLSX with one sheet named OKRs; numeric-looking cells become numbers. */
export async function toXlsx(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('OKRs');
  for (const row of rows)
    sheet.addRow(row.map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
