import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';

/**
 * The audit trail: one event per changed row (written by the database's triggers, migration
 * 0007), with who, when, what, and the row before and after. Events are read per unit, per
 * entity or for a whole organisation, newest first, a page at a time.
 */

export const AUDIT_ACTIONS = ['insert', 'update', 'delete', 'sign_in', 'sign_in_failed', 'sign_out'] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AUDIT_ACTOR_KINDS = ['user', 'token', 'cli', 'system'] as const;

/** What each table's rows are called in the history (tables not listed show as their name in words). */
export const AUDIT_ENTITY_NAMES: Readonly<Record<string, string>> = {
  organisations: 'organisation',
  units: 'unit',
  people: 'person',
  cycles: 'cycle',
  objectives: 'objective',
  key_results: 'key result',
  x_matrices: 'X-matrix',
  matrix_items: 'matrix item',
  correlations: 'correlation',
  ownerships: 'owner cell',
  initiative_impacts: 'initiative impact',
  initiative_efforts: 'initiative effort',
  catchball_proposals: 'catchball proposal',
  catchball_events: 'catchball message',
  target_history: 'target change',
  webhooks: 'webhook',
  check_ins: 'check-in',
  kpi_thresholds: 'KPI tolerance',
  status_overrides: 'status override',
  countermeasures: 'countermeasure',
  unit_settings: 'unit settings',
  unit_api_tokens: 'API token',
  cycle_locks: 'cycle lock',
  digest_settings: 'digest settings',
  source_snapshots: 'source snapshot',
  users: 'user',
  role_assignments: 'role',
};

/** A table's rows in friendly words: `matrix_items` → "matrix item". */
export function auditEntityName(table: string): string {
  return AUDIT_ENTITY_NAMES[table] ?? table.replace(/_/g, ' ').replace(/s$/, '');
}

const booleanFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');

/** Filters shared by the list and the export. */
const auditFilterFields = {
  organisationId: IdSchema.optional().meta({ description: 'Required unless unitId or entityId is given' }),
  unitId: IdSchema.optional(),
  includeBelow: booleanFlag.meta({ description: 'With unitId: the units below it too' }),
  entityId: IdSchema.optional().meta({ description: "One item's history (deleted items stay readable)" }),
  entityTable: z
    .string()
    .regex(/^[a-z_]{1,63}$/, 'a table name such as matrix_items')
    .optional(),
  actorId: z.string().min(1).max(200).optional(),
  action: AuditActionSchema.optional(),
  from: IsoDateSchema.optional().meta({ description: 'First day included (UTC)' }),
  to: IsoDateSchema.optional().meta({ description: 'Last day included (UTC)' }),
  q: z.string().trim().max(200).optional().meta({ description: "Text found in the entity's title or name" }),
};

const needsScope = (
  query: { organisationId?: string; unitId?: string; entityId?: string },
  ctx: z.RefinementCtx,
) => {
  if (!query.organisationId && !query.unitId && !query.entityId)
    ctx.addIssue({
      code: 'custom',
      path: ['organisationId'],
      message: 'required unless unitId or entityId is given',
    });
};

export const AuditQuerySchema = z
  .object({
    ...auditFilterFields,
    cursor: z
      .string()
      .regex(/^\d{1,19}$/, 'the nextCursor of the previous page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(needsScope);
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditExportQuerySchema = z
  .object({ ...auditFilterFields, format: z.enum(['csv', 'json']).default('csv') })
  .superRefine(needsScope);
export type AuditExportQuery = z.infer<typeof AuditExportQuerySchema>;

/** The filters without paging: what the service reads by. */
export type AuditFilter = Omit<AuditQuery, 'cursor' | 'limit'>;

export const AuditChangeSchema = z.object({
  field: z.string().meta({ description: 'camelCase, as the API names it' }),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditChange = z.infer<typeof AuditChangeSchema>;

export const AuditEventSchema = z
  .object({
    id: z.string(),
    at: z.string().meta({ description: 'ISO timestamp' }),
    tx: z.string().meta({ description: 'Events of one transaction (one request, one import) share it' }),
    organisationId: z.string().nullable(),
    unitId: z.string().nullable(),
    actor: z.object({
      kind: z.string().meta({ description: 'user | token | cli | system' }),
      id: z.string().nullable(),
      name: z.string(),
    }),
    action: AuditActionSchema,
    entity: z.object({
      table: z.string(),
      kind: z.string().meta({ description: 'The table in words: "matrix item", "key result"' }),
      id: z.string(),
      label: z.string().meta({ description: 'A human title: the title or name, or what it belongs to' }),
    }),
    changes: z.array(AuditChangeSchema).meta({
      description:
        'Updates: only the fields that changed (not version or updatedAt); inserts and deletes: every field',
    }),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({
  events: z.array(AuditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
