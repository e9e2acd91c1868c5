import { z } from 'zod';
import { PROPOSAL_ACTIONS, PROPOSAL_STATES } from '../core/catchball';
import { IdSchema, MeasureSchema, VersionSchema } from './common';

export const ProposalStateSchema = z.enum(PROPOSAL_STATES);
export const ProposalActionSchema = z.enum(PROPOSAL_ACTIONS);
export const ProposalSideSchema = z.enum(['child', 'parent']);

/** The resources the child unit says it would need to keep the original target. */
export const ProposalResourcesSchema = z
  .object({
    summary: z.string().max(5000).default(''),
    gaps: z
      .array(
        z.object({
          skill: z.string().min(1).max(80),
          personDays: z.number().min(0, 'must not be negative'),
          months: z.array(z.number().int().min(1).max(12)).default([]),
          reason: z.string().max(200).default(''),
        }),
      )
      .default([]),
  })
  .meta({ id: 'ProposalResources' });
export type ProposalResources = z.infer<typeof ProposalResourcesSchema>;

const Comment = z.string().trim().max(5000);

/**
 * A catchball proposal from a child unit to its parent about one target. The acting person is the
 * signed-in user's person (who must own the unit whose turn it is); `actorId`, when sent, must be
 * that person, except for a site administrator acting for a unit owner (recorded as theirs).
 */
export const CreateProposalSchema = z.object({
  matrixId: IdSchema.meta({ description: "The child unit's X-matrix the finding came from" }),
  kpiItemId: IdSchema.nullable().default(null).meta({ description: 'A KPI (How Much item) of that matrix' }),
  keyResultId: IdSchema.nullable()
    .default(null)
    .meta({ description: "The key result whose target is concerned (often the parent's)" }),
  actorId: IdSchema.optional().meta({
    description: "The child unit's owner, who throws the ball (default: the signed-in user's person)",
  }),
  proposedTarget: MeasureSchema.optional().meta({
    description: 'Default: the value the pressure test reaches with 80 % confidence',
  }),
  resources: ProposalResourcesSchema.optional().meta({
    description: 'Default: the capacity gaps of the initiatives that move the KPI',
  }),
  rationale: Comment.default(''),
  scenarioId: IdSchema.nullable().default(null).meta({
    description:
      "A saved what-if scenario of the same matrix as the proposal's evidence: its probability and 80 % value for this target go along",
  }),
  trials: z.number().int().min(100).max(200_000).optional(),
  seed: z.number().int().min(0).optional(),
});
export type CreateProposalInput = z.infer<typeof CreateProposalSchema>;

export const ProposalEventSchema = z.object({
  id: IdSchema,
  seq: z.number().int(),
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.enum(['propose', ...PROPOSAL_ACTIONS]),
  fromState: ProposalStateSchema.nullable(),
  toState: ProposalStateSchema,
  target: z.number(),
  resources: ProposalResourcesSchema,
  comment: z.string(),
  createdAt: z.string(),
});
export type ProposalEvent = z.infer<typeof ProposalEventSchema>;

export const ProposalSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    matrixId: IdSchema,
    childUnitId: IdSchema,
    parentUnitId: IdSchema,
    kpiItemId: IdSchema.nullable(),
    keyResultId: IdSchema.nullable(),
    title: z.string(),
    originalTarget: z.number(),
    proposedTarget: z.number(),
    resources: ProposalResourcesSchema,
    rationale: z.string(),
    evidence: z.unknown(),
    scenarioId: IdSchema.nullable().meta({
      description: 'The saved what-if scenario it rests on, while it exists',
    }),
    state: ProposalStateSchema,
    ballWith: ProposalSideSchema.nullable().meta({ description: 'Whose turn it is; null once ended' }),
    createdBy: IdSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: VersionSchema,
  })
  .meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof ProposalSchema>;

/**
 * What an agreement would act on, as it stands now (see core/agreement-effects.ts): the web runs
 * `agreementEffects` on it to show what agreeing a value changes; the server applies the same.
 */
