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

const program = new Command()
  .name('catchball')
  .description('Strategy deployment: OKRs translated into Hoshin Kanri X-matrices')
  .showHelpAfterError();

registerServeCommand(program);
registerPlanCommands(program);
registerDigestCommand(program);
registerTranslateCommand(program);
registerCheckCommand(program);
registerBackupCommands(program);

/** Prints an error as the user should see it: the message, then each problem on its own line. */
function report(error: unknown): number {
  if (isDomainError(error)) {
    const issues = (error.details as { issues?: Issue[] } | undefined)?.issues;
    if (issues && issues.length > 0) {
      const [summary] = error.message.split(':');
      console.error(`error (${error.code}): ${summary ?? error.message}`);
      for (const issue of issues) console.error(`  - ${issue.path}: ${issue.message}`);
    } else {
      console.error(`error (${error.code}): ${error.message}`);
    }
    return EXIT_CODES[error.code];
  }
  const nodeError = error as NodeJS.ErrnoException;
  if (nodeError.code === 'ENOENT') {
    console.error(`error: no such file: ${nodeError.path ?? ''}`);
    return EXIT_CODES.not_found;
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT_UNEXPECTED;
}

try {
  // Changes made by a command are the operator's in the audit trail; served requests are their users'.
  await runAsActor({ kind: 'cli', name: `command line (${userInfo().username})` }, () =>
    program.parseAsync(process.argv),
  );
} catch (error) {
  process.exitCode = report(error);
}
