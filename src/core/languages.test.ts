import { describe, expect, it } from 'vitest';
import { pickLanguage } from './languages';

describe('pickLanguage', () => {
  it('takes the first supported language by its base tag', () => {
    expect(pickLanguage(['fr-FR', 'de-AT', 'ja'])).toBe('de');
    expect(pickLanguage(['ja-JP'])).toBe('ja');
    expect(pickLanguage(['EN_gb'])).toBe('en');
  });
  it('falls back to English when none is supported', () => {
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(['fr', 'pt-BR'])).toBe('en');
  });
});
