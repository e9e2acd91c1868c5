import { checkIns as endpoints } from '../../contracts/endpoints';
import { DomainError, type Issue } from '../../core/errors';
import { implement, type Route } from '../route';
import { onUnitInPath } from './access-rules';
import type { AccessContext } from '../auth/authorizer';
import type { Locator, Scope } from '../auth/locator';
import type { Services } from '../services';
import { readUpload, readUploadCells } from '../services/execution/check-in-upload';
import { localeChoiceOf } from '../../contracts';
import { presentSheetLocale } from '../presenters/sheet-locale.presenter';

/** The key result or KPI a check-in (or a history read) is about. */
function subjectScope(
  subject: { keyResultId?: string; kpiId?: string },
  locate: Locator,
  where: 'body' | 'query',
): Promise<Scope> {
  if (subject.keyResultId)
    return locate.referenced(`${where}.keyResultId`, () =>
      locate.checkInSubject({ keyResultId: subject.keyResultId }),
    );
  return locate.referenced(`${where}.kpiId`, () =>
    locate.checkInSubject({ kpiItemId: subject.kpiId ?? null }),
  );
}

/**
 * A check-in is its author's: naming another person than oneself needs the right to act for
 * others there (an editor importing a team's numbers, a token feeding another system, a site
 * administrator). A contributor naming someone else is refused, naming the field. Unit-wide
 * bulk writes need no such check: a contributor may not make them at all.
 */
function assertMayAuthor(access: AccessContext, authorId: string | null | undefined): void {
  if (authorId === undefined || authorId === null || authorId === access.personId || access.actsForOthers)
    return;
  const own = access.personId ?? 'none';
  throw new DomainError(
    'forbidden',
    `You check in as yourself (${own}), not as ${authorId}: naming another author needs the editor role`,
    { issues: [{ path: 'body.authorId', message: `must be your own person (${own}) or left out` }] },
  );
}

/** Check-ins one at a time, their history and corrections, bulk uploads, and the unit tokens for feeds. */
export function checkInRoutes(services: Services): Route[] {
  const { checkIns, apiTokens } = services;
  return [
    implement(endpoints.createCheckIn, {
      access: {
        kind: 'scoped',
        need: 'contribute',
        scope: ({ body }, locate) => subjectScope(body, locate, 'body'),
      },
      // A check-in made by a signed-in person is theirs unless it names another author.
      handler: ({ body, access }) => {
        assertMayAuthor(access, body.authorId);
        return checkIns.create({ ...body, authorId: body.authorId ?? access.personId ?? undefined });
      },
    }),
    implement(endpoints.listHistory, {
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ query }, locate) => subjectScope(query, locate, 'query'),
      },
      handler: ({ query }) => checkIns.history(query),
    }),
    implement(endpoints.correctCheckIn, {
      access: {
        kind: 'scoped',
        need: 'contribute',
        scope: ({ params }, locate) => locate.checkIn(params.id),
      },
      // A correction keeps the original's author unless it names another; a contributor's is their own.
      handler: ({ params, body, access }) => {
        assertMayAuthor(access, body.authorId);
        const authorId = access.actsForOthers ? body.authorId : access.personId;
        return checkIns.correct(params.id, { ...body, authorId });
      },
    }),
    implement(endpoints.uploadCheckIns, {
      access: onUnitInPath('contribute'),
      handler: async ({ params, query, request }) => {
        const scope = await checkIns.scopeOf(params.id);
        const contentType = request.headers['content-type'] ?? '';
        if (!Buffer.isBuffer(request.body) && typeof request.body !== 'string')
          throw new DomainError('validation_failed', 'Send the file as text/csv or as an XLSX workbook');
        const { rows } = await readUpload(request.body, contentType, localeChoiceOf(query));
        return checkIns.bulk(rows, 'upload', scope);
      },
    }),
    implement(endpoints.previewCheckInUpload, {
      access: onUnitInPath('contribute'),
      handler: async ({ params, query, request }) => {
        const scope = await checkIns.scopeOf(params.id);
        const contentType = request.headers['content-type'] ?? '';
        if (!Buffer.isBuffer(request.body) && typeof request.body !== 'string')
          throw new DomainError('validation_failed', 'Send the file as text/csv or as an XLSX workbook');
        try {
          const reading = await readUploadCells(request.body, contentType, localeChoiceOf(query));
          const checked =
            reading.issues.length > 0
              ? { rows: [], problems: reading.issues }
              : await checkIns.check(reading.rows, scope);
          return {
            ...checked,
            separator: reading.separator,
            locale: presentSheetLocale(reading.locale),
          };
        } catch (error) {
          // A sheet that cannot be read is a preview with its problems, not a failed request.
          if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
          const issues = (error.details as { issues?: Issue[] } | undefined)?.issues ?? [];
          return {
            rows: [],
            problems: issues.length > 0 ? issues : [{ path: 'file', message: error.message }],
            separator: null,
            locale: null,
          };
        }
      },
    }),
    implement(endpoints.bulkCheckIns, {
      access: onUnitInPath('contribute'),
      handler: async ({ params, body }) => {
        const scope = await checkIns.scopeOf(params.id);
        const rows = body.checkIns.map((row, index) => ({ ...row, path: `body.checkIns[${index}]` }));
        return checkIns.bulk(rows, 'api', scope);
      },
    }),
    implement(endpoints.createApiToken, {
      access: onUnitInPath('admin'),
      handler: ({ params, body, access }) =>
        apiTokens.create(params.id, {
          ...body,
          createdBy: access.principal.kind === 'user' ? access.principal.id : null,
        }),
    }),
    implement(endpoints.listApiTokens, {
      access: onUnitInPath('admin'),
      handler: ({ params }) => apiTokens.list(params.id),
    }),
    implement(endpoints.revokeApiToken, {
      access: { kind: 'scoped', need: 'admin', scope: ({ params }, locate) => locate.apiToken(params.id) },
      handler: async ({ params }) => {
        await apiTokens.revoke(params.id);
        return undefined;
      },
    }),
  ];
}
