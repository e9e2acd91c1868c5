/** Shown for any address the app does not know. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EmptyState } from '../components/empty-state';
import { InfoIcon } from '../components/icons';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <EmptyState
        icon={<InfoIcon size={22} />}
        title={t('notFound.title')}
        action={<Link href="/">{t('notFound.home')}</Link>}
      >
        {t('notFound.body')}
      </EmptyState>
    </div>
  );
}
