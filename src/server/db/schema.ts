import type { ColumnType, Generated } from 'kysely';
import type { Language } from '../../core/languages';

/**
 * Table types for Kysely. Column names are camelCase here; the CamelCasePlugin maps them to the
 * snake_case of the SQL migrations. Dates are ISO strings (both stores are set up to return
 * `date` columns as text), jsonb columns are parsed values.
 */
type Versioned = {
  version: Generated<number>;
  createdAt: ColumnType<Date, never, never>;
  updatedAt: ColumnType<Date, never, Date | string>;
};

type Json<T> = ColumnType<T, string, string>;

export interface OrganisationTable extends Versioned {
  id: string;
  name: string;
  partNames: Json<Record<string, string>>;
  horizonYears: number;
}

export interface UnitTable extends Versioned {
  id: string;
  organisationId: string;
  parentId: string | null;
  name: string;
  ownerId: string | null;
  position: number;
}

export interface PersonTable extends Versioned {
  id: string;
  organisationId: string;
  unitId: string | null;
  name: string;
  email: string | null;
  skills: Json<string[]>;
  monthlyCapacity: number;
  position: number;
  /** The account this person signs in with, if any (migration 0007). */
  userId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CycleTable extends Versioned {
  id: string;
  organisationId: string;
  name: string;
  year: number;
  startDate: string;
  endDate: string;
  position: number;
}

export interface ObjectiveTable extends Versioned {
  id: string;
  unitId: string;
  cycleId: string;
  title: string;
  description: string;
  kind: 'committed' | 'aspirational';
  alignedObjectiveId: string | null;
  alignedKeyResultId: string | null;
  position: number;
}

export interface KeyResultTable extends Versioned {
  id: string;
  objectiveId: string;
  title: string;
  kind: 'increase' | 'decrease' | 'band' | 'binary' | 'milestone';
  unitOfMeasure: string;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  current: number | null;
  weight: number;
  ownerId: string | null;
  confidence: number | null;
  dueDate: string | null;
  milestones: Json<string[]>;
  position: number;
  /** How several measuring KPIs combine (migration 0011). */
  measureRule: Generated<'sum' | 'average' | 'weighted_average' | 'min' | 'max'>;
  /** Weight of each measuring KPI by item id, for the weighted average; 1 when absent. */
  measureWeights: ColumnType<Record<string, number>, string | undefined, string>;
}

export interface XMatrixTable extends Versioned {
  id: string;
  unitId: string;
  year: number;
  trueNorth: string;
  /** The previous year's matrix this one was rolled over from (migration 0015). */
  rolledFromId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MatrixItemTable extends Versioned {
  id: string;
  matrixId: string;
  part: 'what' | 'how_far' | 'how' | 'how_much' | 'who';
  title: string;
  description: string;
  position: number;
  sourceObjectiveId: string | null;
  targetYear: number | null;
  sourceKeyResultId: string | null;
  startDate: string | null;
  endDate: string | null;
  effortPersonDays: number | null;
  requiredSkills: Json<string[]>;
  status: 'proposed' | 'planned' | 'in_progress' | 'done' | 'on_hold' | 'cancelled' | null;
  unitOfMeasure: string;
  direction: 'increase' | 'decrease' | 'band' | null;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  monthlyPlan: Json<(number | null)[] | null>;
  ownerId: string | null;
  personId: string | null;
  teamUnitId: string | null;
  deliveryProbability: Generated<number>;
  /** The parent's initiative this item was cascaded from (migration 0004). */
  sourceItemId: ColumnType<string | null, string | null | undefined, string | null>;
  /** The previous year's item a roll-over carried into this one (migration 0015). */
  carriedFromId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CorrelationTable extends Versioned {
  id: string;
  matrixId: string;
  grid: 'what_how_far' | 'how_far_how' | 'how_how_much' | 'how_much_what';
  fromId: string;
  toId: string;
  strength: 'strong' | 'medium' | 'weak';
}

export interface OwnershipTable extends Versioned {
  id: string;
  matrixId: string;
  initiativeId: string;
  whoId: string;
  role: 'primary' | 'secondary';
}

export interface CheckInTable extends Versioned {
  id: string;
  keyResultId: string | null;
  kpiItemId: string | null;
  value: number;
  confidence: number | null;
  comment: string;
  checkInDate: string;
  authorId: string | null;
  correctsId: string | null;
  source: 'manual' | 'upload' | 'api' | 'demo' | 'connector';
  /** A manual value recorded over a key result's measuring KPIs (migration 0011). */
  isOverride: Generated<boolean>;
  /** Entry order (migration 0013): same-day check-ins are ordered by it; the database fills it. */
  entryOrder: ColumnType<string, never, never>;
}

/**
 * The view `effective_check_ins` (migration 0009): the check-ins no correction replaced, with the
 * columns of check_ins. Read-only; every "current history" read goes through it.
 */
export type EffectiveCheckInView = CheckInTable;

export interface KpiThresholdTable extends Versioned {
  kpiItemId: string;
  tolerancePercent: number;
}

export interface StatusOverrideTable extends Versioned {
  id: string;
  objectiveId: string | null;
  keyResultId: string | null;
  status: 'on_track' | 'at_risk' | 'off_track';
  reason: string;
  setBy: string | null;
  setAt: ColumnType<Date, never, Date | string>;
}

export interface CountermeasureTable extends Versioned {
  id: string;
  kpiItemId: string;
  year: number;
  month: number;
  problem: string;
  rootCause: string;
  action: string;
  ownerId: string | null;
  dueDate: string | null;
  status: 'plan' | 'do' | 'check' | 'act' | 'closed';
  effect: string | null;
  closedAt: ColumnType<Date | null, never, Date | string | null>;
}

export interface UnitSettingsTable extends Versioned {
  unitId: string;
  checkInCadence: 'weekly' | 'monthly' | null;
}

export interface UnitApiTokenTable extends Versioned {
  id: string;
  unitId: string;
  name: string;
  tokenHash: string;
  revokedAt: ColumnType<Date | null, never, Date | string | null>;
  lastUsedAt: ColumnType<Date | null, never, Date | string | null>;
  scopes: ColumnType<string[], string | undefined, string>;
  createdBy: ColumnType<string | null, string | null | undefined, string | null>;
  expiresAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CycleLockTable extends Versioned {
  id: string;
  cycleId: string;
  lockedAt: ColumnType<Date, never, never>;
  lockedBy: string | null;
  lockReason: string;
  reopenedAt: ColumnType<Date | null, never, Date | string | null>;
  reopenedBy: string | null;
  reopenReason: string | null;
}

/** A closed cycle (migration 0015): its OKRs, matrices and check-ins refuse writes. */
export interface CycleClosureTable extends Versioned {
  cycleId: string;
  closedAt: ColumnType<Date, Date | string | undefined, never>;
  closedBy: string | null;
}

/** The hansei of one annual objective (migration 0015). */
export interface ReflectionTable extends Versioned {
  id: string;
  matrixId: string;
  itemId: string;
  reached: string;
  causes: string;
  learned: string;
}

export interface DigestSettingsTable extends Versioned {
  organisationId: string;
  webhookUrl: string | null;
  emailEnabled: boolean;
}

export interface InitiativeImpactTable extends Versioned {
  id: string;
  matrixId: string;
  initiativeId: string;
  kpiId: string;
  low: number;
  likely: number;
  high: number;
  basis: 'absolute' | 'percent';
  startMonth: number;
  rampMonths: number;
  position: number;
}

export interface InitiativeEffortTable extends Versioned {
  id: string;
  matrixId: string;
  initiativeId: string;
  skill: string;
  personDaysPerMonth: number;
  fromMonth: number;
  toMonth: number;
  position: number;
}

/** Resources a proposal asks for: a readable summary and the capacity gaps behind it. */
export interface ProposalResources {
  summary: string;
  gaps: { skill: string; personDays: number; months: number[]; reason: string }[];
}

export type ProposalStateColumn =
  'proposed' | 'questioned' | 'countered' | 'revised' | 'agreed' | 'withdrawn' | 'rejected';

export interface CatchballProposalTable extends Versioned {
  id: string;
  organisationId: string;
  matrixId: string;
  childUnitId: string;
  parentUnitId: string;
  kpiItemId: string | null;
  keyResultId: string | null;
  title: string;
  originalTarget: number;
  proposedTarget: number;
  resources: Json<ProposalResources>;
  rationale: string;
  evidence: Json<unknown>;
  state: ProposalStateColumn;
  createdBy: string | null;
  /** The saved what-if scenario the proposal rests on (migration 0016). */
  scenarioId: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A saved what-if scenario (migration 0016); the jsonb columns hold contracts/scenario.ts shapes. */
export interface WhatIfScenarioTable extends Versioned {
  id: string;
  matrixId: string;
  name: string;
  changes: Json<Record<string, unknown>>;
  replaced: Json<unknown[]>;
  summary: Json<Record<string, unknown>>;
  createdBy: string | null;
  appliedAt: ColumnType<Date | null, never, Date | string | null>;
}

export interface CatchballEventTable {
  id: string;
  proposalId: string;
  seq: number;
  actorId: string | null;
  action: 'propose' | 'question' | 'counter' | 'revise' | 'agree' | 'withdraw' | 'reject';
  fromState: ProposalStateColumn | null;
  toState: ProposalStateColumn;
  target: number;
  resources: Json<ProposalResources>;
  comment: string;
  createdAt: ColumnType<Date, never, never>;
}

export interface TargetHistoryTable {
  id: string;
  organisationId: string;
  subjectKind: 'key_result' | 'kpi';
  keyResultId: string | null;
  kpiItemId: string | null;
  oldTarget: number | null;
  newTarget: number | null;
  changedBy: string | null;
  reason: string;
  proposalId: string | null;
  changedAt: ColumnType<Date, never, never>;
}

/** A month's forecast from actuals of one target (migration 0014); the latest run of a month replaces it. */
export interface ForecastSnapshotTable {
  id: string;
  matrixId: string;
  kpiItemId: string;
  targetKind: 'kpi' | 'key_result' | 'annual_objective';
  targetId: string;
  title: string;
  year: number;
  month: number;
  asOf: string;
  probability: number;
  direction: 'increase' | 'decrease' | 'band';
  target: number;
  targetHigh: number | null;
  actual: number | null;
  median: number;
  trials: number;
  seed: number;
  recordedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WebhookTable extends Versioned {
  id: string;
  organisationId: string;
  unitId: string | null;
  url: string;
}

/** The state of a translated item's source when the item last agreed with it (migration 0004). */
export interface SourceSnapshotTable extends Versioned {
  /** The matrix item's id. */
  id: string;
  sourceKind: 'objective' | 'key_result' | 'item';
  sourceId: string;
  title: string;
  unitOfMeasure: string;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  answer: string | null;
  answeredAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SchemaMigrationTable {
  name: string;
  appliedAt: ColumnType<Date, never, never>;
}

export interface UserTable extends Versioned {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  isSiteAdmin: ColumnType<boolean, boolean | undefined, boolean>;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  disabledAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lastSignInAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** One of core/languages.ts's LANGUAGES; null follows the browser. */
  language: ColumnType<Language | null, Language | null | undefined, Language | null>;
}

export interface SessionTable {
  /** SHA-256 of the cookie's secret. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: ColumnType<Date, never, never>;
  lastSeenAt: ColumnType<Date, Date | string | undefined, Date | string>;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
  userAgent: ColumnType<string, string | undefined, string>;
  ip: ColumnType<string, string | undefined, string>;
}

export interface RoleAssignmentTable extends Versioned {
  id: string;
  organisationId: string;
  /** NULL: the role holds on the whole organisation. */
  unitId: string | null;
  userId: string;
  role: 'admin' | 'editor' | 'contributor' | 'viewer';
}

export interface SetupTokenTable {
  id: string;
  purpose: 'setup' | 'invite';
  userId: string | null;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
  usedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  createdAt: ColumnType<Date, never, never>;
}

export interface RateLimitHitTable {
  key: string;
  windowStart: ColumnType<Date, Date | string, Date | string>;
  hits: number;
}

export interface AuditEventTable {
  id: ColumnType<string, never, never>;
  at: ColumnType<Date, never, never>;
  tx: ColumnType<string, never, never>;
  organisationId: string | null;
  unitId: string | null;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  action: 'insert' | 'update' | 'delete' | 'sign_in' | 'sign_in_failed' | 'sign_out';
  entityTable: string;
  entityId: string;
  before: Json<Record<string, unknown> | null>;
  after: Json<Record<string, unknown> | null>;
}

/** A single sign-on login in flight (migration 0008): what its callback checks, used once. */
export interface SsoLoginTable {
  /** SHA-256 of the `state` sent to the provider. */
  id: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
  createdAt: ColumnType<Date, never, never>;
}

/** A KPI's connector (migration 0018): its settings; `config` holds no secret. */
export interface KpiConnectorTable extends Versioned {
  kpiItemId: string;
  kind: 'http' | 'postgres' | 'prometheus';
  config: Json<Record<string, unknown>>;
  secretEnv: string | null;
  secretCiphertext: string | null;
  schedule: 'hourly' | 'daily' | 'manual';
  enabled: Generated<boolean>;
}

/** A connector's schedule, lease and last run (migration 0018). */
export interface KpiConnectorRunTable {
  kpiItemId: string;
  nextRunAt: ColumnType<Date | null, Date | string | null, Date | string | null>;
  leaseHolder: string | null;
  leaseUntil: ColumnType<Date | null, Date | string | null, Date | string | null>;
  lastRunAt: ColumnType<Date | null, Date | string | null, Date | string | null>;
  lastStatus: 'ok' | 'partial' | 'failed' | null;
  lastError: string | null;
  lastSummary: ColumnType<unknown, string | null, string | null>;
  updatedAt: ColumnType<Date, never, Date | string>;
}

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type OptionalStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A background job as every app server reports it (migration 0017). */
export interface JobRunTable {
  id: string;
  kind: string;
  status: ColumnType<JobRunStatus, JobRunStatus | undefined, JobRunStatus>;
  payload: Json<Record<string, unknown>>;
  progress: Generated<number>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  attempts: Generated<number>;
  runner: string | null;
  queueJobId: string | null;
  createdAt: Stamp;
  updatedAt: Stamp;
  finishedAt: OptionalStamp;
}

export type JobRunStatus = 'queued' | 'running' | 'done' | 'failed';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One webhook message, its attempts and their outcome: the outbox and the delivery log (migration 0017). */
export interface WebhookDeliveryTable {
  id: string;
  organisationId: string;
  webhookId: string | null;
  event: string;
  url: string;
  body: Json<Record<string, unknown>>;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: OptionalStamp;
  claimedUntil: OptionalStamp;
  createdAt: Stamp;
  updatedAt: Stamp;
  deliveredAt: OptionalStamp;
}

/** One schedule occurrence, claimed by the first app server to insert it (migration 0017). */
export interface ScheduleRunTable {
  key: string;
  organisationId: string | null;
  dueAt: ColumnType<Date, Date | string, Date | string>;
  runner: string | null;
  outcome: ColumnType<unknown, string | null | undefined, string | null>;
  createdAt: Stamp;
}

export interface Database {
  organisations: OrganisationTable;
  units: UnitTable;
  people: PersonTable;
  cycles: CycleTable;
  objectives: ObjectiveTable;
  keyResults: KeyResultTable;
  xMatrices: XMatrixTable;
  matrixItems: MatrixItemTable;
  correlations: CorrelationTable;
  ownerships: OwnershipTable;
  checkIns: CheckInTable;
  effectiveCheckIns: EffectiveCheckInView;
  kpiThresholds: KpiThresholdTable;
  statusOverrides: StatusOverrideTable;
  countermeasures: CountermeasureTable;
  unitSettings: UnitSettingsTable;
  unitApiTokens: UnitApiTokenTable;
  cycleLocks: CycleLockTable;
  cycleClosures: CycleClosureTable;
  reflections: ReflectionTable;
  digestSettings: DigestSettingsTable;
  initiativeImpacts: InitiativeImpactTable;
  initiativeEfforts: InitiativeEffortTable;
  catchballProposals: CatchballProposalTable;
  whatIfScenarios: WhatIfScenarioTable;
  catchballEvents: CatchballEventTable;
  targetHistory: TargetHistoryTable;
  webhooks: WebhookTable;
  sourceSnapshots: SourceSnapshotTable;
  schemaMigrations: SchemaMigrationTable;
  users: UserTable;
  sessions: SessionTable;
  roleAssignments: RoleAssignmentTable;
  setupTokens: SetupTokenTable;
  rateLimitHits: RateLimitHitTable;
  auditEvents: AuditEventTable;
  ssoLogins: SsoLoginTable;
  forecastSnapshots: ForecastSnapshotTable;
  kpiConnectors: KpiConnectorTable;
  kpiConnectorRuns: KpiConnectorRunTable;
  jobRuns: JobRunTable;
  webhookDeliveries: WebhookDeliveryTable;
  scheduleRuns: ScheduleRunTable;
}
