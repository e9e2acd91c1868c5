import { parseDocument, stringify } from 'yaml';
import { validationError, type Issue } from '../../../core/errors';
import { checkPlanIntegrity } from '../../../core/plan-integrity';
import { PlanDocumentSchema, type PlanDocument } from '../../../contracts';
import { issuesFromZod } from '../../validation';
import { plural } from '../../../core/plural';

export type PlanFormat = 'json' | 'yaml';

/** Reads plan text as JSON (when it starts with `{`) or YAML; syntax errors name line and column. */
export function parsePlanText(text: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed === '') throw validationError([{ path: '(root)', message: 'the plan document is empty' }]);
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw validationError(
        [{ path: '(root)', message: `malformed JSON: ${(error as Error).message}` }],
        'The plan document is not valid JSON',
      );
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw validationError(
      document.errors.map((error) => ({
        path: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '(root)',
        message: `malformed YAML: ${(error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
      'The plan document is not valid YAML',
    );
  }
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch (error) {
    // The yaml library refuses a document whose aliases would expand past the count (a "billion
    // laughs" bomb) while building it; that is a problem of the file, not of the server.
    throw validationError(
      [{ path: '(root)', message: `the YAML expands too many aliases: ${(error as Error).message}` }],
      'The plan document is not valid YAML',
    );
  }
}

/** Aliases a plan document may expand; a real plan uses none or a few. */
const MAX_YAML_ALIASES = 100;

/**
 * Validates a plan document fully: field types first, then (when those pass) every integrity rule.
 * @returns the document with defaults applied, or the list of every problem with its path.
 */
export function validatePlan(
  value: unknown,
): { plan: PlanDocument; issues: [] } | { plan: null; issues: Issue[] } {
  const parsed = PlanDocumentSchema.safeParse(value);
  if (!parsed.success) return { plan: null, issues: issuesFromZod(parsed.error) };
  const issues = checkPlanIntegrity(parsed.data);
  return issues.length > 0 ? { plan: null, issues } : { plan: parsed.data, issues: [] };
}

/** @throws `validation_failed` listing every problem of the plan document. */
export function parsePlanOrThrow(value: unknown): PlanDocument {
  const result = validatePlan(value);
  if (result.plan) return result.plan;
  throw validationError(result.issues, `The plan document has ${plural(result.issues.length, 'problem')}`);
}

export function formatPlan(plan: PlanDocument, format: PlanFormat): string {
  return format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : stringify(plan, { lineWidth: 0 });
}
