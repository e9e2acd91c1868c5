import { z } from 'zod';
import { CORRELATION_STRENGTHS } from '../core/correlation';
import { KPI_DIRECTIONS } from '../core/key-result';
import { OWNERSHIP_ROLES } from '../core/ownership';
import { DescriptionSchema, IdSchema, IsoDateSchema, TitleSchema } from './common';
import { SourceStatusSchema } from './translation-links';
import { MatrixItemSchema, XMatrixViewSchema } from './x-matrix';

/** A local key naming an item inside a proposal, so grid marks and owners can refer to it before it has an id. */
const KeySchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .meta({ description: 'Local key of an item in the proposal' });
const YearSchema = z.number().int().min(2000).max(2100);

/** `POST /api/translations/preview`: which parent unit's OKRs, for which cycle, into which child unit and year. */
export const TranslationScopeSchema = z.object({
  fromUnitId: IdSchema,
  toUnitId: IdSchema,
  cycleId: IdSchema,
  year: YearSchema.optional().meta({ description: "The matrix year; defaults to the cycle's year" }),
});
export type TranslationScope = z.infer<typeof TranslationScopeSchema>;

/**
 * A proposed child X-matrix, plain data for the client to edit: rename, merge (one What carrying
 * several objectives), split (two What with one source), add initiatives and owners, confirm the
 * grid marks. Items refer to each other by `key`; apply turns keys into ids.
 */
export const TranslationProposalSchema = z
  .object({
    fromUnitId: IdSchema,
    toUnitId: IdSchema,
    cycleId: IdSchema,
    year: YearSchema,
    what: z.array(
      z.object({
        key: KeySchema,
        title: TitleSchema,
        description: DescriptionSchema.default(''),
        sourceObjectiveId: IdSchema.nullable(),
        mergedObjectiveIds: z.array(IdSchema).default([]),
        targetYear: YearSchema.nullable().default(null),
      }),
    ),
    howFar: z.array(z.object({ key: KeySchema, title: TitleSchema, sourceKeyResultId: IdSchema.nullable() })),
    how: z
      .array(
        z.object({
          key: KeySchema,
          title: TitleSchema,
          description: DescriptionSchema.default(''),
          startDate: IsoDateSchema.nullable().default(null),
          endDate: IsoDateSchema.nullable().default(null),
        }),
      )
      .default([]),
    howMuch: z.array(
      z.object({
        key: KeySchema,
        title: TitleSchema,
        unitOfMeasure: z.string().max(40).default(''),
        direction: z.enum(KPI_DIRECTIONS),
        baseline: z.number().nullable(),
        target: z.number().nullable(),
        targetHigh: z.number().nullable().default(null),
        ownerId: IdSchema.nullable().default(null),
        sourceKeyResultId: IdSchema.nullable(),
      }),
    ),
    who: z
      .array(z.object({ key: KeySchema, personId: IdSchema.nullable(), teamUnitId: IdSchema.nullable() }))
      .default([]),
    correlations: z
      .array(z.object({ from: KeySchema, to: KeySchema, strength: z.enum(CORRELATION_STRENGTHS) }))
      .default([]),
    owners: z
      .array(z.object({ initiative: KeySchema, who: KeySchema, role: z.enum(OWNERSHIP_ROLES) }))
      .default([]),
  })
  .meta({ id: 'TranslationProposal' });
export type TranslationProposal = z.output<typeof TranslationProposalSchema>;
export type TranslationProposalInput = z.input<typeof TranslationProposalSchema>;

/** What applying a proposal created: the matrix (new or extended), the new item ids by key, and the whole matrix. */
export const TranslationResultSchema = z
  .object({
    matrixId: IdSchema,
    createdMatrix: z.boolean(),
    itemIds: z.record(z.string(), IdSchema),
    counts: z.object({
      what: z.number().int(),
      howFar: z.number().int(),
      how: z.number().int(),
      howMuch: z.number().int(),
      who: z.number().int(),
      correlations: z.number().int(),
      owners: z.number().int(),
    }),
    view: XMatrixViewSchema,
  })
  .meta({ id: 'TranslationResult' });
export type TranslationResult = z.infer<typeof TranslationResultSchema>;

/** An item after accept, answer or cascade, with where it stands against its source. */
export const LinkedItemSchema = z.object({
  item: MatrixItemSchema,
  sourceStatus: SourceStatusSchema.nullable(),
});
export type LinkedItem = z.infer<typeof LinkedItemSchema>;
