/**
 * Edits of a translation proposal, as pure functions the wizard's steps call: each returns a new
 * proposal. Keys stay stable so grid marks and owners keep pointing at the same items.
 */
import type { TranslationProposal } from '../../../contracts';
import { nextStrength } from '../../../core/correlation';

export type Proposal = TranslationProposal;
type Strength = Proposal['correlations'][number]['strength'];
type Part = 'what' | 'howFar' | 'how' | 'howMuch' | 'who';

/** A key not yet used in the proposal, e.g. `how-3`. */
export function freshKey(proposal: Proposal, prefix: string): string {
  const used = new Set(
    [...proposal.what, ...proposal.howFar, ...proposal.how, ...proposal.howMuch, ...proposal.who].map(
      (i) => i.key,
    ),
  );
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Drops an item with its grid marks and owners. */
export function removeItem(proposal: Proposal, part: Part, key: string): Proposal {
  return {
    ...proposal,
    [part]: proposal[part].filter((item) => item.key !== key),
    correlations: proposal.correlations.filter((mark) => mark.from !== key && mark.to !== key),
    owners: proposal.owners.filter((owner) => owner.initiative !== key && owner.who !== key),
  };
}

/** Changes fields of one item of a part. */
export function updateItem<P extends Part>(
  proposal: Proposal,
  part: P,
  key: string,
  change: Partial<Proposal[P][number]>,
): Proposal {
  return {
    ...proposal,
    [part]: proposal[part].map((item) => (item.key === key ? { ...item, ...change } : item)),
  };
}

/** Merges What `key` into What `intoKey`: its objectives join the other's, its marks move over. */
export function mergeWhat(proposal: Proposal, key: string, intoKey: string): Proposal {
  const source = proposal.what.find((what) => what.key === key);
  if (!source || key === intoKey) return proposal;
  const objectives = [source.sourceObjectiveId, ...source.mergedObjectiveIds].filter(
    (id): id is string => id !== null,
  );
  const merged = updateItem(proposal, 'what', intoKey, {
    mergedObjectiveIds: [
      ...new Set([
        ...(proposal.what.find((w) => w.key === intoKey)?.mergedObjectiveIds ?? []),
        ...objectives,
      ]),
    ],
  });
  return removeItem(merged, 'what', key);
}

/** Splits a What in two: the copy keeps the source objective, so both stay linked to it. */
export function splitWhat(proposal: Proposal, key: string): Proposal {
  const index = proposal.what.findIndex((what) => what.key === key);
  const original = proposal.what[index];
  if (!original) return proposal;
  const copy = { ...original, key: freshKey(proposal, 'what'), title: `${original.title} (2)` };
  const what = [...proposal.what.slice(0, index + 1), copy, ...proposal.what.slice(index + 1)];
  return { ...proposal, what };
}

/** The mark between two keys, in either order. */
export function markOf(proposal: Proposal, a: string, b: string): Strength | null {
  return (
    proposal.correlations.find((m) => (m.from === a && m.to === b) || (m.from === b && m.to === a))
      ?.strength ?? null
  );
}

/** Cycles a grid cell ● → ○ → △ → blank, like the X-matrix itself. */
export function cycleMark(proposal: Proposal, a: string, b: string): Proposal {
  const next = nextStrength(markOf(proposal, a, b));
  const others = proposal.correlations.filter(
    (m) => !((m.from === a && m.to === b) || (m.from === b && m.to === a)),
  );
  return { ...proposal, correlations: next ? [...others, { from: a, to: b, strength: next }] : others };
}

/** Sets the primary owner of an initiative (or none). */
export function setPrimaryOwner(proposal: Proposal, initiative: string, who: string | null): Proposal {
  const others = proposal.owners.filter((o) => !(o.initiative === initiative && o.role === 'primary'));
  return { ...proposal, owners: who ? [...others, { initiative, who, role: 'primary' }] : others };
}
