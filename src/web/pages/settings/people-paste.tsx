/**
 * "Paste rows from a spreadsheet": name, e-mail, skills, capacity per line (tab- or comma-
 * separated), read by core's parsePastedPeople into a preview; Add writes every row in one request
 * (one transaction), or none when any row has a problem, here or on the server.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePastedPeople } from '../../../core/people-paste';
import { createPeople } from '../../api-structure';
import { Field } from '../../components/form/field';
import { FormAlert } from '../../components/form/form-alert';
import { issuesOf } from '../../components/form/field-errors';
import { SubmitButton } from '../../components/form/submit-button';
import { useSubmit } from '../../components/form/use-submit';
import { PlusIcon } from '../../components/icons';

export function PeoplePaste({
  orgId,
  onAdded,
}: {
  orgId: string;
  onAdded: (count: number) => Promise<unknown>;
}) {
  const { t } = useTranslation('settings');
  const [text, setText] = useState('');
  const parsed = useMemo(() => parsePastedPeople(text), [text]);
  const save = useSubmit(
    async () => {
      const added = await createPeople(orgId, {
        people: parsed.people.map((row) => ({
          name: row.name,
          email: row.email,
          skills: row.skills,
          ...(row.monthlyCapacity === null ? {} : { monthlyCapacity: row.monthlyCapacity }),
        })),
      });
      setText('');
      await onAdded(added.length);
    },
    {
      check: () =>
        parsed.people.length === 0
          ? t('paste.required')
          : parsed.issues.length > 0
            ? t('paste.fixFirst', { count: parsed.issues.length })
            : null,
    },
  );
  // The server names a row by its index among the sent rows (`people[2].email`): back to the line.
  const serverIssues = issuesOf(save.error).map((issue) => {
    const match = /people\[(\d+)\]\.?(.*)/.exec(issue.path);
    const row = match ? parsed.people[Number(match[1])] : undefined;
    return row ? { ...issue, path: `row ${String(row.line)}, ${match?.[2] ?? ''}` } : issue;
  });
  const issues = [...parsed.issues, ...serverIssues];
  return (
    <form className="admin-card" onSubmit={save.onSubmit} noValidate aria-label={t('paste.formLabel')}>
      <h2>{t('paste.title')}</h2>
      <Field label={t('paste.rowsLabel')} hint={t('paste.rowsHint')}>
        <textarea
          className="input setup-paste"
          name="people-paste"
          rows={5}
          value={text}
          spellCheck={false}
          // eslint-disable-next-line catchball/no-untranslated-text -- an example row
          placeholder={'Ada Lovelace\tada@example.com\tAnalysis, Maths\t15'}
          onChange={(event) => setText(event.target.value)}
        />
      </Field>
      {parsed.people.length > 0 && (
        <table className="admin-table setup-preview" aria-label={t('paste.preview')}>
          <thead>
            <tr>
              <th scope="col">{t('paste.row')}</th>
              <th scope="col">{t('shared.name')}</th>
              <th scope="col">{t('shared.email')}</th>
              <th scope="col">{t('shared.skills')}</th>
              <th scope="col">{t('shared.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {parsed.people.map((row) => {
              const bad = issues.some((issue) => issue.path.startsWith(`row ${String(row.line)},`));
              return (
                <tr key={row.line} className={bad ? 'setup-preview-bad' : undefined}>
                  <td className="muted">{row.line}</td>
                  <td>{row.name || <span className="muted">—</span>}</td>
                  <td>{row.email ?? <span className="muted">—</span>}</td>
                  <td>{row.skills.join(', ') || <span className="muted">—</span>}</td>
                  <td>{row.monthlyCapacity ?? <span className="muted">18</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {issues.length > 0 && (
        <div className="form-alert form-alert-error" role="alert">
          <p>{t('paste.problems', { count: issues.length })}</p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <strong>{issue.path}</strong>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {serverIssues.length === 0 && parsed.issues.length === 0 && <FormAlert error={save.error} />}
      <div className="admin-card-actions">
        <SubmitButton submit={save} pendingLabel={t('shared.adding')} icon={<PlusIcon />}>
          {parsed.people.length > 0
            ? t('paste.addCount', { count: parsed.people.length })
            : t('paste.addPeople')}
        </SubmitButton>
      </div>
    </form>
  );
}