export const AgreementBasisSchema = z
  .object({
    keyResult: z
      .object({
        id: IdSchema,
        title: z.string(),
        target: z.number().nullable(),
        targetHigh: z.number().nullable(),
      })
      .nullable(),
    kpi: z
      .object({
        id: IdSchema,
        title: z.string(),
        baseline: z.number().nullable(),
        target: z.number().nullable(),
        targetHigh: z.number().nullable(),
        monthlyPlan: z.array(z.number().nullable()).nullable(),
      })
      .nullable(),
    followers: z.array(
      z.object({
        id: IdSchema,
        part: z.enum(['how_far', 'how_much']),
        title: z.string(),
        matrixId: IdSchema,
      }),
    ),
    monthIndex: z.number().int().min(0).max(11),
  })
  .meta({ id: 'AgreementBasis' });
export type AgreementBasis = z.infer<typeof AgreementBasisSchema>;

export const ProposalThreadSchema = ProposalSchema.extend({
  events: z.array(ProposalEventSchema),
  availableActions: z.array(z.object({ action: ProposalActionSchema, by: ProposalSideSchema })),
  agreement: AgreementBasisSchema.meta({
    description: 'The key result, KPI and translated items an agreement acts on, as they stand now',
  }),
}).meta({ id: 'ProposalThread' });
export type ProposalThread = z.infer<typeof ProposalThreadSchema>;

/** One step of the loop; `target` and `resources` are the new snapshot for counter and revise. */
export const ProposalStepSchema = z.object({
  action: ProposalActionSchema,
  actorId: IdSchema.optional().meta({ description: "Default: the signed-in user's person" }),
  target: MeasureSchema.optional(),
  resources: ProposalResourcesSchema.optional(),
  comment: Comment.default(''),
  version: VersionSchema,
});
export type ProposalStepInput = z.infer<typeof ProposalStepSchema>;

export const ProposalListQuerySchema = z.object({
  state: z.enum(['open', 'closed', 'all']).default('all'),
});

export const TargetHistoryEntrySchema = z
  .object({
    id: IdSchema,
    subjectKind: z.enum(['key_result', 'kpi']),
    subjectId: IdSchema,
    oldTarget: z.number().nullable(),
    newTarget: z.number().nullable(),
    changedBy: IdSchema.nullable(),
    changedByName: z.string().nullable(),
    reason: z.string(),
    proposalId: IdSchema.nullable(),
    changedAt: z.string(),
  })
  .meta({ id: 'TargetHistoryEntry' });
export type TargetHistoryEntry = z.infer<typeof TargetHistoryEntrySchema>;

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000)
  .meta({ description: 'Receives Slack/Teams-compatible JSON ({ text, blocks })' });

export const WebhookSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    unitId: IdSchema.nullable(),
    url: WebhookUrl,
    version: VersionSchema,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof WebhookSchema>;

export const CreateWebhookSchema = z.object({
  id: IdSchema.optional(),
  organisationId: IdSchema,
  unitId: IdSchema.nullable()
    .default(null)
    .meta({ description: 'null: the organisation-wide hook for units without their own' }),
  url: WebhookUrl,
});
export type CreateWebhookInput = z.infer<typeof CreateWebhookSchema>;

export const UpdateWebhookSchema = z.object({ version: VersionSchema, url: WebhookUrl });
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookSchema>;

export const WebhookDeliverySchema = z
  .object({
    id: IdSchema,
    at: z.string().meta({ description: 'When the message was queued (ISO date-time)' }),
    event: z.string().meta({ description: 'What it tells: proposal, countermeasure, digest, reminder…' }),
    url: z.string(),
    unitName: z.string().nullable().meta({
      description: 'The unit whose webhook it went to; null for the organisation-wide one or the digest URL',
    }),
    status: z.enum(['pending', 'delivered', 'failed']),
    statusCode: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The receiver's last HTTP status; null when it was not reached" }),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    nextAttemptAt: z.string().nullable().meta({ description: 'When the next retry goes out, while pending' }),
    deliveredAt: z.string().nullable(),
    error: z.string().nullable().meta({ description: 'Why the last attempt failed' }),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListSchema = z.object({
  organisationId: IdSchema,
  deliveries: z.array(WebhookDeliverySchema),
});
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryListSchema>;

export const WebhookDeliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
