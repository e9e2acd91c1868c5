/** A small status pill. Tones map to the semantic colours of the design system. */
import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'brand' | 'green' | 'amber' | 'red' | 'blue' | 'violet' | 'teal';

export function Badge({
  tone = 'neutral',
  children,
  title,
  dot = false,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
  /** Show a coloured dot before the label. */
  dot?: boolean;
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {dot && <span className="badge-dot" aria-hidden="true" />}
      {children}
    </span>
  );
}
