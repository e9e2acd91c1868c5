import { beforeAll, describe, expect, it } from 'vitest';
import { findMatrixOrphans } from '../../../core/orphans';
import { MATRIX_PARTS } from '../../../core/x-matrix-parts';
import { i18n, startI18n } from '../../i18n/i18n';
import { orphanMessage } from './orphan-list';

// One unmarked, unowned item in every part: every matrix reason and every empty grid line.
const orphans = findMatrixOrphans({
  matrices: [{ id: 'm', unitId: 'u', year: 2026 }],
  items: MATRIX_PARTS.map((part) => ({
    id: part,
    matrixId: 'm',
    part,
    title: part,
    ownerId: null,
    sourceObjectiveId: null,
    sourceKeyResultId: null,
    sourceItemId: null,
  })),
  correlations: [],
  ownerships: [],
});

describe('orphanMessage', () => {
  beforeAll(() => startI18n('en'));

  it('says in English exactly what core says', () => {
    expect(orphans.length).toBeGreaterThan(6);
    for (const orphan of orphans) expect(orphanMessage(orphan)).toBe(orphan.message);
  });

  it('says it in German and Japanese with the translated part names', async () => {
    const line = orphans.find(
      (orphan) => orphan.grid === 'how_much_what' && orphan.reason === 'empty_grid_line',
    );
    await i18n.changeLanguage('de');
    expect(orphanMessage(line!)).toBe(
      'keine Markierung im südöstlichen Raster (Zu verbessernde Kennzahlen × Durchbruchsziele)',
    );
    await i18n.changeLanguage('ja');
    expect(orphanMessage(line!)).toBe(
      '南東の相関表（管理指標 × 長期目標（ブレークスルー目標））に印がありません',
    );
    await i18n.changeLanguage('en');
  });
});
