/** A round chip with a person's initials. */

/** Up to two initials of a name ("Ada Lovelace" → "AL", "Security" → "S"). */
export function initials(name: string): string {
  const parts = name
    .replace(/\(.*?\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) {
  return (
    <span className={`avatar avatar-${size}`} aria-hidden="true" title={name}>
      {initials(name)}
    </span>
  );
}
