// An inbox item's title and detail read in English as the server writes them, and in German and
// Japanese in their words; without values, as the server wrote them.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../../contracts';
import { i18n, startI18n } from '../../i18n/i18n';
import { inboxDetail, inboxTitle } from './inbox-text';

beforeAll(async () => {
  await startI18n('en');
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

const ITEMS: Pick<InboxItem, 'title' | 'detail' | 'values'>[] = [
  {
    title: 'Security (CSO) proposes "Cut MTTR"',
    detail: 'Target 4 → 6.5; the ball is in your court',
    values: {
      kind: 'proposal',
      from: 'Security (CSO)',
      state: 'proposed',
      title: 'Cut MTTR',
      originalTarget: 4,
      proposedTarget: 6.5,
    },
  },
  {
    title: 'Office of the CIO has questions about "Cut MTTR"',
    detail: 'Target 4 → 6; the ball is in your court',
    values: {
      kind: 'proposal',
      from: 'Office of the CIO',
      state: 'questioned',
      title: 'Cut MTTR',
      originalTarget: 4,
      proposedTarget: 6,
    },
  },
  {
    title: 'Countermeasure: Phishing reports fell behind',
    detail: 'KPI "MTTD", March 2026; check stage',
    values: {
      kind: 'countermeasure',
      problem: 'Phishing reports fell behind',
      kpiTitle: 'MTTD',
      year: 2026,
      month: 3,
      stage: 'check',
    },
  },
  {
    title: 'Check in on "MTTD"',
    detail: 'KPI, weekly check-ins; last check-in 2026-05-04',
    values: {
      kind: 'check_in',
      itemKind: 'kpi',
      title: 'MTTD',
      cadence: 'weekly',
      lastCheckIn: '2026-05-04',
    },
  },
  {
    title: 'Check in on "Cut MTTR"',
    detail: 'Key result, monthly check-ins; last check-in never',
    values: {
      kind: 'check_in',
      itemKind: 'key_result',
      title: 'Cut MTTR',
      cadence: 'monthly',
      lastCheckIn: null,
    },
  },
];

describe('inbox item text', () => {
  it('writes title and detail in English as the server does', () => {
    for (const item of ITEMS) {
      expect(inboxTitle(item)).toBe(item.title);
      expect(inboxDetail(item)).toBe(item.detail);
    }
  });

  it("shows the server's English without values", () => {
    expect(inboxTitle({ title: 'T', detail: 'D' })).toBe('T');
    expect(inboxDetail({ title: 'T', detail: 'D' })).toBe('D');
  });

  it('writes them in German and Japanese', async () => {
    const [proposal, , countermeasure, , checkIn] = ITEMS;
    await i18n.changeLanguage('de');
    expect(inboxTitle(proposal!)).toBe('Security (CSO) schlägt „Cut MTTR“ vor');
    expect(inboxDetail(proposal!)).toBe('Zielwert 4 → 6,5; Sie sind am Zug');
    expect(inboxDetail(countermeasure!)).toBe('KPI „MTTD“, März 2026; Phase Check');
    expect(inboxDetail(checkIn!)).toBe('Key Result, monatliche Check-ins; letzter Check-in nie');
    await i18n.changeLanguage('ja');
    expect(inboxTitle(proposal!)).toBe('Security (CSO)が「Cut MTTR」を提案しています');
    expect(inboxDetail(countermeasure!)).toBe('KPI「MTTD」、2026年3月、評価（Check）の段階');
  });
});
