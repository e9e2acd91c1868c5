import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { PdcaStatusSchema } from './bowling';
import { ProposalActionSchema, ProposalSideSchema, ProposalStateSchema } from './catchball';
import { CadenceSchema } from './execution';

/** The kinds of things that wait for a person, in the order the inbox lists them. */
export const INBOX_KINDS = ['proposal', 'countermeasure', 'check_in'] as const;
export const InboxKindSchema = z.enum(INBOX_KINDS);
export type InboxKind = z.infer<typeof InboxKindSchema>;

/** The values an item's title and detail are written from, for writing them in another language. */
export const InboxValuesSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('proposal'),
      from: z.string().meta({ description: 'The unit that threw the ball' }),
      state: ProposalStateSchema,
      title: z.string(),
      originalTarget: z.number(),
      proposedTarget: z.number(),
    }),
    z.object({
      kind: z.literal('countermeasure'),
      problem: z.string(),
      kpiTitle: z.string(),
      year: z.number().int(),
      month: z.number().int().min(1).max(12),
      stage: PdcaStatusSchema,
    }),
    z.object({
      kind: z.literal('check_in'),
      itemKind: z.enum(['key_result', 'kpi']),
      title: z.string(),
      cadence: CadenceSchema,
      lastCheckIn: IsoDateSchema.nullable(),
    }),
  ])
  .meta({ id: 'InboxValues' });
export type InboxValues = z.infer<typeof InboxValuesSchema>;

export const InboxItemSchema = z
  .object({
    kind: InboxKindSchema,
    /** The proposal, countermeasure, key result or KPI. */
    id: IdSchema,
    title: z.string().meta({ description: 'What waits, in words ("Security (CSO) proposes …")' }),
    detail: z.string().meta({ description: 'One more line: values, the problem, the last check-in' }),
    values: InboxValuesSchema,
    unitId: IdSchema,
    unitName: z.string(),
    href: z.string().meta({ description: "The item's path in the web app" }),
    dueDate: IsoDateSchema.nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxSchema = z
  .object({
    organisationId: IdSchema,
    /** The signed-in person in that organisation; null (and nothing waiting) for an account without one. */
    personId: IdSchema.nullable(),
    asOf: IsoDateSchema,
    count: z.number().int().min(0),
    items: z.array(InboxItemSchema),
  })
  .meta({ id: 'Inbox' });
export type Inbox = z.infer<typeof InboxSchema>;

export const InboxQuerySchema = z.object({
  org: IdSchema.meta({ description: 'The organisation whose inbox to read' }),
});

/** The steps of a proposal the signed-in person may take now, as whom. */
export const ProposalActionsSchema = z
  .object({
    proposalId: IdSchema,
    /** The person the steps are taken as; null when the caller is no person of the organisation. */
    actingAs: IdSchema.nullable(),
    actions: z.array(z.object({ action: ProposalActionSchema, by: ProposalSideSchema })),
  })
  .meta({ id: 'ProposalActions' });
export type ProposalActions = z.infer<typeof ProposalActionsSchema>;
