import type { Command } from 'commander';
import { DomainError } from '../../core/errors';
import type { CliText } from '../i18n';
import { withServices, type StoreFlags } from '../store-session';

/**
 * `catchball digest`: sends the check-in reminder digest now (to the organisation's webhook and by
 * e-mail over SMTP_HOST / SMTP_PORT / SMTP_FROM), for a scheduler such as cron to run on the cadence.
 */
export function registerDigestCommand(program: Command, { t }: CliText): void {
  program
    .command('digest')
    .description(t('help.digest.description'))
    .option('--org <id>', t('help.digest.org'))
    .option('--cycle <id>', t('help.digest.cycle'))
    .option('--as-of <date>', t('help.digest.asOf'))
    .option('--data-dir <dir>', t('help.dataDir'))
    .option('--database-url <url>', t('help.databaseUrl'))
    .action(async (flags: StoreFlags & { org?: string; cycle?: string; asOf?: string }) => {
      const result = await withServices(flags, async (services) => {
        let organisationId = flags.org;
        if (!organisationId) {
          const organisations = await services.organisations.list();
          if (organisations.length !== 1)
            throw new DomainError(
              'validation_failed',
              t('store.manyOrganisations', { count: organisations.length }),
            );
          organisationId = organisations[0]?.id ?? '';
        }
        return services.digest.send(organisationId, {
          ...(flags.cycle ? { cycleId: flags.cycle } : {}),
          ...(flags.asOf ? { asOf: flags.asOf } : {}),
        });
      });
      console.log(
        t('digest.summary', {
          org: result.organisationId,
          asOf: result.asOf,
          count: result.items.length,
          skipped: result.skippedRecent,
        }),
      );
      const { webhook, email } = result;
      console.log(
        webhook.sent
          ? t('digest.webhookSent', { status: webhook.status ?? '' })
          : webhook.error
            ? t('digest.webhookFailed', { error: webhook.error })
            : t('digest.webhookNotSent'),
      );
      console.log(
        email.sent
          ? t('digest.emailSent', { recipients: email.recipients.join(', ') })
          : email.error
            ? t('digest.emailFailed', { error: email.error })
            : t('digest.emailNotSent'),
      );
      if (result.items.length > 0 && !result.webhook.sent && !result.email.sent) process.exitCode = 1;
    });
}
