/**
 * The script of the demo's 2026: how each CSO KPI fared against its monthly plan, which key
 * results follow which KPI, and the countermeasures opened on red months. The story: the AI
 * triage assistant stalls in June on LLM rate limits; detection time misses in April and May
 * until EDR telemetry reaches the data lake; false positives run high in March and April;
 * containment playbooks lag over the summer.
 */
export const DEMO_YEAR = 2026;

/**
 * Per KPI, January to October: how much better (+) or worse (−) than the month's plan the actual
 * was, as a fraction of the plan; null = not measured that month (a missing month).
 */
export const DEMO_KPI_DEVIATIONS: Record<string, (number | null)[]> = {
  'cso-k1': [0, 0.02, -0.03, 0.04, 0.01, -0.12, -0.06, 0.02, 0.03, 0.05],
  'cso-k2': [0, 0.02, 0.03, -0.15, -0.1, -0.03, 0.02, 0.04, 0.03, 0.05],
  'cso-k3': [0.01, 0.02, 0.03, 0.02, -0.04, 0.03, 0.05, 0.02, 0.01, 0.03],
  'cso-k4': [null, null, -0.11, -0.12, 0.01, -0.02, 0.03, 0.04, 0.02, -0.02],
  'cso-k5': [0, 0, 0, 0, -0.125, -0.11, -0.09, 0, 0, 0],
  'cso-k6': [0, 0.08, -0.03, 0.04, 0.03, 0.02, -0.02, 0.02, 0.02, 0.01],
};

/** Where a key result's monthly values come from: the KPI that measures it, or scripted steps. */
export interface KrFeed {
  keyResultId: string;
  authorId: string;
  from: { kind: 'kpi'; kpiId: string } | { kind: 'steps'; values: (number | null)[] };
  /** The owner's usual confidence; each month varies by ±0.05. */
  confidence: number;
  /** Check-ins stop after this month (1-12): a key result left stale. */
  lastMonth: number;
  comments?: Record<number, string>;
}

export const DEMO_KR_FEEDS: KrFeed[] = [
  {
    keyResultId: 'cio-kr1-1',
    authorId: 'daniel-kovacs',
    from: { kind: 'kpi', kpiId: 'cso-k1' },
    confidence: 0.65,
    lastMonth: 12,
  },
  {
    keyResultId: 'cio-kr1-2',
    authorId: 'grace-okafor',
    from: { kind: 'steps', values: [0, 0, 0, 1, 1, 1, 1, 2, 2, 2] },
    confidence: 0.6,
    lastMonth: 9,
    comments: { 3: 'Pilot running on the SOC night shift', 7: 'Three teams use copilots daily' },
  },
  {
    keyResultId: 'cio-kr1-3',
    authorId: 'aisha-bello',
    from: { kind: 'kpi', kpiId: 'cso-k4' },
    confidence: 0.6,
    lastMonth: 12,
  },
  {
    keyResultId: 'cio-kr2-1',
    authorId: 'aisha-bello',
    from: { kind: 'kpi', kpiId: 'cso-k2' },
    confidence: 0.35,
    lastMonth: 12,
  },
  {
    keyResultId: 'cio-kr2-2',
    authorId: 'daniel-kovacs',
    from: { kind: 'kpi', kpiId: 'cso-k3' },
    confidence: 0.5,
    lastMonth: 12,
  },
  {
    keyResultId: 'cio-kr2-3',
    authorId: 'kenji-watanabe',
    from: { kind: 'kpi', kpiId: 'cso-k5' },
    confidence: 0.55,
    lastMonth: 12,
  },
  {
    keyResultId: 'cio-kr3-1',
    authorId: 'hannah-fischer',
    from: { kind: 'steps', values: [0, 0, 0, 1, 1, 1, 1, 1, 1, 1] },
    confidence: 0.95,
    lastMonth: 12,
    comments: { 3: 'Approved by the board on 28 April' },
  },
  {
    keyResultId: 'cio-kr3-2',
    authorId: 'margaret-osei',
    from: { kind: 'kpi', kpiId: 'cso-k6' },
    confidence: 0.8,
    lastMonth: 12,
  },
  {
    keyResultId: 'cso-kr1-1',
    authorId: 'lukas-meyer',
    from: { kind: 'kpi', kpiId: 'cso-k1' },
    confidence: 0.6,
    lastMonth: 12,
    comments: { 5: 'LLM provider rate limits capped the assistant for two weeks' },
  },
  {
    keyResultId: 'cso-kr1-2',
    authorId: 'sofia-alvarez',
    from: { kind: 'kpi', kpiId: 'cso-k4' },
    confidence: 0.6,
    lastMonth: 12,
  },
  {
    keyResultId: 'cso-kr1-3',
    authorId: 'aisha-bello',
    from: { kind: 'steps', values: [40, 42, 45, 47, 50, 52, 55, 57, 59, 61] },
    confidence: 0.5,
    lastMonth: 8,
  },
  {
    keyResultId: 'cso-kr2-1',
    authorId: 'aisha-bello',
    from: { kind: 'kpi', kpiId: 'cso-k2' },
    confidence: 0.55,
    lastMonth: 12,
    comments: { 3: 'EDR telemetry still missing from the data lake' },
  },
  {
    keyResultId: 'cso-kr2-2',
    authorId: 'kenji-watanabe',
    from: { kind: 'kpi', kpiId: 'cso-k5' },
    confidence: 0.6,
    lastMonth: 12,
  },
];

