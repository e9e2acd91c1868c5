/**
 * The strategy map: the whole organisation as an org chart of matrices, drawn in SVG — each unit
 * with its OKRs and its X-matrix in brief, each line with how the units are linked — and the
 * organisation's orphans below. Easier to read than the X for newcomers. Route: `/org/:orgId/map`.
 */
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { queries } from '../../api/queries';
import { PageError, PageLoading } from '../../components/page-state';
import { OrphanList } from '../../components/links/orphan-list';
import { useOrg } from '../../hooks/org-context';
import { paths } from '../../paths';
import { BOX, layoutMap, type UnitBox } from './map-layout';
import { plural } from '../../../core/plural';

const PAD = 16;

export function StrategyMapPage() {
  const org = useOrg();
  const orgId = org.data?.organisation.id ?? null;
  const map = useQuery({ ...queries.strategyMap(orgId ?? ''), enabled: orgId !== null });
  const [, navigate] = useLocation();
  const error = org.error ?? map.error;
  if (error) return <PageError title="Could not load the strategy map" error={error} />;
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
        <h1>Strategy map · {data.organisation.name}</h1>
        <p className="page-lede">
          Every unit with its OKRs and X-matrix; lines show what each level took from the one above. Click a
          unit to open it.
        </p>
      </header>
      <div className="map-scroll">
        <svg
          className="strategy-map"
          width={width + 2 * PAD}
          height={height + 2 * PAD}
          viewBox={`${-PAD} ${-PAD} ${width + 2 * PAD} ${height + 2 * PAD}`}
          role="group"
          aria-label={`Strategy map of ${data.organisation.name}`}
        >
          {links.map(({ from, to, aligned, translated, cascaded }) => {
            const x1 = from.x + BOX.width / 2;
            const y1 = from.y + BOX.height;
            const x2 = to.x + BOX.width / 2;
            const y2 = to.y;
            const mid = (y1 + y2) / 2;
            const label = [
              aligned && `${aligned} aligned`,
              translated && `${translated} translated`,
              cascaded && `${cascaded} cascaded`,
            ]
              .filter(Boolean)
              .join(' · ');
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
                {plural(box.objectives, 'objective')} · {plural(box.keyResults, 'key result')}
              </text>
              <text x={12} y={64} className="map-unit-meta">
                {box.matrix
                  ? `X-matrix ${box.matrix.year}: ${box.matrix.counts.what} · ${box.matrix.counts.how_far} · ${box.matrix.counts.how} · ${box.matrix.counts.how_much} · ${box.matrix.counts.who}`
                  : 'no X-matrix yet'}
              </text>
              <text x={12} y={86} className={box.orphans > 0 ? 'map-unit-orphans' : 'map-unit-meta'}>
                {box.orphans > 0 ? plural(box.orphans, 'orphan') : 'no orphans'}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <p className="links-meta">
        Matrix counts: breakthroughs · annual objectives · initiatives · KPIs · owners.
      </p>
      <section className="links-panel" aria-label="Orphans of the organisation">
        <h2>Orphans</h2>
        <OrphanList orphans={map.data.orphans} unitName={(id) => data.unitsById.get(id)?.name ?? id} />
      </section>
    </div>
  );
}
