/**
 * A readable id from a name ("Ana López" → `ana-lopez`), made unique against `taken`, which it
 * then joins: imported people and matrix items get ids a plan document can show.
 */
export function readableId(name: string, taken: Set<string>, fallback = 'item'): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
