import { z } from 'zod';
import { OKR_SHEET_FIELDS } from '../core/okr-sheet-columns';
import { IdSchema } from './common';
import { XLSX_TYPE } from './matrix-files';
import { KeyResultKindSchema, ObjectiveKindSchema } from './okr';
import { LocaleChoiceFields, SheetLocaleSchema } from './sheet-locale';

/** Largest spreadsheet an import accepts, in bytes; the route refuses a bigger body with 413. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Content types a spreadsheet upload may come in (the body is the file itself). */
export const SHEET_CONTENT_TYPES = ['text/csv', XLSX_TYPE, 'application/octet-stream'];

/**
 * `?run=<uuid>` on an import: the caller's name for this run, to follow its progress at
 * `GET /api/import-runs/:id` while the import request is in flight. Random (a UUID), since the
 * run is readable by whoever knows it.
 */
export const ImportRunIdSchema = z.uuid().meta({
  description: 'A UUID the caller chooses to follow this import at GET /api/import-runs/{id} while it runs',
});
const runField = { run: ImportRunIdSchema.optional() };

/** Phases of an import: reading the file, checking it, writing it; then done or failed. */
export const ImportPhaseSchema = z.enum(['read', 'check', 'write', 'done', 'failed']);
export type ImportPhase = z.infer<typeof ImportPhaseSchema>;

/** `GET /api/import-runs/:id`: how far an import is (kept for ten minutes after it ends). */
export const ImportRunSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['plan', 'okrs', 'matrix']),
    phase: ImportPhaseSchema,
    done: z.number().int().min(0).meta({ description: 'Rows (or bytes, while reading) done in this phase' }),
    total: z.number().int().min(0),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'ImportRun' });
export type ImportRun = z.infer<typeof ImportRunSchema>;

/** Where imported OKRs go: a default unit and cycle for rows that leave them blank. */
export const OkrImportQuerySchema = z
  .object({
    organisationId: IdSchema.optional(),
    unitId: IdSchema.optional().meta({ description: 'Unit for rows without a Unit column or value' }),
    cycleId: IdSchema.optional().meta({ description: 'Cycle for rows without a Cycle column or value' }),
    columns: z
      .string()
      .max(2000)
      .regex(
        /^([A-Z]{1,3}=[A-Za-z]*)(,[A-Z]{1,3}=[A-Za-z]*)*$/,
        'write columns as C=unitOfMeasure,D=unit (E= skips E)',
      )
      .refine(
        (text) =>
          text.split(',').every((pair) => ['', ...OKR_SHEET_FIELDS].includes(pair.split('=')[1] ?? '')),
        {
          message: `each column holds one of ${OKR_SHEET_FIELDS.join(', ')}, or nothing (C= skips column C)`,
        },
      )
      .optional()
      .meta({
        description: 'What columns hold, overriding their headers: C=unitOfMeasure,D=unit; E= skips column E',
      }),
    ...LocaleChoiceFields,
    ...runField,
  })
  .refine((query) => query.organisationId !== undefined || query.unitId !== undefined, {
    message: 'give organisationId or unitId',
    path: ['organisationId'],
  });
export type OkrImportQuery = z.infer<typeof OkrImportQuerySchema>;

/** One problem of a sheet, by spreadsheet row (1 is the header) and column letter. */
export const SheetProblemSchema = z
  .object({ row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })
  .meta({ id: 'SheetProblem' });
export type SheetProblemJson = z.infer<typeof SheetProblemSchema>;

const ColumnMappingSchema = z.object({
  column: z.string(),
  header: z.string(),
  field: z.enum(OKR_SHEET_FIELDS).nullable(),
  /** Read from the header, chosen by the person, settled by the values, unknown, or ambiguous. */
  from: z.enum(['header', 'chosen', 'values', 'unknown', 'ambiguous']),
  /** The fields an ambiguous header could mean. */
  candidates: z.array(z.enum(OKR_SHEET_FIELDS)).optional(),
});

const PreviewKeyResultSchema = z.object({
  row: z.number().int(),
  title: z.string(),
  kind: KeyResultKindSchema,
  unitOfMeasure: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  owner: z
    .string()
    .nullable()
    .meta({ description: 'The owner’s name (an existing person or one the import adds)' }),
  dueDate: z.string().nullable(),
});

