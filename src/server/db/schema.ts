import type { ColumnType, Generated } from 'kysely';

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
}

export interface XMatrixTable extends Versioned {
  id: string;
  unitId: string;
  year: number;
  trueNorth: string;
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
  /** The parent's initiative this item was cascaded from (migration 0004). */
  sourceItemId: ColumnType<string | null, string | null | undefined, string | null>;
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
  sourceSnapshots: SourceSnapshotTable;
  schemaMigrations: SchemaMigrationTable;
}
