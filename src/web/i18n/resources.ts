/**
 * The web app's messages. English is bundled (it is the source and the fallback); German and
 * Japanese load on demand, one file per namespace. One namespace per area of the app, so a
 * screen's messages sit in one file per language: src/locales/<language>/<namespace>.json.
 */
import common from '../../locales/en/common.json';
import auth from '../../locales/en/auth.json';
import setup from '../../locales/en/setup.json';
import audit from '../../locales/en/audit.json';
import map from '../../locales/en/map.json';
import matrix from '../../locales/en/matrix.json';
import okrs from '../../locales/en/okrs.json';
import execution from '../../locales/en/execution.json';
import imports from '../../locales/en/imports.json';
import pressure from '../../locales/en/pressure.json';
import catchball from '../../locales/en/catchball.json';
import yearclose from '../../locales/en/yearclose.json';
import settings from '../../locales/en/settings.json';
import admin from '../../locales/en/admin.json';
import wizard from '../../locales/en/wizard.json';
import items from '../../locales/en/items.json';

export const en = {
  common,
  auth,
  setup,
  audit,
  map,
  matrix,
  items,
  okrs,
  execution,
  imports,
  pressure,
  catchball,
  yearclose,
  settings,
  admin,
  wizard,
};

export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];
