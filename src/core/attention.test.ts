import { describe, expect, it } from 'vitest';
import { attentionTotal, describeAttention, initiativeStanding, isOverdue } from './attention';

describe('attention', () => {
  it('tells late and at-risk initiatives', () => {
    const today = '2026-06-15';
    expect(
      initiativeStanding({ status: 'in_progress', startDate: '2026-01-01', endDate: '2026-05-31' }, today),
    ).toBe('late');
    expect(
      initiativeStanding({ status: 'done', startDate: '2026-01-01', endDate: '2026-05-31' }, today),
    ).toBe('fine');
    expect(initiativeStanding({ status: 'on_hold', startDate: null, endDate: null }, today)).toBe('at_risk');
    expect(
      initiativeStanding({ status: 'planned', startDate: '2026-03-01', endDate: '2026-12-31' }, today),
    ).toBe('at_risk');
    expect(
      initiativeStanding({ status: 'in_progress', startDate: '2026-03-01', endDate: '2026-12-31' }, today),
    ).toBe('fine');
  });
  it('counts overdue countermeasures and words the counts', () => {
    expect(isOverdue({ status: 'do', dueDate: '2026-06-01' }, '2026-06-15')).toBe(true);
    expect(isOverdue({ status: 'closed', dueDate: '2026-06-01' }, '2026-06-15')).toBe(false);
    const counts = {
      objectivesAtRisk: 0,
      keyResultsAtRisk: 1,
      kpiMonthsRed: 11,
      kpiMonthsAmber: 0,
      initiativesLate: 0,
      initiativesAtRisk: 0,
      countermeasuresOverdue: 2,
    };
    expect(attentionTotal(counts)).toBe(14);
    expect(describeAttention(counts)).toEqual([
      '1 key result off track or at risk',
      '11 red KPI months',
      '2 overdue countermeasures',
    ]);
  });
});
