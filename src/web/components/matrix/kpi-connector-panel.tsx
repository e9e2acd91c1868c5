/**
 * A KPI's connector in its detail drawer: where the actuals come from (an HTTP(S) JSON or CSV
 * document, a PostgreSQL query, a Prometheus query), the schedule, a dry run that lists what it
 * would record, "Save" and "Run now", and the last run's status and errors. Readers see the status;
 * editors set it up. Secrets are typed once and never shown again (the server stores them encrypted).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
const KINDS: readonly Kind[] = ['http', 'http-csv', 'postgres', 'prometheus'];
const SCHEDULES: readonly ConnectorSchedule[] = ['hourly', 'daily', 'manual'];
interface Props {
  kpiId: string;
  unitId: string;
  readOnly: boolean;
}

export function KpiConnectorPanel({ kpiId, unitId, readOnly }: Props) {
  const { t } = useTranslation('items');
  const query = useQuery(queries.kpiConnector(unitId, kpiId));
  const connector = query.data?.connector ?? null;
  return (
    <section className="detail-section" aria-label={t('connector.section')} data-testid="kpi-connector">
      <h3 className="detail-section-title">
        <Trans
          t={t}
          i18nKey="connector.title"
          ns="items"
          components={{ muted: <span className="muted" /> }}
        />
      </h3>
      {query.isPending ? (
        <p className="detail-empty muted">{t('connector.loading')}</p>
      ) : query.isError ? (
        <FormAlert error={query.error} />
      ) : (
        <>
          {connector?.lastRun ? (
            <LastRun run={connector.lastRun} />
          ) : (
            connector && <p className="detail-empty muted">{t('connector.notRun')}</p>
          )}
          {readOnly ? (
            connector ? (
              <p className="detail-empty muted">
                {t('connector.summary', {
                  kind: t(`connector.kinds.${kindOf(connector.config)}`),
                  schedule: t(`connector.schedules.${connector.schedule}`),
                })}
              </p>
            ) : (
              <p className="detail-empty muted">{t('connector.none')}</p>
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
  const { t } = useTranslation('items');
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
  const secretLabel =
    kind === 'postgres' ? t('connector.connectionString') : t('connector.authorizationHeader');
  const isHttp = kind === 'http' || kind === 'http-csv';

  return (
    <form className="connector-form" onSubmit={save.onSubmit} noValidate aria-label={t('connector.form')}>
      <FormAlert error={save.error ?? run.error ?? dryRun.error} />
      <div className="detail-grid">
        <Field label={t('connector.source')}>
          <select
            className="input"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as Kind)}
          >
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`connector.kinds.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('connector.schedule')}>
          <select
            className="input"
            name="schedule"
            value={schedule}
            onChange={(event) => setSchedule(event.target.value as ConnectorSchedule)}
          >
            {SCHEDULES.map((option) => (
              <option key={option} value={option}>
                {t(`connector.schedules.${option}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {kind !== 'postgres' && (
        <TextField
          label={kind === 'prometheus' ? t('connector.prometheusAddress') : t('connector.address')}
          name="url"
          value={url}
          // eslint-disable-next-line catchball/no-untranslated-text -- example addresses
          placeholder={kind === 'prometheus' ? 'http://prometheus:9090' : 'https://…/kpi.json'}
          onChange={(event) => setUrl(event.target.value)}
          error={save.fieldErrors['config.url'] ?? dryRun.fieldErrors['config.url']}
        />
      )}
      {kind === 'postgres' && (
        <Field label={t('connector.query')} hint={t('connector.queryHint')}>
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
            // eslint-disable-next-line catchball/no-untranslated-text -- an example query
            placeholder="sum(open_incidents)"
            onChange={(event) => setPromql(event.target.value)}
          />
          <TextField
            label={t('connector.daysBack')}
            hint={t('connector.daysBackHint')}
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
              label={t('connector.recordsAt')}
              hint={t('connector.recordsAtHint')}
              name="recordsPath"
              value={recordsPath}
              onChange={(event) => setRecordsPath(event.target.value)}
            />
          )}
          <TextField
            label={isHttp && kind === 'http' ? t('connector.valueField') : t('connector.valueColumn')}
            name="valueField"
            value={valueField}
            onChange={(event) => setValueField(event.target.value)}
          />
          <TextField
            label={kind === 'http' ? t('connector.dateField') : t('connector.dateColumn')}
            hint={t('connector.dateHint')}
            name="dateField"
            value={dateField}
            onChange={(event) => setDateField(event.target.value)}
          />
        </div>
      )}
      <div className="detail-grid">
        <Field
          label={secretLabel}
          hint={connector?.secret.kind === 'encrypted' ? t('connector.storedEncrypted') : undefined}
        >
          <select
            className="input"
            name="secretMode"
            value={secretMode}
            onChange={(event) => setSecretMode(event.target.value as typeof secretMode)}
          >
            {connector && <option value="keep">{t('connector.secrets.keep')}</option>}
            <option value="none">{t('connector.secrets.none')}</option>
            <option value="env">{t('connector.secrets.env')}</option>
            <option value="value">{t('connector.secrets.value')}</option>
          </select>
        </Field>
        {(secretMode === 'env' || secretMode === 'value') && (
          <TextField
            label={secretMode === 'env' ? t('connector.variableName') : secretLabel}
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
          {dryRun.isPending ? t('connector.trying') : t('connector.dryRun')}
        </Button>
        {connector && (
          <Button variant="ghost" onClick={() => setRemoving(true)}>
            {t('connector.remove')}
          </Button>
        )}
        {connector && (
          <Button variant="secondary" onClick={() => void run.run()} disabled={run.isPending}>
            {run.isPending ? t('connector.running') : t('connector.runNow')}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t('connector.saving') : connector ? t('connector.save') : t('connector.setUp')}
        </Button>
      </div>
      {isRemoving && connector && (
        <ConfirmDialog
          title={t('connector.removeTitle')}
          confirmLabel={t('connector.removeConfirm')}
          onClose={() => setRemoving(false)}
          onConfirm={async () => {
            await removeKpiConnector(kpiId, connector.version);
            await refresh();
          }}
        >
          {t('connector.removeBody')}
        </ConfirmDialog>
      )}
    </form>
  );
}
