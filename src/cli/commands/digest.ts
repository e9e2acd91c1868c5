import type { Command } from 'commander';
import { DomainError } from '../../core/errors';
import { plural } from '../../core/plural';
import { withServices, type StoreFlags } from '../store-session';

/**
 * `catchball digest`: sends the check-in reminder digest now (to the organisation's webhook and by
 * e-mail over SMTP_HOST / SMTP_PORT / SMTP_FROM), for a scheduler such as cron to run on the cadence.
 */
export function registerDigestCommand(program: Command): void {
  program
    .command('digest')
    .description(
      'Send the check-in reminder digest: items without a check-in within their cadence, to the webhook and by e-mail',
    )
    .option('--org <id>', 'organisation id (default: the only one in the store)')
    .option('--cycle <id>', 'cycle id (default: the cycle running today)')
    .option('--as-of <date>', 'judge staleness as of this date (YYYY-MM-DD; default today)')
    .option('--data-dir <dir>', 'embedded store directory (env CATCHBALL_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL)')
    .action(async (flags: StoreFlags & { org?: string; cycle?: string; asOf?: string }) => {
      const result = await withServices(flags, async (services) => {
        let organisationId = flags.org;
        if (!organisationId) {
          const organisations = await services.organisations.list();
          if (organisations.length !== 1)
            throw new DomainError(
              'validation_failed',
              `The store holds ${organisations.length} organisations; choose one with --org`,
            );
          organisationId = organisations[0]?.id ?? '';
        }
        return services.digest.send(organisationId, {
          ...(flags.cycle ? { cycleId: flags.cycle } : {}),
          ...(flags.asOf ? { asOf: flags.asOf } : {}),
        });
      });
      console.log(
        `Digest for ${result.organisationId} as of ${result.asOf}: ${plural(result.items.length, 'item')} ${result.items.length === 1 ? 'needs' : 'need'} a check-in, ${String(result.skippedRecent)} skipped (recent check-in)`,
      );
      console.log(
        `  webhook: ${result.webhook.sent ? `sent (${result.webhook.status ?? ''})` : `not sent${result.webhook.error ? ` — ${result.webhook.error}` : ''}`}`,
      );
      console.log(
        `  e-mail: ${result.email.sent ? `sent to ${result.email.recipients.join(', ')}` : `not sent${result.email.error ? ` — ${result.email.error}` : ''}`}`,
      );
      if (result.items.length > 0 && !result.webhook.sent && !result.email.sent) process.exitCode = 1;
    });
}
