/**
 * Records forecasts after KPI check-ins in the background, so a check-in's answer never waits for
 * a simulation. KPIs checked in while a run is going are gathered and recorded by one more run,
 * never one per check-in. A failure is dropped: the month's figure stays as it was until the next
 * check-in or an explicit "record now" replaces it.
 */
export function createForecastQueue(record: (kpiIds: readonly string[]) => Promise<void>) {
  const pending = new Set<string>();
  let running: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (pending.size > 0) {
      const kpiIds = [...pending];
      pending.clear();
      try {
        await record(kpiIds);
      } catch {
        // See above: the check-in stands, the figure waits for the next run.
      }
    }
    running = null;
  }

  return {
    /** Queues these KPIs' matrices for a forecast run; returns at once. */
    schedule(kpiIds: readonly string[]): void {
      for (const id of kpiIds) pending.add(id);
      running ??= drain();
    },
    /** Resolves once nothing is queued or running (tests; shutdown before the store closes). */
    async settled(): Promise<void> {
      while (running) await running;
    },
  };
}
