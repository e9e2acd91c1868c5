// A top risk's reason reads in English as the server writes it, and in German and Japanese in
// their words; an owner's reason stays as they wrote it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n, startI18n } from '../../i18n/i18n';
import { riskReason } from './risk-reason';

beforeAll(async () => {
  await startI18n('en');
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

const risk = { reason: '', progress: 0.123, elapsed: 0.9, confidence: null, overrideReason: null };

describe('riskReason', () => {
  it('writes the reason in English as the server does', () => {
    expect(riskReason(risk)).toBe('12 % done with 90 % of the cycle gone');
    expect(riskReason({ ...risk, confidence: 0.4 })).toBe(
      '12 % done with 90 % of the cycle gone; confidence 40 %',
    );
  });

  it("shows the owner's reason as written, in every language", async () => {
    await i18n.changeLanguage('de');
    expect(riskReason({ ...risk, overrideReason: 'Vendor late' })).toBe('Vendor late');
  });

  it('writes it in German and Japanese', async () => {
    await i18n.changeLanguage('de');
    expect(riskReason({ ...risk, confidence: 0.4 })).toBe(
      '12 % erledigt, 90 % des Zyklus vergangen; Zuversicht 40 %',
    );
    await i18n.changeLanguage('ja');
    expect(riskReason(risk)).toBe('12%完了、サイクルの90%が経過');
  });
});
