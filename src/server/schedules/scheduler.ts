import { sql } from 'kysely';
import { latestReminders, type ReminderOccurrence } from '../../core/reminder-schedule';
import type { Db } from '../db/store';
import { RUNNER_NAME } from '../jobs/job-queue';
import type { Services } from '../services';

export interface SchedulerOptions {
  /** The wall clock; tests pass a fake one and call `tick` themselves. */
  now?: () => Date;
  /** Hour (UTC) reminders go out: CATCHBALL_REMINDER_HOUR, default 9. */
  reminderHour?: number;
  /**
   * An occurrence older than this is not sent any more (a server that was down all Monday does
   * not remind on Wednesday); default 6 hours.
   */
  graceMs?: number;
  /** How often `start` ticks; default one second. */
  tickMs?: number;
  log?: (message: string) => void;
}

/**
 * Schedules inside the app, so no external cron is needed: check-in reminders per unit cadence
 * (weekly units on Mondays, monthly ones on the first, at the reminder hour) and webhook retries.
 * Every app server ticks; an occurrence is claimed by inserting its key into schedule_runs, so
 * however many servers share one database, each reminder goes out once.
 */
export function createScheduler(db: Db, services: Services, options: SchedulerOptions = {}) {
  const now = options.now ?? (() => new Date());
  const envHour = Number(process.env.CATCHBALL_REMINDER_HOUR);
  const hour =
    options.reminderHour ?? (Number.isInteger(envHour) && envHour >= 0 && envHour < 24 ? envHour : 9);
  const graceMs = options.graceMs ?? 6 * 60 * 60 * 1000;
  const log = options.log ?? (() => undefined);
  /** Occurrences this process has already seen claimed (by itself or another), to skip the database. */
  const settled = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;

  /** Claims one organisation's occurrence; true when this server won it. */
  async function claim(key: string, organisationId: string, at: Date): Promise<boolean> {
    const { rows } = await sql<{ key: string }>`
      INSERT INTO schedule_runs (key, organisation_id, due_at, runner)
      VALUES (${key}, ${organisationId}, ${at.toISOString()}, ${RUNNER_NAME})
      ON CONFLICT (key) DO NOTHING RETURNING key`.execute(db);
    return rows.length === 1;
  }

  async function remind(occurrence: ReminderOccurrence): Promise<number> {
    const organisations = await db.selectFrom('organisations').select('id').execute();
    let sent = 0;
    for (const { id } of organisations) {
      const key = `reminder:${occurrence.cadence}:${id}:${occurrence.day}`;
      if (!(await claim(key, id, occurrence.at))) continue;
      let outcome: unknown;
      try {
        const digest = await services.digest.send(id, {
          asOf: occurrence.day,
          event: 'reminder',
          cadences: [occurrence.cadence],
        });
        outcome = { items: digest.items.length, webhook: digest.webhook, email: digest.email };
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        outcome = { error: message };
        log(`reminder ${key}: ${message}`);
      }
      await db
        .updateTable('scheduleRuns')
        .set({ outcome: JSON.stringify(outcome) })
        .where('key', '=', key)
        .execute();
    }
    return sent;
  }

  /** One pass: due reminders, then due webhook retries. Never throws. */
  async function tick(): Promise<{ reminders: number; retries: number }> {
    let reminders = 0;
    let retries = 0;
    try {
      const at = now();
      for (const occurrence of latestReminders(at, hour)) {
        const seen = `${occurrence.cadence}:${occurrence.day}`;
        if (settled.has(seen) || at.getTime() - occurrence.at.getTime() > graceMs) continue;
        reminders += await remind(occurrence);
        settled.add(seen);
      }
      retries = await services.webhooks.retryDue();
    } catch (error) {
      log(`scheduler: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { reminders, retries };
  }

  return {
    tick,
    start() {
      timer ??= setInterval(() => {
        ticking ??= tick().then(() => {
          ticking = null;
        });
      }, options.tickMs ?? 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
