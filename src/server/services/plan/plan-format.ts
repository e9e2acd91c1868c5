import { parseDocument, stringify } from 'yaml';
import { validationError, type Issue } from '../../../core/errors';
import { checkPlanIntegrity } from '../../../core/plan-integrity';
import { PlanDocumentSchema, PlanMatrixSchema, type PlanDocument, type PlanMatrix } from '../../../contracts';
import { yieldToEventLoop } from '../../db/chunked';
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

/** How long validation may hold the thread before it lets other requests run. */
const SLICE_MS = 50;

/**
 * {@link validatePlan}, the same issues with the same paths, but a big document is checked one
 * matrix at a time with the event loop let run every {@link SLICE_MS} ms, so a 100,000-item plan
 * does not stop the server answering while it is read.
 */
export async function validatePlanInSlices(
  value: unknown,
): Promise<{ plan: PlanDocument; issues: [] } | { plan: null; issues: Issue[] }> {
  const matrices = (value as { matrices?: unknown } | null)?.matrices;
  if (!Array.isArray(matrices)) return validatePlan(value);
  const rest = PlanDocumentSchema.safeParse({ ...(value as object), matrices: [] });
  const issues: Issue[] = rest.success ? [] : issuesFromZod(rest.error);
  const parsed: PlanMatrix[] = [];
  let sliceStart = performance.now();
  for (const [index, matrix] of (matrices as unknown[]).entries()) {
    const result = PlanMatrixSchema.safeParse(matrix);
    if (result.success) parsed.push(result.data);
    else issues.push(...issuesFromZod(result.error, `matrices[${index}]`));
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  if (!rest.success || issues.length > 0) return { plan: null, issues };
  const plan = { ...rest.data, matrices: parsed };
  await yieldToEventLoop();
  const broken = checkPlanIntegrity(plan);
  return broken.length > 0 ? { plan: null, issues: broken } : { plan, issues: [] };
}

/** @throws `validation_failed` listing every problem of the plan document. */
export async function parsePlanInSlicesOrThrow(value: unknown): Promise<PlanDocument> {
  const result = await validatePlanInSlices(value);
  if (result.plan) return result.plan;
  throw validationError(result.issues, `The plan document has ${plural(result.issues.length, 'problem')}`);
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
