import { sql } from 'kysely';
import { keyResultState, sourceChanged, titleState, type SourceState } from '../../../core/source-sync';
import type { CascadeLink, SourceStatus } from '../../../contracts';
import { inChunks, insertInChunks } from '../../db/chunked';
import type { Db } from '../../db/store';
import type { Row } from '../../db/versioned';

/** What a translated item follows: a parent objective, a parent key result or a cascaded initiative. */
export interface SourceRef {
  kind: 'objective' | 'key_result' | 'item';
  id: string;
}

/** The source an item follows; a cascade link wins over a key result, which wins over an objective. */
export function sourceOf(
  item: Pick<Row<'matrixItems'>, 'sourceItemId' | 'sourceKeyResultId' | 'sourceObjectiveId'>,
): SourceRef | null {
  if (item.sourceItemId) return { kind: 'item', id: item.sourceItemId };
  if (item.sourceKeyResultId) return { kind: 'key_result', id: item.sourceKeyResultId };
  if (item.sourceObjectiveId) return { kind: 'objective', id: item.sourceObjectiveId };
  return null;
}

const refKey = (ref: SourceRef) => `${ref.kind}:${ref.id}`;

/** The current state of each source, keyed `kind:id`; sources that no longer exist are absent. */
export async function currentSourceStates(
  db: Db,
  refs: readonly SourceRef[],
): Promise<Map<string, SourceState>> {
  const ids = (kind: SourceRef['kind']) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
  const states = new Map<string, SourceState>();
  for (const row of await inChunks(ids('objective'), (slice) =>
    db.selectFrom('objectives').select(['id', 'title']).where('id', 'in', slice).execute(),
  ))
    states.set(`objective:${row.id}`, titleState(row.title));
  for (const row of await inChunks(ids('key_result'), (slice) =>
    db.selectFrom('keyResults').selectAll().where('id', 'in', slice).execute(),
  ))
    states.set(`key_result:${row.id}`, keyResultState(row));
  for (const row of await inChunks(ids('item'), (slice) =>
    db.selectFrom('matrixItems').select(['id', 'title']).where('id', 'in', slice).execute(),
  ))
    states.set(`item:${row.id}`, titleState(row.title));
  return states;
}

/**
 * Records the source's current state as the one the item agrees with (at translation, accept or
 * answer). `answer` is the comment of an answer, null otherwise.
 */
export async function snapshotSource(
  db: Db,
  itemId: string,
  ref: SourceRef,
  answer: string | null = null,
): Promise<void> {
  const state = (await currentSourceStates(db, [ref])).get(refKey(ref));
  if (!state) return;
  const values = {
    sourceKind: ref.kind,
    sourceId: ref.id,
    ...state,
    answer,
    answeredAt: answer === null ? null : sql<string>`now()`,
  };
  await db
    .insertInto('sourceSnapshots')
    .values({ id: itemId, ...values })
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({
        ...values,
        version: sql<number>`source_snapshots.version + 1`,
        updatedAt: sql<string>`now()`,
      }),
    )
    .execute();
}

/**
 * Records, for every given item that follows a source, the source's current state as agreed:
 * items written by translate, cascade or a plan import start in agreement with their sources.
 * One read per kind of source and one insert, however many items.
 */
export async function snapshotSources(
  db: Db,
  items: readonly Pick<
    Row<'matrixItems'>,
    'id' | 'sourceItemId' | 'sourceKeyResultId' | 'sourceObjectiveId'
  >[],
): Promise<void> {
  const followed = items.flatMap((item) => {
    const ref = sourceOf(item);
    return ref ? [{ id: item.id, ref }] : [];
  });
  if (followed.length === 0) return;
  const states = await currentSourceStates(
    db,
    followed.map((f) => f.ref),
  );
  const rows = followed.flatMap(({ id, ref }) => {
    const state = states.get(refKey(ref));
    return state ? [{ id, sourceKind: ref.kind, sourceId: ref.id, ...state }] : [];
  });
  await insertInChunks(db, 'sourceSnapshots', rows);
}

/** The source status of every item that follows a source. */
export async function sourceStatusOf(db: Db, items: readonly Row<'matrixItems'>[]): Promise<SourceStatus[]> {
  const followed = items.flatMap((item) => {
    const ref = sourceOf(item);
    return ref ? [{ item, ref }] : [];
  });
  if (followed.length === 0) return [];
  const [states, snapshots] = await Promise.all([
    currentSourceStates(
      db,
      followed.map((f) => f.ref),
    ),
    db
      .selectFrom('sourceSnapshots')
      .selectAll()
      .where(
        'id',
        'in',
        followed.map((f) => f.item.id),
      )
      .execute(),
  ]);
  const snapshotOf = new Map(snapshots.map((s) => [s.id, s]));
  return followed.flatMap(({ item, ref }) => {
    const after = states.get(refKey(ref));
    if (!after) return [];
    const stored = snapshotOf.get(item.id);
    const snapshot =
      stored && stored.sourceKind === ref.kind && stored.sourceId === ref.id ? stored : undefined;
    const before: SourceState | null = snapshot
      ? {
          title: snapshot.title,
          unitOfMeasure: snapshot.unitOfMeasure,
          baseline: snapshot.baseline,
          target: snapshot.target,
          targetHigh: snapshot.targetHigh,
        }
      : null;
    return [
      {
        itemId: item.id,
        sourceKind: ref.kind,
        sourceId: ref.id,
        tracked: before !== null,
        sourceChanged: before !== null && sourceChanged(before, after),
        before,
        after,
        answer: snapshot?.answer ?? null,
        answeredAt: snapshot?.answeredAt ? new Date(snapshot.answeredAt).toISOString() : null,
      },
    ];
  });
}

/** Cascade links touching a matrix: its initiatives' child items, and its items' parent initiatives. */
export async function cascadeLinksOf(db: Db, matrixId: string): Promise<CascadeLink[]> {
  const end = <A extends 'p' | 'c'>(alias: A) =>
    [
      `${alias}.id as ${alias}ItemId`,
      `${alias}.title as ${alias}Title`,
      `${alias}.part as ${alias}Part`,
      `${alias}m.id as ${alias}MatrixId`,
      `${alias}m.year as ${alias}Year`,
      `${alias}u.id as ${alias}UnitId`,
      `${alias}u.name as ${alias}UnitName`,
    ] as const;
  const rows = await db
    .selectFrom('matrixItems as c')
    .innerJoin('matrixItems as p', 'p.id', 'c.sourceItemId')
    .innerJoin('xMatrices as cm', 'cm.id', 'c.matrixId')
    .innerJoin('xMatrices as pm', 'pm.id', 'p.matrixId')
    .innerJoin('units as cu', 'cu.id', 'cm.unitId')
    .innerJoin('units as pu', 'pu.id', 'pm.unitId')
    .select([...end('p'), ...end('c')])
    .where((eb) => eb.or([eb('c.matrixId', '=', matrixId), eb('p.matrixId', '=', matrixId)]))
    .orderBy('p.position')
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    parent: {
      itemId: row.pItemId,
      title: row.pTitle,
      part: row.pPart,
      matrixId: row.pMatrixId,
      year: row.pYear,
      unitId: row.pUnitId,
      unitName: row.pUnitName,
    },
    child: {
      itemId: row.cItemId,
      title: row.cTitle,
      part: row.cPart,
      matrixId: row.cMatrixId,
      year: row.cYear,
      unitId: row.cUnitId,
      unitName: row.cUnitName,
    },
  }));
}
