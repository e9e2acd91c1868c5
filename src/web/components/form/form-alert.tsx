/** The form-level message above a form: an error (from an ApiError or the form's own check) or a notice. */
import type { ReactNode } from 'react';
import { issuesOf, fieldOf } from './field-errors';

interface FormAlertProps {
  tone?: 'error' | 'info';
  /** An error to describe; without it the children are the message. */
  error?: unknown;
  /** Fields the form shows its own errors beside; their issues are not repeated here. */
  fields?: readonly string[];
  children?: ReactNode;
}

/**
 * For a `validation_failed` error, the message's summary and the issues no shown field claims; any
 * other error, its message. Renders nothing when there is nothing left to say.
 */
export function FormAlert({ tone = 'error', error, fields = [], children }: FormAlertProps) {
  const content = children ?? (error === undefined || error === null ? null : describe(error, fields));
  if (content === null) return null;
  return (
    <div className={`form-alert form-alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {content}
    </div>
  );
}

function describe(error: unknown, fields: readonly string[]): ReactNode {
  const message = error instanceof Error ? error.message : String(error);
  const issues = issuesOf(error);
  if (issues.length === 0) return message;
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  // validationError() writes "<summary>: <issues listed>" (other refusals list the messages alone,
  // "<summary>: <message>; <message>"); the list below replaces the tail.
  const bare = issues.map((issue) => issue.message).join('; ');
  const tail = [listed, bare].find((candidate) => message.endsWith(candidate));
  const summary = tail ? message.slice(0, -tail.length).replace(/: $/, '') : message;
  const unclaimed = issues.filter((issue) => !fields.includes(fieldOf(issue.path) ?? ''));
  if (unclaimed.length === 0) return summary || null;
  return (
    <>
      {summary}
      <ul className="form-alert-issues">
        {unclaimed.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            {fieldOf(issue.path) ?? issue.path}: {issue.message}
          </li>
        ))}
      </ul>
    </>
  );
}
