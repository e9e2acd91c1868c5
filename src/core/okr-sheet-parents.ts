import { normaliseName } from './sheet-cells';

/**
 * What a Parent cell names: an objective or key result of the same file (by its grouping key, or
 * by its objective and row) or one already stored (by id).
 */
export type OkrParent =
  | { kind: 'objective'; inFile: true; key: string }
  | { kind: 'objective'; inFile: false; id: string }
  | { kind: 'key_result'; inFile: true; objectiveKey: string; row: number }
  | { kind: 'key_result'; inFile: false; id: string };

interface ParentCandidates {
  key: string;
  id: string | null;
  title: string;
  keyResults: readonly { id: string | null; title: string; row: number }[];
}

/**
 * Finds what a Parent cell names. Ids win over titles, the file over the store: an objective or
 * key result id of the file, then one of the store, then a title of the file, which must be
 * unambiguous.
 */
export function findOkrParent(
  value: string,
  objectives: readonly ParentCandidates[],
  stored: { objectiveIds: ReadonlySet<string>; keyResultIds: ReadonlySet<string> },
): { ok: true; parent: OkrParent } | { ok: false; message: string } {
  const objectiveById = objectives.find((o) => o.id === value);
  if (objectiveById) return { ok: true, parent: { kind: 'objective', inFile: true, key: objectiveById.key } };
  for (const objective of objectives) {
    const kr = objective.keyResults.find((k) => k.id === value);
    if (kr)
      return {
        ok: true,
        parent: { kind: 'key_result', inFile: true, objectiveKey: objective.key, row: kr.row },
      };
  }
  if (stored.objectiveIds.has(value))
    return { ok: true, parent: { kind: 'objective', inFile: false, id: value } };
  if (stored.keyResultIds.has(value))
    return { ok: true, parent: { kind: 'key_result', inFile: false, id: value } };

  const label = normaliseName(value);
  const byTitle = objectives.filter((o) => normaliseName(o.title) === label);
  const krsByTitle = objectives.flatMap((o) =>
    o.keyResults
      .filter((k) => normaliseName(k.title) === label)
      .map((k) => ({ objectiveKey: o.key, row: k.row })),
  );
  const matches = byTitle.length + krsByTitle.length;
  if (matches > 1)
    return {
      ok: false,
      message: `parent "${value}" matches ${matches} objectives or key results by title; use an id to say which`,
    };
  const [objective] = byTitle;
  if (objective) return { ok: true, parent: { kind: 'objective', inFile: true, key: objective.key } };
  const [kr] = krsByTitle;
  if (kr) return { ok: true, parent: { kind: 'key_result', inFile: true, ...kr } };
  return {
    ok: false,
    message: `parent "${value}" names no objective or key result of this file or of the store`,
  };
}
