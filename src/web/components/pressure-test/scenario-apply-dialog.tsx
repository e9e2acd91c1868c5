/**
 * Applying a saved scenario: first what it writes into the matrix and what stays in the scenario
 * (people live in the organisation's people settings), then one transaction on the server. Where
 * the plan changed since the scenario was saved the dialog names the items and offers no apply.
 */
import { useQuery } from '@tanstack/react-query';
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
  const preview = useQuery(queries.scenarioApplyPreview(props.matrixId, props.scenario.id));
  const apply = useSubmit(async () => {
    await applyScenario(props.scenario.id, props.scenario.version);
    props.onApplied();
  });
  const data = preview.data;
  const blocked = !data || data.conflicts.length > 0 || data.writes.length === 0;
  return (
    <Dialog
      title={`Apply “${props.scenario.name}” to the plan?`}
      description="These changes are written into the X-matrix together, or not at all."
      onClose={props.onClose}
      onSubmit={apply.onSubmit}
      className="dialog-wide scenario-apply"
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={blocked || apply.isPending} data-autofocus>
            {apply.isPending ? 'Applying…' : 'Apply to the plan'}
          </Button>
        </>
      }
    >
      {preview.error && <p className="form-error">{preview.error.message}</p>}
      {!data && !preview.error && <p className="muted">Checking the plan…</p>}
      {data && data.conflicts.length > 0 && (
        <div className="scenario-conflicts" role="alert" data-testid="apply-conflicts">
          The plan changed since this scenario was saved; applying it would overwrite those changes:
          <ul>
            {data.conflicts.map((c) => (
              <li key={c.item}>{c.message}</li>
            ))}
          </ul>
          Open the scenario, redo the change on today&apos;s plan and save it again.
        </div>
      )}
      {data && (
        <div data-testid="apply-preview">
          <h3 className="scenario-subhead">Written into the matrix</h3>
          {data.writes.length === 0 ? (
            <p className="muted">Nothing: this scenario changes only people.</p>
          ) : (
            <ul className="scenario-writes">
              {data.writes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {data.kept.length > 0 && (
            <>
              <h3 className="scenario-subhead">Stays in the scenario</h3>
              <p className="muted">
                People are changed in the organisation&apos;s people settings and the Who block.
              </p>
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
