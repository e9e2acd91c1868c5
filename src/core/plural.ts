/**
 * A count with its noun, in the right number: `plural(1, 'objective')` is "1 objective",
 * `plural(2, 'objective')` "2 objectives". Irregular nouns name their plural
 * (`plural(3, 'person', 'people')`). The one place sentences get their plurals from.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The noun alone, for sentences that show the count apart (`<strong>2</strong> objectives`). */
export function nounFor(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}
