/**
 * Applying a saved scenario: first what it writes into the matrix and what stays in the scenario
 * (people live in the organisation's people settings), then one transaction on the server. Where
 * the plan changed since the scenario was saved the dialog names the items and offers no apply.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScenarioView } from '../../../contracts';
import { applyScenario } from '../../api-scenarios';
import { queries } from '../../api/queries';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { useSubmit } from '../form/use-submit';

export function ScenarioApplyDialog(props: {
  matrixId: string;
  scenario: ScenarioView;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { t } = useTranslation('pressure');
  const preview = useQuery(queries.scenarioApplyPreview(props.matrixId, props.scenario.id));
  const apply = useSubmit(async () => {
    await applyScenario(props.scenario.id, props.scenario.version);
    props.onApplied();
  });
  const data = preview.data;
  const blocked = !data || data.conflicts.length > 0 || data.writes.length === 0;
  return (
    <Dialog
      title={t('apply.title', { name: props.scenario.name })}
      description={t('apply.description')}
      onClose={props.onClose}
      onSubmit={apply.onSubmit}
      className="dialog-wide scenario-apply"
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t('apply.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={blocked || apply.isPending} data-autofocus>
            {apply.isPending ? t('apply.applying') : t('apply.submit')}
          </Button>
        </>
      }
    >
      {preview.error && <p className="form-error">{preview.error.message}</p>}
      {!data && !preview.error && <p className="muted">{t('apply.checking')}</p>}
      {data && data.conflicts.length > 0 && (
        <div className="scenario-conflicts" role="alert" data-testid="apply-conflicts">
          {t('apply.conflicts')}
          <ul>
            {data.conflicts.map((c) => (
              <li key={c.item}>{c.message}</li>
            ))}
          </ul>
          {t('apply.redo')}
        </div>
      )}
      {data && (
        <div data-testid="apply-preview">
          <h3 className="scenario-subhead">{t('apply.written')}</h3>
          {data.writes.length === 0 ? (
            <p className="muted">{t('apply.nothing')}</p>
          ) : (
            <ul className="scenario-writes">
              {data.writes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {data.kept.length > 0 && (
            <>
              <h3 className="scenario-subhead">{t('apply.kept')}</h3>
              <p className="muted">{t('apply.keptNote')}</p>
              <ul className="scenario-writes">
                {data.kept.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {apply.error && <p className="form-error">{apply.error.message}</p>}
    </Dialog>
  );
}
