/**
 * The links panel under an X-matrix: sources that changed (accept / answer), cascades up and down
 * (drill-down to the matrices above and below), orphans, and a way into the trace of any item.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { XMatrixView } from '../../../contracts';
import { queries } from '../../api/queries';
import { paths } from '../../paths';
import { Spinner } from '../spinner';
import { CascadeList } from './cascade-list';
import { OrphanList } from './orphan-list';
import { SourceChanges } from './source-changes';

export function MatrixLinksPanel({ view, refetch }: { view: XMatrixView; refetch: () => Promise<unknown> }) {
  const { t } = useTranslation();
  // Every write to the matrix is a live change of its scope, which invalidates the orphans.
  const orphans = useQuery(queries.orphans(view.matrix.id));
  const changedCount = view.sourceStatus.filter((s) => s.sourceChanged).length;
  const refresh = async () => {
    await refetch();
    await orphans.refetch();
  };
  const orgId = view.organisation.id;
  const traceable = [...view.items.how, ...view.items.how_much];
  return (
    <section className="links-panel" aria-label={t('links.label')}>
      {/* Open while something needs an answer, or an answer given stays on record. */}
      <details open={changedCount > 0 || view.sourceStatus.some((s) => s.answer !== null)}>
        <summary>
          {t('links.sourceChanged')} <span className="links-count">{changedCount}</span>
        </summary>
        <SourceChanges view={view} onChanged={refresh} />
      </details>
      <details open>
        <summary>
          {t('links.cascadeHeading')} <span className="links-count">{view.cascades.length}</span>
        </summary>
        <CascadeList view={view} onChanged={refresh} />
      </details>
      <details open>
        <summary>
          {t('links.orphans')}{' '}
          {orphans.data ? <span className="links-count">{orphans.data.length}</span> : <Spinner size={12} />}
        </summary>
        {orphans.data && <OrphanList orphans={orphans.data} />}
      </details>
      <details>
        <summary>{t('links.trace')}</summary>
        <p className="links-meta">{t('links.traceIntro')}</p>
        <ul className="links-chips">
          {traceable.map((item) => (
            <li key={item.id}>
              <Link href={paths.trace(orgId, item.part === 'how' ? 'initiative' : 'kpi', item.id)}>
                {item.title}
              </Link>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
