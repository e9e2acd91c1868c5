import { describe, expect, it } from 'vitest';
import { resolveLogFormat } from './server-log';

describe('the serve log format', () => {
  it('is readable on a terminal, JSON anywhere else, and silent when asked', () => {
    expect(resolveLogFormat({}, true)).toBe('pretty');
    expect(resolveLogFormat({}, false)).toBe('json');
    expect(resolveLogFormat({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(resolveLogFormat({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(resolveLogFormat({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, true)).toBe('silent');
  });
});