const PreviewObjectiveSchema = z.object({
  row: z.number().int(),
  title: z.string(),
  unitId: IdSchema,
  cycleId: IdSchema,
  kind: ObjectiveKindSchema,
  parent: z.string().nullable().meta({ description: 'What the objective aligns to, as written' }),
  keyResults: z.array(PreviewKeyResultSchema),
});

/** What an OKR sheet would create, and every problem that stops it; nothing is written. */
export const OkrImportPreviewSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** CSV only: the separator between cells, as detected. */
    separator: z.enum([',', ';', 'tab']).nullable(),
    locale: SheetLocaleSchema,
    mapping: z.array(ColumnMappingSchema),
    summary: z.object({
      rows: z.number().int(),
      objectives: z.number().int(),
      keyResults: z.number().int(),
      people: z.number().int(),
    }),
    objectives: z.array(PreviewObjectiveSchema),
    newPeople: z.array(z.object({ name: z.string(), email: z.string().nullable() })),
    problems: z.array(SheetProblemSchema),
  })
  .meta({ id: 'OkrImportPreview' });
export type OkrImportPreview = z.infer<typeof OkrImportPreviewSchema>;

export const OkrImportResultSchema = z
  .object({
    organisationId: IdSchema,
    created: z.object({
      objectives: z.number().int(),
      keyResults: z.number().int(),
      people: z.number().int(),
    }),
  })
  .meta({ id: 'OkrImportResult' });
export type OkrImportResult = z.infer<typeof OkrImportResultSchema>;

/** Where an imported spreadsheet X-matrix goes, when the sheet is not to decide it, and how. */
export const MatrixImportQuerySchema = z.object({
  unitId: IdSchema.optional().meta({ description: 'Overrides the Unit cell of the Matrix sheet' }),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  mode: z.enum(['replace', 'copy']).default('replace').meta({
    description:
      'replace: keep the IDs of the file (the matrix it was exported from, updated); copy: give every item a new ID, so a file from another unit imports as a copy, keeping whatever links resolve within the file',
  }),
  replace: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .meta({
      description: "Overwrite the unit's matrix for that year when there is one (otherwise a conflict)",
    }),
  ...runField,
});
export type MatrixImportQuery = z.infer<typeof MatrixImportQuerySchema>;

/** One problem or warning of a workbook: `path` names the sheet, row and column (`sheet "How", row 4, column C`). */
const WorkbookIssueSchema = z.object({ path: z.string(), message: z.string() });

const MatrixImportCountsSchema = z.object({
  items: z.number().int(),
  correlations: z.number().int(),
  owners: z.number().int(),
  impacts: z.number().int(),
  efforts: z.number().int(),
});

/** What importing a spreadsheet X-matrix would write, and every problem that stops it; nothing is written. */
export const MatrixImportPreviewSchema = z
  .object({
    mode: z.enum(['replace', 'copy']),
    unit: z.object({ id: IdSchema, name: z.string() }),
    year: z.number().int(),
    matrixId: IdSchema.meta({ description: 'The id the imported matrix gets' }),
    source: z.object({
      unit: z.string().meta({ description: "The Matrix sheet's Unit cell, as written" }),
      year: z.number().int().nullable(),
    }),
    replaces: z
      .object({ matrixId: IdSchema, items: z.number().int() })
      .nullable()
      .meta({ description: "The unit's matrix for that year, which confirming replaces" }),
    counts: MatrixImportCountsSchema.extend({
      what: z.number().int(),
      howFar: z.number().int(),
      how: z.number().int(),
      howMuch: z.number().int(),
      who: z.number().int(),
    }),
    warnings: z.array(WorkbookIssueSchema).meta({ description: 'What a copy leaves out, by sheet and row' }),
    problems: z
      .array(WorkbookIssueSchema)
      .meta({ description: 'What stops the import, by sheet, row and column' }),
  })
  .meta({ id: 'MatrixImportPreview' });
export type MatrixImportPreview = z.infer<typeof MatrixImportPreviewSchema>;

export const MatrixImportResultSchema = z
  .object({
    matrixId: IdSchema,
    unitId: IdSchema,
    year: z.number().int(),
    replaced: z.boolean(),
    counts: MatrixImportCountsSchema,
    warnings: z.array(WorkbookIssueSchema),
  })
  .meta({ id: 'MatrixImportResult' });
export type MatrixImportResult = z.infer<typeof MatrixImportResultSchema>;
