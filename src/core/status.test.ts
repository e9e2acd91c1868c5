import { describe, expect, it } from 'vitest';
import { autoStatus, effectiveStatus, elapsedShare, weakest } from './status';

const year = { startDate: '2026-01-01', endDate: '2026-12-31' };

describe('elapsedShare', () => {
  it('is 0 before the cycle, 1 after it, and the share of days in between', () => {
    expect(elapsedShare(year, '2025-12-01')).toBe(0);
    expect(elapsedShare(year, '2027-02-01')).toBe(1);
    expect(elapsedShare(year, '2026-07-02')).toBeCloseTo(0.5, 2);
  });
});

describe('autoStatus', () => {
  it('compares progress with elapsed time', () => {
    expect(autoStatus({ progress: 0.45, elapsed: 0.5, confidence: null })).toBe('on_track');
    expect(autoStatus({ progress: 0.3, elapsed: 0.5, confidence: null })).toBe('at_risk');
    expect(autoStatus({ progress: 0.1, elapsed: 0.5, confidence: null })).toBe('off_track');
  });

  it('lets low confidence lower the status but never raise it', () => {
    expect(autoStatus({ progress: 0.5, elapsed: 0.5, confidence: 0.4 })).toBe('at_risk');
    expect(autoStatus({ progress: 0.5, elapsed: 0.5, confidence: 0.1 })).toBe('off_track');
    expect(autoStatus({ progress: 0.1, elapsed: 0.5, confidence: 0.9 })).toBe('off_track');
  });

  it('keeps a reached target on track', () => {
    expect(autoStatus({ progress: 1, elapsed: 1, confidence: 0.1 })).toBe('on_track');
  });
});

describe('weakest and overrides', () => {
  it('takes the weakest child status', () => {
    expect(weakest(['on_track', 'off_track', 'at_risk'])).toBe('off_track');
    expect(weakest([])).toBe('on_track');
  });

  it("shows the owner's override with its reason, keeping the derived one", () => {
    expect(effectiveStatus('off_track', { status: 'at_risk', reason: 'vendor fix lands Monday' })).toEqual({
      status: 'at_risk',
      derived: 'off_track',
      source: 'override',
      reason: 'vendor fix lands Monday',
    });
    expect(effectiveStatus('on_track', null).source).toBe('auto');
  });
});
