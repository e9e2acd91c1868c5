/**
 * Why a delete is refused, in words: what still depends on the thing, counted and pluralised
 * ("Security Operations has 2 units below it, 3 objectives and an X-matrix; move or delete them first").
 */

/** One kind of dependent: how many there are and the singular and plural nouns that name them. */
export interface Dependents {
  count: number;
  one: string;
  many: string;
}

/** "an X-matrix", "1 objective", "3 objectives": `a`/`an` only where `one` starts with that article. */
export function countWords({ count, one, many }: Dependents): string {
  if (count !== 1) return `${String(count)} ${many}`;
  return /^(a|an) /.test(one) ? one : `1 ${one}`;
}

/** "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/**
 * The refusal's sentence, or null when nothing depends on `name` (the delete may go ahead).
 * @example deleteRefusal('CSO', [{ count: 3, one: 'objective', many: 'objectives' }])
 *   // 'CSO has 3 objectives; move or delete them first'
 */
export function deleteRefusal(name: string, dependents: readonly Dependents[]): string | null {
  const present = dependents.filter((kind) => kind.count > 0);
  if (present.length === 0) return null;
  const total = present.reduce((sum, kind) => sum + kind.count, 0);
  return `${name} has ${listWords(present.map(countWords))}; move or delete ${total === 1 ? 'it' : 'them'} first`;
}
