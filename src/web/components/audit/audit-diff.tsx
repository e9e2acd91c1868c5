/** The fields an event touched, before and after, as a small table (the expanded part of a timeline entry). */
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../contracts';
import { fieldWords, valueText } from './audit-format';

export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  if (event.changes.length === 0) return <p className="audit-diff-empty muted">{t('diff.none')}</p>;
  const showBefore = event.action !== 'insert';
  const showAfter = event.action !== 'delete';
  return (
    <table className="audit-diff">
      <thead>
        <tr>
          <th scope="col">{t('diff.field')}</th>
          {showBefore && <th scope="col">{t('diff.before')}</th>}
          {showAfter && <th scope="col">{t('diff.after')}</th>}
        </tr>
      </thead>
      <tbody>
        {event.changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">{fieldWords(change.field)}</th>
            {showBefore && (
              <td className="audit-diff-before" title={JSON.stringify(change.before)}>
                {valueText(change.before)}
              </td>
            )}
            {showAfter && (
              <td className="audit-diff-after" title={JSON.stringify(change.after)}>
                {valueText(change.after)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
