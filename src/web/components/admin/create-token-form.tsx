/**
 * Creates an API token for a unit: a name, what it may do (scopes) and an optional expiry day.
 * The answer carries the secret, which `onCreated` shows once.
 */
import { useState } from 'react';
import type { ApiToken } from '../../../contracts';
import { createApiToken, type TokenScope } from '../../api-accounts';
import { TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { useFields } from '../form/use-fields';
import { SubmitButton } from '../form/submit-button';
import { useSubmit } from '../form/use-submit';
import { PlusIcon } from '../icons';
import { localIsoDate } from '../../../core/calendar';

export const SCOPE_INFO: Record<TokenScope, { label: string; help: string }> = {
  read: { label: 'Read', help: 'Read the plans of this unit and the units below it' },
  check_ins: {
    label: 'Check-ins',
    help: 'Check in on any key result or KPI there (e.g. from a monitoring system)',
  },
  write: { label: 'Write', help: 'Edit OKRs and X-matrices there, as an editor would' },
};
const SCOPES = Object.keys(SCOPE_INFO) as TokenScope[];

/** The end of `day` (YYYY-MM-DD) in the browser's time zone, as an ISO timestamp. */
export function endOfDay(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

export function CreateTokenForm({
  unitId,
  onCreated,
}: {
  unitId: string;
  onCreated: (token: ApiToken) => void;
}) {
  const form = useFields({ name: '', expires: '' });
  const [scopes, setScopes] = useState<Set<TokenScope>>(new Set(['check_ins']));
  const { name, expires } = form.values;
  const today = localIsoDate(new Date());

  function toggle(scope: TokenScope, on: boolean) {
    setScopes((current) => {
      const next = new Set(current);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });
  }

  const save = useSubmit(
    async () => {
      const token = await createApiToken(unitId, {
        name: name.trim(),
        scopes: SCOPES.filter((scope) => scopes.has(scope)),
        expiresAt: expires ? endOfDay(expires) : null,
      });
      form.reset();
      onCreated(token);
    },
    { check: () => (scopes.size === 0 ? 'Choose at least one thing the token may do.' : null) },
  );

  return (
    <form className="admin-card" aria-label="Create an API token" onSubmit={save.onSubmit}>
      <h2>Create a token</h2>
      <p className="muted">
        Other systems send it as <code>Authorization: Bearer …</code>. It acts on this unit and the units
        below it, and only as far as its scopes allow.
      </p>
      <FormAlert error={save.error} fields={['name', 'expiresAt']} />
      <div className="grant-form-fields">
        <TextField
          label="Name"
          name="token-name"
          required
          maxLength={100}
          placeholder="e.g. SIEM check-ins"
          {...form.bind('name', save.fieldErrors)}
        />
        <TextField
          label="Expires (optional)"
          type="date"
          name="expires"
          min={today}
          hint="Blank: valid until revoked."
          {...form.bind('expires')}
          error={save.fieldErrors.expiresAt}
        />
      </div>
      <fieldset className="scope-list">
        <legend className="field-label">May</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              checked={scopes.has(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
            />
            <span>
              <strong>{SCOPE_INFO[scope].label}</strong>{' '}
              <span className="muted">— {SCOPE_INFO[scope].help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel="Creating…" icon={<PlusIcon />}>
          Create token
        </SubmitButton>
      </div>
    </form>
  );
}
