/**
 * The strategy map: the whole organisation as an org chart of matrices, drawn in SVG — each unit
 * with its OKRs and its X-matrix in brief, each line with how the units are linked — and the
 * organisation's orphans below. Easier to read than the X for newcomers. Route: `/org/:orgId/map`.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { queries } from '../../api/queries';
import { PageError, PageLoading } from '../../components/page-state';
import { OrphanList } from '../../components/links/orphan-list';
import { useOrg } from '../../hooks/org-context';
import { paths } from '../../paths';
import { BOX, layoutMap, type UnitBox } from './map-layout';

const PAD = 16;

export function StrategyMapPage() {
  const { t } = useTranslation('map');
  const org = useOrg();
  const orgId = org.data?.organisation.id ?? null;
  const map = useQuery({ ...queries.strategyMap(orgId ?? ''), enabled: orgId !== null });
  const [, navigate] = useLocation();
  const error = org.error ?? map.error;
  if (error) return <PageError title={t('strategyMap.error')} error={error} />;
  if (!org.data || !map.data) return <PageLoading />;
  const data = org.data;
  const { boxes, links, width, height } = layoutMap(data.units, map.data);
  const open = (box: UnitBox) =>
    navigate(
      box.matrix
        ? paths.matrix(data.organisation.id, box.unit.id, box.matrix.year)
        : paths.okrs(data.organisation.id, box.unit.id),
    );
  return (
    <div className="page map-page">
      <header className="page-header">
        <h1>{t('strategyMap.title', { organisation: data.organisation.name })}</h1>
        <p className="page-lede">{t('strategyMap.lede')}</p>
      </header>
      <div className="map-scroll">
        <svg
          className="strategy-map"
          width={width + 2 * PAD}
          height={height + 2 * PAD}
          viewBox={`${-PAD} ${-PAD} ${width + 2 * PAD} ${height + 2 * PAD}`}
          role="group"
          aria-label={t('strategyMap.label', { organisation: data.organisation.name })}
        >
          {links.map(({ from, to, aligned, translated, cascaded }) => {
            const x1 = from.x + BOX.width / 2;
            const y1 = from.y + BOX.height;
            const x2 = to.x + BOX.width / 2;
            const y2 = to.y;
            const mid = (y1 + y2) / 2;
            const label = [
              aligned && t('strategyMap.aligned', { count: aligned }),
              translated && t('strategyMap.translated', { count: translated }),
              cascaded && t('strategyMap.cascaded', { count: cascaded }),
            ]
              .filter(Boolean)
              .join(t('strategyMap.linkSeparator'));
            return (
              <g key={to.unit.id} className={label ? 'map-link is-linked' : 'map-link'}>
                <path d={`M${x1},${y1} V${mid} H${x2} V${y2}`} />
                {label && (
                  <text x={x2} y={y2 - 8} textAnchor="middle">
                    {label}
                  </text>
                )}
              </g>
            );
          })}
          {boxes.map((box) => (
            <g
              key={box.unit.id}
              className="map-unit"
              transform={`translate(${box.x},${box.y})`}
              data-testid={`map-unit-${box.unit.id}`}
              role="link"
              tabIndex={0}
              onClick={() => open(box)}
              onKeyDown={(event) => event.key === 'Enter' && open(box)}
            >
              <rect width={BOX.width} height={BOX.height} rx={8} />
              <text x={12} y={22} className="map-unit-name">
                {box.unit.name}
              </text>
              <text x={12} y={44} className="map-unit-meta">
                {t('strategyMap.okrs', { objectives: box.objectives, keyResults: box.keyResults })}
              </text>
              <text x={12} y={64} className="map-unit-meta">
                {box.matrix
                  ? t('strategyMap.matrix', {
                      year: String(box.matrix.year),
                      what: box.matrix.counts.what,
                      howFar: box.matrix.counts.how_far,
                      how: box.matrix.counts.how,
                      howMuch: box.matrix.counts.how_much,
                      who: box.matrix.counts.who,
                    })
                  : t('strategyMap.noMatrix')}
              </text>
              <text x={12} y={86} className={box.orphans > 0 ? 'map-unit-orphans' : 'map-unit-meta'}>
                {box.orphans > 0
                  ? t('strategyMap.orphans', { count: box.orphans })
                  : t('strategyMap.noOrphans')}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <p className="links-meta">{t('strategyMap.legend')}</p>
      <section className="links-panel" aria-label={t('strategyMap.orphansLabel')}>
        <h2>{t('strategyMap.orphansTitle')}</h2>
        <OrphanList orphans={map.data.orphans} unitName={(id) => data.unitsById.get(id)?.name ?? id} />
      </section>
    </div>
  );
}
