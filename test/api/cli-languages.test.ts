import { describe, expect, it } from 'vitest';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { cli } from '../support/cli';

/** The environment of a user whose locale is `locale`, with nothing else choosing a language. */
function localeEnv(locale: string): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, CATCHBALL_LANGUAGE: _chosen, ...rest } = process.env;
  return { ...rest, LANG: locale };
}

const plan = DEMO_PLAN_PATH.pathname;

describe('the command line in German and Japanese', () => {
  it('writes the check report in German with --language de, numbers as Germans write them', async () => {
    const result = await cli(localeEnv('C'), 'check', plan, '--trials', '1000', '--language', 'de');
    expect(result.code).toBe(7);
    expect(result.stdout).toMatch(
      /^Planprüfung von Northwind Financial \(acme\): 1\.000 Durchläufe, Startwert 1\n/,
    );
    expect(result.stdout).toContain('X-Matrix cso-2026: Security (CSO), 2026');
    expect(result.stdout).toMatch(
      /\(Key Result von cio\)\n\s+Zielwert 4: erreicht in \d+(,\d)? % der Durchläufe/,
    );
    expect(result.stdout).toContain(
      'Nicht bestanden: Eine Veröffentlichungsschranke ist verletzt in cso-2026.',
    );
  });

  it('follows LANG=ja_JP.UTF-8 when nothing else chooses, and --language over it', async () => {
    const japanese = await cli(localeEnv('ja_JP.UTF-8'), 'check', plan, '--trials', '1000');
    expect(japanese.stdout).toMatch(/^Northwind Financial（acme）の計画チェック：試行1,000回、シード1\n/);
    expect(japanese.stdout).toContain('不合格：cso-2026で公開ゲートを通過できませんでした。');
    const english = await cli(
      localeEnv('ja_JP.UTF-8'),
      '--language',
      'en',
      'check',
      plan,
      '--trials',
      '1000',
    );
    expect(english.stdout).toMatch(/^Plan check of Northwind Financial \(acme\): 1000 trials, seed 1\n/);
  });

  it('gives help and refusals in the language, and refuses one it does not speak', async () => {
    const help = await cli(localeEnv('de_DE.UTF-8'), 'backup', '--help');
    expect(help.stdout).toContain('Eine konsistente Sicherung des Speichers schreiben');
    expect(help.stdout).toContain('Hilfe zum Befehl anzeigen');
    const missing = await cli(localeEnv('C'), '--language', 'ja', 'restore', 'no-such-backup.jsonl.gz');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(
      'エラー（not_found）：バックアップファイルno-such-backup.jsonl.gzがありません\n',
    );
    const unknown = await cli(localeEnv('C'), 'check', plan, '--language', 'fr');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error (validation_failed): --language fr is not one of en, de, ja\n');
  });
});
