/**
 * A KPI's connector in its detail drawer: where the actuals come from (an HTTP(S) JSON or CSV
 * document, a PostgreSQL query, a Prometheus query), the schedule, a dry run that lists what it
 * would record, "Save" and "Run now", and the last run's status and errors. Readers see the status;
 * editors set it up. Secrets are typed once and never shown again (the server stores them encrypted).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Connector, ConnectorConfig, ConnectorPreview, ConnectorSchedule } from '../../../contracts';
import {
  previewKpiConnector,
  removeKpiConnector,
  runKpiConnector,
  setKpiConnector,
} from '../../api-connectors';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { Button } from '../button';
import { Field, TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { useSubmit } from '../form/use-submit';
import { ConfirmDialog } from '../confirm-dialog';
import { LastRun, PreviewTable } from './kpi-connector-results';

type Kind = ConnectorConfig['kind'] | 'http-csv';
const KIND_LABEL: Record<Kind, string> = {
  http: 'JSON over HTTP(S)',
  'http-csv': 'CSV over HTTP(S)',
  postgres: 'PostgreSQL query',
  prometheus: 'Prometheus query',
};
const SCHEDULE_LABEL: Record<ConnectorSchedule, string> = {
  hourly: 'Every hour',
  daily: 'Every day',
  manual: 'Only when run by hand',
};
interface Props {
  kpiId: string;
  unitId: string;
  readOnly: boolean;
}

export function KpiConnectorPanel({ kpiId, unitId, readOnly }: Props) {
  const query = useQuery(queries.kpiConnector(unitId, kpiId));
  const connector = query.data?.connector ?? null;
  return (
    <section className="detail-section" aria-label="Connector" data-testid="kpi-connector">
      <h3 className="detail-section-title">
        Connector <span className="muted">actuals pulled from your own systems</span>
      </h3>
      {query.isPending ? (
        <p className="detail-empty muted">Loading…</p>
      ) : query.isError ? (
        <FormAlert error={query.error} />
      ) : (
        <>
          {connector?.lastRun ? (
            <LastRun run={connector.lastRun} />
          ) : (
            connector && <p className="detail-empty muted">Not run yet.</p>
          )}
          {readOnly ? (
            connector ? (
              <p className="detail-empty muted">
                {KIND_LABEL[kindOf(connector.config)]} · {SCHEDULE_LABEL[connector.schedule]}
              </p>
            ) : (
              <p className="detail-empty muted">No connector: check-ins are entered by hand or uploaded.</p>
            )
          ) : (
            <ConnectorForm
              key={connector?.version ?? 0}
              kpiId={kpiId}
              unitId={unitId}
              connector={connector}
            />
          )}
        </>
      )}
    </section>
  );
}

function kindOf(config: ConnectorConfig): Kind {
  return config.kind === 'http' && config.format === 'csv' ? 'http-csv' : config.kind;
}

function ConnectorForm({
  kpiId,
  unitId,
  connector,
}: {
  kpiId: string;
  unitId: string;
  connector: Connector | null;
}) {
  const client = useQueryClient();
  const config = connector?.config;
  const [kind, setKind] = useState<Kind>(config ? kindOf(config) : 'http');
  const [url, setUrl] = useState(config && config.kind !== 'postgres' ? config.url : '');
  const [recordsPath, setRecordsPath] = useState(config?.kind === 'http' ? config.recordsPath : '');
  const [valueField, setValueField] = useState(
    config?.kind === 'http' ? config.valueField : config?.kind === 'postgres' ? config.valueColumn : 'value',
  );
  const [dateField, setDateField] = useState(
    config?.kind === 'http' ? config.dateField : config?.kind === 'postgres' ? config.dateColumn : 'date',
  );
  const [sql, setSql] = useState(config?.kind === 'postgres' ? config.query : '');
  const [promql, setPromql] = useState(config?.kind === 'prometheus' ? config.query : '');
  const [rangeDays, setRangeDays] = useState(config?.kind === 'prometheus' ? String(config.rangeDays) : '0');
  const [schedule, setSchedule] = useState<ConnectorSchedule>(connector?.schedule ?? 'daily');
  const [secretMode, setSecretMode] = useState<'keep' | 'none' | 'env' | 'value'>(
    connector ? 'keep' : 'none',
  );
  const [secretText, setSecretText] = useState(connector?.secret.kind === 'env' ? connector.secret.env : '');
  const [preview, setPreview] = useState<ConnectorPreview | null>(null);
  const [isRemoving, setRemoving] = useState(false);

  const built = (): ConnectorConfig => {
    if (kind === 'postgres') return { kind, query: sql, valueColumn: valueField, dateColumn: dateField };
    if (kind === 'prometheus') return { kind, url, query: promql, rangeDays: Number(rangeDays) || 0 };
    return {
      kind: 'http',
      url,
      format: kind === 'http-csv' ? 'csv' : 'json',
      recordsPath,
      valueField,
      dateField,
    };
  };
  const secret = () =>
    secretMode === 'env'
      ? { kind: 'env' as const, env: secretText.trim() }
      : secretMode === 'value'
        ? { kind: 'value' as const, value: secretText }
        : { kind: secretMode };
  const refresh = () => client.invalidateQueries({ queryKey: keys.kpiConnector(unitId, kpiId) });

  const dryRun = useSubmit(async () =>
    setPreview(await previewKpiConnector(kpiId, { config: built(), secret: secret() })),
  );
  const save = useSubmit(async () => {
    await setKpiConnector(kpiId, {
      config: built(),
      secret: secret(),
      schedule,
      enabled: true,
      ...(connector ? { version: connector.version } : {}),
    });
    await refresh();
  });
  const run = useSubmit(async () => {
    await runKpiConnector(kpiId);
    await refresh();
    await client.invalidateQueries({ queryKey: keys.unit(unitId) });
  });
  const secretLabel = kind === 'postgres' ? 'Connection string' : 'Authorization header';
  const isHttp = kind === 'http' || kind === 'http-csv';

  return (
    <form className="connector-form" onSubmit={save.onSubmit} noValidate aria-label="Connector settings">
      <FormAlert error={save.error ?? run.error ?? dryRun.error} />
      <div className="detail-grid">
        <Field label="Source">
          <select
            className="input"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as Kind)}
          >
            {(Object.keys(KIND_LABEL) as Kind[]).map((option) => (
              <option key={option} value={option}>
                {KIND_LABEL[option]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Schedule">
          <select
            className="input"
            name="schedule"
            value={schedule}
            onChange={(event) => setSchedule(event.target.value as ConnectorSchedule)}
          >
            {(Object.keys(SCHEDULE_LABEL) as ConnectorSchedule[]).map((option) => (
              <option key={option} value={option}>
                {SCHEDULE_LABEL[option]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {kind !== 'postgres' && (
        <TextField
          label={kind === 'prometheus' ? 'Prometheus address' : 'Address'}
          name="url"
          value={url}
          placeholder={kind === 'prometheus' ? 'http://prometheus:9090' : 'https://…/kpi.json'}
          onChange={(event) => setUrl(event.target.value)}
          error={save.fieldErrors['config.url'] ?? dryRun.fieldErrors['config.url']}
        />
      )}
      {kind === 'postgres' && (
        <Field label="Query" hint="One SELECT, run read-only; each row is one value">
          <textarea
            className="input connector-query"
            name="query"
            rows={3}
            value={sql}
            onChange={(event) => setSql(event.target.value)}
          />
        </Field>
      )}
      {kind === 'prometheus' && (
        <div className="detail-grid">
          <TextField
            label="PromQL"
            name="promql"
            value={promql}
            placeholder="sum(open_incidents)"
            onChange={(event) => setPromql(event.target.value)}
          />
          <TextField
            label="Days back"
            hint="0: one value for today; N: one per day"
            name="rangeDays"
            inputMode="numeric"
            value={rangeDays}
            onChange={(event) => setRangeDays(event.target.value)}
          />
        </div>
      )}
      {kind !== 'prometheus' && (
        <div className="detail-grid">
          {kind === 'http' && (
            <TextField
              label="Records at"
              hint="Dotted path to the list, e.g. data.points"
              name="recordsPath"
              value={recordsPath}
              onChange={(event) => setRecordsPath(event.target.value)}
            />
          )}
          <TextField
            label={isHttp && kind === 'http' ? 'Value field' : 'Value column'}
            name="valueField"
            value={valueField}
            onChange={(event) => setValueField(event.target.value)}
          />
          <TextField
            label={kind === 'http' ? 'Date field' : 'Date column'}
            hint="Empty: dated today"
            name="dateField"
            value={dateField}
            onChange={(event) => setDateField(event.target.value)}
          />
        </div>
      )}
      <div className="detail-grid">
        <Field
          label={secretLabel}
          hint={connector?.secret.kind === 'encrypted' ? 'Stored encrypted' : undefined}
        >
          <select
            className="input"
            name="secretMode"
            value={secretMode}
            onChange={(event) => setSecretMode(event.target.value as typeof secretMode)}
          >
            {connector && <option value="keep">Keep current</option>}
            <option value="none">None</option>
            <option value="env">From an environment variable</option>
            <option value="value">Type it (stored encrypted)</option>
          </select>
        </Field>
        {(secretMode === 'env' || secretMode === 'value') && (
          <TextField
            label={secretMode === 'env' ? 'Variable name' : secretLabel}
            name="secret"
            type={secretMode === 'value' ? 'password' : 'text'}
            autoComplete="off"
            value={secretText}
            onChange={(event) => setSecretText(event.target.value)}
          />
        )}
      </div>
      {preview && <PreviewTable preview={preview} />}
      <div className="detail-actions">
        <Button variant="ghost" onClick={() => void dryRun.run()} disabled={dryRun.isPending}>
          {dryRun.isPending ? 'Trying…' : 'Dry run'}
        </Button>
        {connector && (
          <Button variant="ghost" onClick={() => setRemoving(true)}>
            Remove
          </Button>
        )}
        {connector && (
          <Button variant="secondary" onClick={() => void run.run()} disabled={run.isPending}>
            {run.isPending ? 'Running…' : 'Run now'}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : connector ? 'Save connector' : 'Set up connector'}
        </Button>
      </div>
      {isRemoving && connector && (
        <ConfirmDialog
          title="Remove this connector?"
          confirmLabel="Remove connector"
          onClose={() => setRemoving(false)}
          onConfirm={async () => {
            await removeKpiConnector(kpiId, connector.version);
            await refresh();
          }}
        >
          Its schedule and stored secret go; the check-ins it recorded stay.
        </ConfirmDialog>
      )}
    </form>
  );
}
