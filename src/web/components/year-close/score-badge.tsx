/** A year-end score 0.0-1.0 as a coloured badge: met (green), close (amber), missed (red), unmeasured. */
import { Badge, type BadgeTone } from '../badge';

export function ScoreBadge({ score, met }: { score: number | null; met: boolean | null }) {
  if (score === null) return <Badge tone="neutral">not measured</Badge>;
  const tone: BadgeTone = met ? 'green' : score >= 0.7 ? 'amber' : 'red';
  return (
    <Badge tone={tone}>
      {score.toFixed(1)}
      {met ? ' · met' : ''}
    </Badge>
  );
}

/** A number as the matrix shows it: up to one decimal, with its unit of measure. */
export function measure(value: number | null, unit: string): string {
  if (value === null) return '—';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  if (!unit) return text;
  return unit === '%' ? `${text} %` : `${text} ${unit}`;
}
