import type { ImportProgress } from '../server/services/plan/okr-import.service';
import type { CliText } from './i18n';

const WIDTH = 28;

/**
 * A progress bar on standard error, so standard output stays clean for scripts. On a terminal it
 * redraws one line; otherwise (CI logs, pipes) it prints one line per finished phase.
 */
export function createProgressBar({ t }: CliText, stream: NodeJS.WriteStream = process.stderr) {
  let lastLine = '';
  const phase = (progress: ImportProgress) => t(`progress.${progress.phase}`);
  return {
    update(progress: ImportProgress): void {
      const share = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
      if (!stream.isTTY) {
        if (share === 1)
          stream.write(`${t('progress.done', { phase: phase(progress), total: progress.total })}\n`);
        return;
      }
      const filled = Math.round(share * WIDTH);
      const line = `${phase(progress).padEnd(9)}[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
      if (line !== lastLine) stream.write(`\r${line}`);
      lastLine = line;
    },
    finish(): void {
      if (stream.isTTY && lastLine !== '') stream.write('\n');
      lastLine = '';
    },
  };
}
