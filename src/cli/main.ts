import { Command } from 'commander';
import { userInfo } from 'node:os';
import { runAsActor } from '../server/db/actor-context';
import { isDomainError, type Issue } from '../core/errors';
import { registerBackupCommands } from './commands/backup';
import { registerDigestCommand } from './commands/digest';
import { registerCheckCommand } from './commands/check';
import { registerPlanCommands } from './commands/plan';
import { registerServeCommand } from './commands/serve';
import { registerTranslateCommand } from './commands/translate';
import { EXIT_CODES, EXIT_UNEXPECTED } from './exit-codes';
import { cliText, type CliText } from './i18n';
import { cliLanguage } from './language';

/**
 * The program in one language: commander takes its help texts when a command is built, so the
 * language is decided (from --language, CATCHBALL_LANGUAGE or the locale) before.
 */
function buildProgram(text: CliText): Command {
  const { t } = text;
  const program = new Command()
    .name('catchball')
    .description(t('help.program'))
    // Read here, before the program is built (language.ts); declared so that help lists it and
    // commander accepts it before or after a command's name.
    .option('--language <language>', t('help.language'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.help'))
    .showHelpAfterError();
  registerServeCommand(program, text);
  registerPlanCommands(program, text);
  registerDigestCommand(program, text);
  registerTranslateCommand(program, text);
  registerCheckCommand(program, text);
  registerBackupCommands(program, text);
  return program;
}

/** Prints an error as the user should see it: the message, then each problem on its own line. */
function report(error: unknown, { t }: CliText): number {
  if (isDomainError(error)) {
    const issues = (error.details as { issues?: Issue[] } | undefined)?.issues;
    if (issues && issues.length > 0) {
      const [summary] = error.message.split(':');
      console.error(t('error.withCode', { code: error.code, message: summary ?? error.message }));
      for (const issue of issues) console.error(`  - ${issue.path}: ${issue.message}`);
    } else {
      console.error(t('error.withCode', { code: error.code, message: error.message }));
    }
    return EXIT_CODES[error.code];
  }
  const nodeError = error as NodeJS.ErrnoException;
  if (nodeError.code === 'ENOENT') {
    console.error(t('error.noSuchFile', { path: nodeError.path ?? '' }));
    return EXIT_CODES.not_found;
  }
  console.error(t('error.other', { message: error instanceof Error ? error.message : String(error) }));
  return EXIT_UNEXPECTED;
}

let text = cliText('en');
try {
  text = cliText(cliLanguage(process.argv.slice(2), process.env));
  const program = buildProgram(text);
  // Changes made by a command are the operator's in the audit trail; served requests are their users'.
  await runAsActor({ kind: 'cli', name: `command line (${userInfo().username})` }, () =>
    program.parseAsync(process.argv),
  );
} catch (error) {
  process.exitCode = report(error, text);
}
