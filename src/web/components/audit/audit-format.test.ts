import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../contracts';
import { startI18n } from '../../i18n/i18n';
import { dayHeading, describeEvent, groupByDay } from './audit-format';

const event = (patch: Partial<AuditEvent>): AuditEvent => ({
  id: '1',
  at: '2026-03-03T14:05:00.000Z',
  tx: '9',
  organisationId: 'acme',
  unitId: 'cso',
  actor: { kind: 'user', id: 'usr_ada', name: 'Ada' },
  action: 'update',
  entity: { table: 'key_results', kind: 'key result', id: 'kr1', label: 'MTTD' },
  changes: [{ field: 'target', before: 24, after: 12 }],
  before: { target: 24 },
  after: { target: 12 },
  ...patch,
});

describe('audit events in words', () => {
  beforeAll(() => startI18n('en'));

  it('says what one changed field went from and to', () => {
    expect(describeEvent(event({}))).toBe('Ada changed target of KR ‘MTTD’ from 24 to 12');
  });

  it('lists several changed fields in words', () => {
    const changes = [
      { field: 'title', before: 'a', after: 'b' },
      { field: 'unitOfMeasure', before: 'h', after: 'min' },
    ];
    expect(describeEvent(event({ changes }))).toBe('Ada changed title and unit of measure of KR ‘MTTD’');
  });

  it('describes additions, check-ins and deletions', () => {
    expect(
      describeEvent(
        event({
          action: 'insert',
          entity: { table: 'matrix_items', kind: 'matrix item', id: 'i', label: 'SOC' },
        }),
      ),
    ).toBe('Ada added matrix item ‘SOC’');
    expect(
      describeEvent(
        event({
          action: 'insert',
          after: { value: 30 },
          entity: { table: 'check_ins', kind: 'check-in', id: 'c', label: 'MTTD' },
        }),
      ),
    ).toBe('Ada checked in 30 on ‘MTTD’');
    expect(describeEvent(event({ action: 'delete', after: null }))).toBe('Ada deleted KR ‘MTTD’');
  });

  it('groups events by day and names the days', () => {
    const groups = groupByDay([
      event({ id: '3' }),
      event({ id: '2' }),
      event({ id: '1', at: '2026-03-02T08:00:00Z' }),
    ]);
    expect(groups.map((g) => [g.day, g.events.length])).toEqual([
      ['2026-03-03', 2],
      ['2026-03-02', 1],
    ]);
    expect(dayHeading('2026-03-03', '2026-03-03')).toBe('Today');
    expect(dayHeading('2026-03-02', '2026-03-03')).toBe('Yesterday');
    expect(dayHeading('2026-01-02', '2026-03-03')).toMatch(/2026/);
  });
});
