/**
 * Saved what-if scenarios in the what-if panel: save the changes being tried under a name (the
 * server runs the pressure test on them and keeps the outcome), and per saved scenario open it into
 * the panel, compare it with the plan, apply it to the matrix (with a preview) or delete it.
 * Readers of the unit open and compare; its editors save, apply and delete.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ScenarioView } from '../../../contracts';
import { plural } from '../../../core/plural';
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
    { check: () => (name.trim() === '' ? 'Give the scenario a name' : null) },
  );
  const scenarios = list.data ?? [];
  return (
    <section className="scenarios" aria-label="Saved scenarios" data-testid="saved-scenarios">
      <h3>Saved scenarios</h3>
      {props.canEdit && props.changes > 0 && (props.openId === null || props.openEdited) && (
        <form className="scenario-save" onSubmit={save.onSubmit} aria-label="Save the scenario">
          <input
            className="input"
            name="scenario-name"
            aria-label="Scenario name"
            placeholder="Name, e.g. Faster triage"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
          <Button size="sm" type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : `Save ${plural(props.changes, 'change')}`}
          </Button>
          {save.error && <p className="form-error">{save.error.message}</p>}
        </form>
      )}
      {list.error && <p className="form-error">{list.error.message}</p>}
      {!list.data && !list.error && <p className="muted">Loading the saved scenarios…</p>}
      {list.data && scenarios.length === 0 && (
        <p className="muted">
          None yet.{' '}
          {props.canEdit
            ? 'Change the plan below, then save it under a name.'
            : 'Editors of this unit save them.'}
        </p>
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
              {s.id === props.openId && <Badge tone="brand">shown</Badge>}
              {s.appliedAt && <Badge tone="green">applied</Badge>}
            </div>
            <p className="scenario-meta">
              {plural(s.description.length, 'change')} · {s.createdByName ?? 'someone'},{' '}
              {formatDay(s.createdAt)}
            </p>
            <div className="scenario-actions">
              <Button size="sm" variant="ghost" onClick={() => props.onOpen(s)}>
                Open
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setComparing(s)}>
                Compare
              </Button>
              {props.canEdit && (
                <>
                  {!s.appliedAt && (
                    <Button size="sm" variant="ghost" onClick={() => setApplying(s)}>
                      Apply…
                    </Button>
                  )}
                  <Button size="sm" variant="ghost" onClick={() => setDeleting(s)}>
                    Delete
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
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete the scenario"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteScenario(deleting.id, deleting.version);
            await refresh();
          }}
        >
          The plan is not changed. Proposals that rest on it keep its figures.
        </ConfirmDialog>
      )}
    </section>
  );
}
