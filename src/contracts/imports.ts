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
      .optional()
      .meta({
        description: 'What columns hold, overriding their headers: C=unitOfMeasure,D=unit; E= skips column E',
      }),
    ...LocaleChoiceFields,
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
  owner: z.string().nullable(),
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

/** Where an imported spreadsheet X-matrix goes, when the sheet is not to decide it. */
export const MatrixImportQuerySchema = z.object({
  unitId: IdSchema.optional().meta({ description: 'Overrides the Unit cell of the Matrix sheet' }),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  replace: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const MatrixImportResultSchema = z
  .object({
    matrixId: IdSchema,
    unitId: IdSchema,
    year: z.number().int(),
    replaced: z.boolean(),
    counts: z.object({ items: z.number().int(), correlations: z.number().int(), owners: z.number().int() }),
  })
  .meta({ id: 'MatrixImportResult' });
export type MatrixImportResult = z.infer<typeof MatrixImportResultSchema>;