const countermeasure = (
  id: string,
  kpiItemId: string,
  month: number,
  fields: {
    problem: string;
    rootCause: string;
    action: string;
    ownerId: string;
    dueDate: string;
    status: 'plan' | 'do' | 'check' | 'act' | 'closed';
    effect?: string;
  },
) => ({ id, kpiItemId, year: DEMO_YEAR, month, ...fields, effect: fields.effect ?? null });

/** Countermeasures on red months; cso-k5's May and July stay red without one, as happens. */
export const DEMO_COUNTERMEASURES = [
  countermeasure('demo-cm-k2-apr', 'cso-k2', 4, {
    problem: 'MTTD 23 h against a plan of 20 h',
    rootCause:
      'EDR telemetry was not yet onboarded to the data lake, so endpoint detections waited for the nightly batch',
    action: 'Prioritise the EDR connector; feed EDR alerts straight to the SIEM meanwhile',
    ownerId: 'tomas-lindqvist',
    dueDate: '2026-05-31',
    status: 'closed',
    effect: 'MTTD back under plan from July, once EDR telemetry streamed into the lake',
  }),
  countermeasure('demo-cm-k2-may', 'cso-k2', 5, {
    problem: 'MTTD still 10 % over plan in May',
    rootCause: 'Two detection rules fire only on the daily correlation run',
    action: 'Move both rules to streaming detection',
    ownerId: 'aisha-bello',
    dueDate: '2026-06-30',
    status: 'act',
  }),
  countermeasure('demo-cm-k4-mar', 'cso-k4', 3, {
    problem: 'False positives at 8.9 % against a plan of 8 %',
    rootCause: 'The assistant was tuned on last year’s alert mix, before the new phishing rules',
    action: 'Retrain on Q1 alerts; analysts label 500 verdicts',
    ownerId: 'tomas-lindqvist',
    dueDate: '2026-04-30',
    status: 'closed',
    effect: 'False positives fell to plan in May and into the 2-5 % band by September',
  }),
  countermeasure('demo-cm-k4-apr', 'cso-k4', 4, {
    problem: 'False positives 12 % over plan in April',
    rootCause: 'Retraining slipped two weeks',
    action: 'Weekly false-positive review with the SOC leads until back on plan',
    ownerId: 'sofia-alvarez',
    dueDate: '2026-05-31',
    status: 'check',
  }),
  countermeasure('demo-cm-k1-jun', 'cso-k1', 6, {
    problem: 'AI triage share 21 % against a plan of 24 %',
    rootCause: "The LLM provider's rate limits capped the assistant at peak hours",
    action: 'Move to a dedicated capacity contract; queue low-severity alerts for off-peak',
    ownerId: 'lukas-meyer',
    dueDate: '2026-08-15',
    status: 'do',
  }),
  countermeasure('demo-cm-k5-jun', 'cso-k5', 6, {
    problem: 'Automated containment covers 8 incident types against a plan of 9',
    rootCause: 'SOAR engineers were pulled into the data-lake migration',
    action: 'Ring-fence two SOAR engineers for playbooks through Q3',
    ownerId: 'kenji-watanabe',
    dueDate: '2026-09-30',
    status: 'plan',
  }),
];
