/**
 * `/`: sends the user to the first organisation; on an empty store a site administrator creates
 * one here, anyone else is told to ask one.
 */
import { useTranslation } from 'react-i18next';
import { Redirect } from 'wouter';
import type { Organisation } from '../../contracts';
import { EmptyState } from '../components/empty-state';
import { QueryView, type QueryLike } from '../components/form/query-view';
import { BuildingIcon } from '../components/icons';
import { paths } from '../paths';
import { useMe } from '../session/session-context';
import { CreateOrganisation } from './create-organisation';

export function HomePage({ organisations }: { organisations: QueryLike<Organisation[]> }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <QueryView
      query={organisations}
      errorTitle={t('home.loadError')}
      canRetry
      loadingLabel={t('home.loading')}
      isPage
    >
      {(list) => {
        const first = list[0];
        if (first) return <Redirect to={paths.org(first.id)} replace />;
        if (me.isSiteAdmin) return <CreateOrganisation />;
        return (
          <div className="page">
            <EmptyState icon={<BuildingIcon size={22} />} title={t('home.noOrganisation')}>
              <p>{t('home.noOrganisationBody')}</p>
            </EmptyState>
          </div>
        );
      }}
    </QueryView>
  );
}
