import { LocaleChoiceFields, SheetLocaleSchema } from './sheet-locale';
import { z } from 'zod';
import { TOKEN_SCOPES } from '../core/access';
import { IdSchema, IsoDateSchema, MeasureSchema } from './common';
import { XLSX_TYPE } from './matrix-files';

const Confidence = z.number().min(0).max(1).meta({ description: 'Confidence, 0.0-1.0' });
const Comment = z.string().max(2000, 'must be at most 2000 characters');

export const CheckInSourceSchema = z.enum(['manual', 'upload', 'api', 'demo', 'connector']);

/**
 * A measured value of a key result or a KPI. A correction is a new check-in naming the one it
 * corrects; `correctedBy` points from a corrected check-in to its correction, so history keeps both.
 */
export const CheckInSchema = z
  .object({
    id: IdSchema,
    keyResultId: IdSchema.nullable(),
    kpiId: IdSchema.nullable(),
    value: z.number(),
    confidence: Confidence.nullable(),
    comment: z.string(),
    date: IsoDateSchema,
    authorId: IdSchema.nullable(),
    source: CheckInSourceSchema,
    correctsId: IdSchema.nullable(),
    correctedById: IdSchema.nullable(),
    override: z
      .boolean()
      .meta({ description: 'A manual value recorded over the KPIs measuring the key result' }),
    createdAt: z.string(),
  })
  .meta({ id: 'CheckIn' });
export type CheckIn = z.infer<typeof CheckInSchema>;

const checkInFields = {
  value: MeasureSchema,
  confidence: Confidence.nullable().optional(),
  comment: Comment.optional(),
  date: IsoDateSchema,
  authorId: IdSchema.nullable().optional(),
  override: z.boolean().optional().meta({
    description:
      'On a key result measured by KPIs: record this value over them (shown in history); without it such a check-in is refused',
  }),
};

/** A new check-in on exactly one key result or KPI (How Much item). */
export const CreateCheckInSchema = z
  .object({ keyResultId: IdSchema.optional(), kpiId: IdSchema.optional(), ...checkInFields })
  .refine((input) => (input.keyResultId === undefined) !== (input.kpiId === undefined), {
    message: 'name exactly one of keyResultId or kpiId',
    path: ['keyResultId'],
  });
export type CreateCheckInInput = z.infer<typeof CreateCheckInSchema>;

/** A correction of a past check-in: the new value (and optionally date, confidence, comment) and why. */
export const CorrectCheckInSchema = z.object({
  value: MeasureSchema,
  confidence: Confidence.nullable().optional(),
  comment: Comment.optional(),
  date: IsoDateSchema.optional(),
  authorId: IdSchema.nullable().optional(),
});
export type CorrectCheckInInput = z.infer<typeof CorrectCheckInSchema>;

/** One row of a bulk check-in: `item` is a key result or KPI id. */
export const BulkCheckInRowSchema = z.object({ item: IdSchema, ...checkInFields });
export type BulkCheckInRow = z.infer<typeof BulkCheckInRowSchema>;

export const BulkCheckInSchema = z.object({ checkIns: z.array(BulkCheckInRowSchema).min(1).max(10_000) });
export type BulkCheckInInput = z.infer<typeof BulkCheckInSchema>;

export const BulkCheckInResultSchema = z.object({
  created: z.number().int(),
  checkIns: z.array(CheckInSchema),
});
export type BulkCheckInResult = z.infer<typeof BulkCheckInResultSchema>;

/**
 * What an upload would check in, read and checked but not written: each row as read (`row` names
 * it: "row 4"), the item's title when the item exists, and every problem the upload would be
 * refused for, located by row and column. An empty `problems` means the upload will go through.
 */
export const CheckInUploadPreviewSchema = z
  .object({
    rows: z.array(
      z.object({
        row: z.string(),
        item: z.string(),
        itemTitle: z.string().nullable(),
        date: z.string(),
        value: z.number(),
        confidence: z.number().nullable(),
        comment: z.string(),
        authorId: z.string().nullable(),
      }),
    ),
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
    /** How the file was read: null when it could not be read at all. */
    separator: z.enum([',', ';', 'tab']).nullable(),
    locale: SheetLocaleSchema.nullable(),
  })
  .meta({ id: 'CheckInUploadPreview' });
export type CheckInUploadPreview = z.infer<typeof CheckInUploadPreviewSchema>;

/** The person's choices for reading an upload's numbers and dates, when the file leaves them open. */
export const CheckInUploadQuerySchema = z.object({ ...LocaleChoiceFields });

/** Content types a check-in upload may come in: the file itself, as CSV or an XLSX workbook. */
export const CHECK_IN_UPLOAD_TYPES = ['text/csv', XLSX_TYPE] as const;

export const CheckInHistoryQuerySchema = z.object({
  keyResultId: IdSchema.optional(),
  kpiId: IdSchema.optional(),
  /** Include check-ins replaced by a correction (they are flagged by `correctedById`). */
  includeCorrected: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});

/** A token for feeding check-ins from other systems; `token` is present only in the creation response. */
/** What a unit API token may do (see core/access.ts). */
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);

export const ApiTokenSchema = z
  .object({
    id: IdSchema,
    unitId: IdSchema,
    name: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    scopes: z.array(TokenScopeSchema),
    expiresAt: z.string().nullable(),
    token: z.string().optional().meta({ description: 'The secret, shown once on creation' }),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(TokenScopeSchema)
    .min(1, { error: 'choose at least one scope: read, check_ins or write' })
    .default(['check_ins'])
    .meta({
      description: 'read: the unit subtree; check_ins: check in on any item there; write: edit as an editor',
    }),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
