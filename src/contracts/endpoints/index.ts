/**
 * Every API endpoint, one module per resource: `endpoints.okrs.listUnitOkrs`. The server implements
 * them (src/server/routes), the web app and the tests call them through their typed clients.
 */
export * as audit from './audit';
export * as auth from './auth';
export * as bowling from './bowling';
export * as catchball from './catchball';
export * as checkIns from './check-ins';
export * as dashboard from './dashboard';
export * as execution from './execution';
export * as exports from './exports';
export * as feasibility from './feasibility';
export * as forecast from './forecast';
export * as imports from './imports';
export * as inbox from './inbox';
export * as live from './live';
export * as matrices from './matrices';
export * as okrs from './okrs';
export * as organisations from './organisations';
export * as plan from './plan';
export * as sso from './sso';
export * as structure from './structure';
export * as translations from './translations';
export * as users from './users';
export * as connectors from './connectors';
export * as yearClose from './year-close';
export * as scenarios from './scenarios';
