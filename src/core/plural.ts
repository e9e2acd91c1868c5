/**
 * "1 objective", "2 objectives", "0 people": a count with its noun in the right number. English
 * only for now; `pluralForm` gives the irregular plural ("person" → "people").
 */
export function countOf(count: number, noun: string, pluralForm = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralForm}`;
}
