/**
 * Saved what-if scenarios in the what-if panel: save the changes being tried under a name (the
 * server runs the pressure test on them and keeps the outcome), and per saved scenario open it into
 * the panel, compare it with the plan, apply it to the matrix (with a preview) or delete it.
 * Readers of the unit open and compare; its editors save, apply and delete.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioView } from '../../../contracts';
import type { Scenario } from '../../../core/what-if';
import { createScenario, deleteScenario } from '../../api-scenarios';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { Badge } from '../badge';
import { Button } from '../button';
import { ConfirmDialog } from '../confirm-dialog';
import { useSubmit } from '../form/use-submit';
import { ScenarioApplyDialog } from './scenario-apply-dialog';
import { ScenarioComparisonDialog } from './scenario-comparison';
import { formatDay } from '../../format/dates';

export function SavedScenarios(props: {
  matrixId: string;
  scenario: Scenario;
  changes: number;
  canEdit: boolean;
  /** The saved scenario the panel shows, if one was opened. */
  openId: string | null;
  /** Whether the open scenario's changes were edited since it was opened. */
  openEdited: boolean;
  onOpen: (scenario: ScenarioView) => void;
  /** After an apply: the plan changed, so the panel goes back to it. */
  onApplied: () => void;
}) {
  const { t } = useTranslation('pressure');
  const client = useQueryClient();
  const list = useQuery(queries.scenarios(props.matrixId));
  const [name, setName] = useState('');
  const [comparing, setComparing] = useState<ScenarioView | null>(null);
  const [applying, setApplying] = useState<ScenarioView | null>(null);
  const [deleting, setDeleting] = useState<ScenarioView | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: keys.scenarios(props.matrixId) });
  const save = useSubmit(
    async () => {
      const saved = await createScenario(props.matrixId, name.trim(), props.scenario);
      setName('');
      await refresh();
      props.onOpen(saved);
    },
    { check: () => (name.trim() === '' ? t('scenarios.nameMissing') : null) },
  );
  const scenarios = list.data ?? [];
  return (
    <section className="scenarios" aria-label={t('scenarios.title')} data-testid="saved-scenarios">
      <h3>{t('scenarios.title')}</h3>
      {props.canEdit && props.changes > 0 && (props.openId === null || props.openEdited) && (
        <form className="scenario-save" onSubmit={save.onSubmit} aria-label={t('scenarios.saveForm')}>
          <input
            className="input"
            name="scenario-name"
            aria-label={t('scenarios.name')}
            placeholder={t('scenarios.namePlaceholder')}
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
          <Button size="sm" type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? t('scenarios.saving') : t('scenarios.save', { count: props.changes })}
          </Button>
          {save.error && <p className="form-error">{save.error.message}</p>}
        </form>
      )}
      {list.error && <p className="form-error">{list.error.message}</p>}
      {!list.data && !list.error && <p className="muted">{t('scenarios.loading')}</p>}
      {list.data && scenarios.length === 0 && (
        <p className="muted">{props.canEdit ? t('scenarios.noneEditor') : t('scenarios.noneReader')}</p>
      )}
      <ul className="scenario-list">
        {scenarios.map((s) => (
          <li
            key={s.id}
            data-testid={`scenario-${s.name}`}
            className={s.id === props.openId ? 'is-open' : ''}
          >
            <div className="scenario-row-head">
              <span className="scenario-name">{s.name}</span>
              {s.id === props.openId && <Badge tone="brand">{t('scenarios.shown')}</Badge>}
              {s.appliedAt && <Badge tone="green">{t('scenarios.applied')}</Badge>}
            </div>
            <p className="scenario-meta">
              {t('scenarios.meta', {
                count: s.description.length,
                by: s.createdByName ?? t('scenarios.someone'),
                date: formatDay(s.createdAt),
              })}
            </p>
            <div className="scenario-actions">
              <Button size="sm" variant="ghost" onClick={() => props.onOpen(s)}>
                {t('scenarios.open')}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setComparing(s)}>
                {t('scenarios.compare')}
              </Button>
              {props.canEdit && (
                <>
                  {!s.appliedAt && (
                    <Button size="sm" variant="ghost" onClick={() => setApplying(s)}>
                      {t('scenarios.apply')}
                    </Button>
                  )}
                  <Button size="sm" variant="ghost" onClick={() => setDeleting(s)}>
                    {t('scenarios.delete')}
                  </Button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {comparing && (
        <ScenarioComparisonDialog
          matrixId={props.matrixId}
          scenario={comparing}
          onClose={() => setComparing(null)}
        />
      )}
      {applying && (
        <ScenarioApplyDialog
          matrixId={props.matrixId}
          scenario={applying}
          onClose={() => setApplying(null)}
          onApplied={() => {
            setApplying(null);
            void client.invalidateQueries({ queryKey: keys.matrix(props.matrixId) });
            props.onApplied();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('scenarios.deleteTitle', { name: deleting.name })}
          confirmLabel={t('scenarios.deleteConfirm')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteScenario(deleting.id, deleting.version);
            await refresh();
          }}
        >
          {t('scenarios.deleteBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
