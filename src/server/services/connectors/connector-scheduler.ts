import { randomUUID } from 'node:crypto';
import { claimDueConnectors } from '../../db/repositories/connector.repository';
import type { Db } from '../../db/store';
import type { ConnectorsService } from './connectors.service';

/**
 * Runs due KPI connectors. Deliberately this small: when durable jobs and schedules land (issue 18,
 * items 1-2), `tick` becomes a recurring job and nothing else here changes.
 */
export interface ConnectorScheduler {
  /** Claims the connectors due now (a lease each), runs them one after another; resolves to how many ran. */
  tick(): Promise<number>;
  /** Ticks every `intervalMs` until stopped. */
  start(): void;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}

export interface ConnectorSchedulerOptions {
  /** This server's name in the lease rows; random by default. */
  holder?: string;
  intervalMs?: number;
  /** How long a claim holds: a server that dies mid-run gives its connectors back after it. */
  leaseMs?: number;
  /** Connectors claimed per tick. */
  batch?: number;
  now?: () => Date;
  /** Where a failed tick is reported (a lost database, say); the scheduler keeps ticking. */
  onError?: (error: unknown) => void;
}

export function createConnectorScheduler(
  db: Db,
  connectors: ConnectorsService,
  options: ConnectorSchedulerOptions = {},
): ConnectorScheduler {
  const holder = options.holder ?? `server-${randomUUID()}`;
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function tick(): Promise<number> {
    const at = now();
    const claimed = await claimDueConnectors(db, {
      holder,
      now: at,
      leaseUntil: new Date(at.getTime() + leaseMs),
      limit: options.batch ?? 10,
    });
    for (const kpiId of claimed) {
      // A run records its own failure; only an unexpected error reaches here, and the lease then
      // runs out so that another tick retries it.
      await connectors.run(kpiId, holder).catch((error: unknown) => options.onError?.(error));
    }
    return claimed.length;
  }

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = tick()
          .catch((error: unknown) => {
            options.onError?.(error);
            return 0;
          })
          .finally(() => {
            running = null;
          });
      }, options.intervalMs ?? 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
