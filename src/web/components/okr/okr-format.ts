/** Display helpers for OKRs: number formatting, progress of a key result, confidence tone. */
import type { KeyResult, ObjectiveWithKeyResults } from '../../../contracts';
import type { BadgeTone } from '../badge';

/** Formats a number compactly (up to 2 decimals, thousands separators); null → "—". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value);
}

/** A value with its unit of measure: "45 %", "24 h", "12". Percent signs hug the number. */
export function withUnit(value: number | null | undefined, unit: string): string {
  const text = formatNumber(value);
  if (!unit || value === null || value === undefined) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/**
 * Progress of a key result, 0..1, or null when it cannot be computed (no current value or no target).
 * increase/decrease: (current − baseline) / (target − baseline), clamped; band: 1 inside the band;
 * binary: 1 when current ≥ 1; milestone: steps reached / number of steps.
 */
export function keyResultProgress(kr: KeyResult): number | null {
  const { current, baseline, target, targetHigh } = kr;
  if (current === null) return null;
  switch (kr.kind) {
    case 'increase':
    case 'decrease': {
      if (target === null) return null;
      const from = baseline ?? 0;
      if (target === from) return current === target ? 1 : 0;
      return clamp((current - from) / (target - from));
    }
    case 'band':
      if (target === null) return null;
      return current >= target && current <= (targetHigh ?? target) ? 1 : 0;
    case 'binary':
      return current >= 1 ? 1 : 0;
    case 'milestone':
      return kr.milestones.length === 0 ? null : clamp(current / kr.milestones.length);
  }
}

/** Weighted progress of an objective from its key results (weights 0 are skipped); null when unknown. */
export function objectiveProgress(objective: ObjectiveWithKeyResults): number | null {
  let sum = 0;
  let weights = 0;
  for (const kr of objective.keyResults) {
    const progress = keyResultProgress(kr);
    if (progress === null || kr.weight === 0) continue;
    sum += progress * kr.weight;
    weights += kr.weight;
  }
  return weights === 0 ? null : sum / weights;
}

/** Colour of a confidence value: ≥ 0.7 green, ≥ 0.4 amber, else red. */
export function confidenceTone(confidence: number): BadgeTone {
  if (confidence >= 0.7) return 'green';
  if (confidence >= 0.4) return 'amber';
  return 'red';
}

export const KR_KIND_LABEL: Record<KeyResult['kind'], string> = {
  increase: 'Increase',
  decrease: 'Decrease',
  band: 'Keep in band',
  binary: 'Binary',
  milestone: 'Milestone',
};

export const KR_KIND_TONE: Record<KeyResult['kind'], BadgeTone> = {
  increase: 'green',
  decrease: 'blue',
  band: 'teal',
  binary: 'neutral',
  milestone: 'violet',
};

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
