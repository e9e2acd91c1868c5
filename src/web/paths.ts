/**
 * Every address of the web app, in one table: {@link routes} holds the patterns the router matches
 * (app.tsx, route prefetch) and {@link paths} builds the matching addresses, so a page never
 * spells a URL by hand. Ids are URL-safe slugs; they are encoded anyway so an odd id cannot break out.
 */

import type { TraceKind } from '../contracts';

const enc = encodeURIComponent;

/** `?name=value` for the defined values, or '' when there are none. */
function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Route patterns (wouter syntax), in the order the router tries them. */
export const routes = {
  signIn: '/sign-in',
  setup: '/setup',
  invite: '/invite',
  home: '/',
  adminUsers: '/admin/users',
  org: '/org/:orgId',
  orgAny: '/org/:orgId/*?',
  unitAny: '/org/:orgId/units/:unitId/*?',
  import: '/org/:orgId/import',
  checkInUpload: '/org/:orgId/check-ins/upload',
  importMatrix: '/org/:orgId/import/matrix',
  members: '/org/:orgId/members',
  apiTokens: '/org/:orgId/api-tokens',
  settings: '/org/:orgId/settings/:section?',
  matrix: '/org/:orgId/units/:unitId/matrix/:year',
  pressure: '/org/:orgId/units/:unitId/pressure/:year',
  okrs: '/org/:orgId/units/:unitId/okrs',
  bowling: '/org/:orgId/units/:unitId/bowling/:year',
  review: '/org/:orgId/units/:unitId/review/:year',
  dashboard: '/org/:orgId/units/:unitId/dashboard',
  history: '/org/:orgId/units/:unitId/history',
  overview: '/org/:orgId/overview',
  unit: '/org/:orgId/units/:unitId',
  translate: '/org/:orgId/translate/:unitId',
  trace: '/org/:orgId/trace/:kind/:id',
  map: '/org/:orgId/map',
} as const;

/** The unit tabs picked by year; {@link paths.unitYearTab} builds their addresses. */
export type YearTab = 'matrix' | 'pressure' | 'bowling' | 'review';
/** The unit tabs picked by cycle. */
export type CycleTab = 'okrs' | 'dashboard';

/** The sections of an organisation's settings, each its own address. */
export const SETTINGS_SECTIONS = ['general', 'units', 'cycles', 'people', 'notifications'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];
export const isSettingsSection = (section: string | undefined): section is SettingsSection =>
  (SETTINGS_SECTIONS as readonly string[]).includes(section ?? '');

/** Builders of the addresses {@link routes} match, one per route. */
export const paths = {
  home: () => '/',
  adminUsers: () => '/admin/users',
  org: (orgId: string) => `/org/${enc(orgId)}`,
  unit: (orgId: string, unitId: string) => `${paths.org(orgId)}/units/${enc(unitId)}`,
  matrix: (orgId: string, unitId: string, year: number) => paths.unitYearTab(orgId, unitId, 'matrix', year),
  pressure: (orgId: string, unitId: string, year: number) =>
    paths.unitYearTab(orgId, unitId, 'pressure', year),
  bowling: (orgId: string, unitId: string, year: number) => paths.unitYearTab(orgId, unitId, 'bowling', year),
  review: (orgId: string, unitId: string, year: number) => paths.unitYearTab(orgId, unitId, 'review', year),
  unitYearTab: (orgId: string, unitId: string, tab: YearTab, year: number) =>
    `${paths.unit(orgId, unitId)}/${tab}/${year}`,
  okrs: (orgId: string, unitId: string, cycleId?: string) =>
    paths.unitCycleTab(orgId, unitId, 'okrs', cycleId),
  dashboard: (orgId: string, unitId: string, cycleId?: string) =>
    paths.unitCycleTab(orgId, unitId, 'dashboard', cycleId),
  unitCycleTab: (orgId: string, unitId: string, tab: CycleTab, cycleId?: string) =>
    `${paths.unit(orgId, unitId)}/${tab}${query({ cycle: cycleId })}`,
  /** `search` is the filters' query string, with its `?` (or ''). */
  history: (orgId: string, unitId: string, search = '') => `${paths.unit(orgId, unitId)}/history${search}`,
  overview: (orgId: string, cycleId?: string) => `${paths.org(orgId)}/overview${query({ cycle: cycleId })}`,
  translate: (orgId: string, unitId: string) => `${paths.org(orgId)}/translate/${enc(unitId)}`,
  trace: (orgId: string, kind: string, id: string) => `${paths.org(orgId)}/trace/${enc(kind)}/${enc(id)}`,
  map: (orgId: string) => `${paths.org(orgId)}/map`,
  import: (orgId: string, unitId?: string) => `${paths.org(orgId)}/import${query({ unit: unitId })}`,
  checkInUpload: (orgId: string, unitId?: string) =>
    `${paths.org(orgId)}/check-ins/upload${query({ unit: unitId })}`,
  importMatrix: (orgId: string, unitId?: string, year?: number) =>
    `${paths.org(orgId)}/import/matrix${query({ unit: unitId, year: year === undefined ? undefined : String(year) })}`,
  members: (orgId: string) => `${paths.org(orgId)}/members`,
  apiTokens: (orgId: string, unitId?: string) => `${paths.org(orgId)}/api-tokens${query({ unit: unitId })}`,
  settings: (orgId: string, section: SettingsSection = 'general') =>
    `${paths.org(orgId)}/settings/${section}`,
} as const;

const TRACE_KINDS: readonly string[] = [
  'initiative',
  'kpi',
  'key_result',
  'objective',
  'item',
] satisfies TraceKind[];

/** True when a trace route's `:kind` names something that can be traced. */
export const isTraceKind = (kind: string): kind is TraceKind => TRACE_KINDS.includes(kind);
