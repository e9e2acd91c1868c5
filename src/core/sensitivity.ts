import type { FeasibilityInitiative, FeasibilityModel, TargetKind } from './feasibility';
import { runPressureTest } from './pressure-test';
import { mulberry32 } from './random';

/**
 * Which initiatives drive each target's probability (a tornado view). Each initiative that acts on
 * the target's KPI is varied alone, everything else as planned: its impacts pinned at their low
 * and at their high end, left out (never delivered) and delivered for sure. Every variant runs
 * with the same seed, and the simulation draws the same numbers for the other initiatives
 * whatever one of them does (common random numbers), so the differences are the initiative's own.
 */
export interface DriverSwing {
  initiativeId: string;
  title: string;
  /** Probability with the initiative's impacts at their low / high end. */
  atLow: number;
  atHigh: number;
  /** Probability without the initiative, and with it delivered for sure. */
  without: number;
  delivered: number;
  /** The widest spread among the four variants: how much this initiative matters. */
  swing: number;
}

export interface TargetSensitivity {
  targetId: string;
  kind: TargetKind;
  kpiId: string;
  probability: number;
  /** Initiatives acting on the KPI, the one that matters most first. */
  drivers: DriverSwing[];
}

type Variant = 'atLow' | 'atHigh' | 'without' | 'delivered';

function vary(initiative: FeasibilityInitiative, variant: Variant): FeasibilityInitiative {
  switch (variant) {
    case 'atLow':
      return {
        ...initiative,
        impacts: initiative.impacts.map((i) => ({ ...i, likely: i.low, high: i.low })),
      };
    case 'atHigh':
      return {
        ...initiative,
        impacts: initiative.impacts.map((i) => ({ ...i, low: i.high, likely: i.high })),
      };
    case 'without':
      return { ...initiative, deliveryProbability: 0 };
    case 'delivered':
      return { ...initiative, deliveryProbability: 1 };
  }
}

const VARIANTS: readonly Variant[] = ['atLow', 'atHigh', 'without', 'delivered'];

/** Runs 1 + 4 × (initiatives with impacts) pressure tests of `trials` each, all from `seed`. */
export function computeSensitivity(
  model: FeasibilityModel,
  options: { trials: number; seed: number },
): TargetSensitivity[] {
  const probabilities = (m: FeasibilityModel) =>
    new Map(
      runPressureTest(m, mulberry32(options.seed), { trials: options.trials }).targets.map((t) => [
        `${t.kind}:${t.targetId}`,
        t.probability,
      ]),
    );
  const base = probabilities(model);
  const varied = new Map<string, Record<Variant, Map<string, number>>>();
  model.initiatives.forEach((initiative, index) => {
    if (initiative.impacts.length === 0) return;
    const runs = {} as Record<Variant, Map<string, number>>;
    for (const variant of VARIANTS) {
      const initiatives = model.initiatives.map((other, i) => (i === index ? vary(other, variant) : other));
      runs[variant] = probabilities({ ...model, initiatives });
    }
    varied.set(initiative.id, runs);
  });
  return model.targets.map((target) => {
    const key = `${target.kind}:${target.id}`;
    const drivers = model.initiatives
      .filter((initiative) => initiative.impacts.some((impact) => impact.kpi === target.kpiId))
      .flatMap((initiative): DriverSwing[] => {
        const runs = varied.get(initiative.id);
        if (!runs) return [];
        const at = (variant: Variant) => runs[variant].get(key) ?? 0;
        const values = VARIANTS.map(at);
        return [
          {
            initiativeId: initiative.id,
            title: initiative.title,
            atLow: at('atLow'),
            atHigh: at('atHigh'),
            without: at('without'),
            delivered: at('delivered'),
            swing: Math.max(...values) - Math.min(...values),
          },
        ];
      })
      .sort((a, b) => b.swing - a.swing || a.title.localeCompare(b.title));
    return {
      targetId: target.id,
      kind: target.kind,
      kpiId: target.kpiId,
      probability: base.get(key) ?? 0,
      drivers,
    };
  });
}
