import pg from 'pg';

/** Runs one statement on the admin database of `adminUrl`. */
async function runOnAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * Drops database `name` (ending its sessions) and makes it afresh beside the admin database of
 * `adminUrl`; answers its URL. `name` must be a plain identifier.
 */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`A scratch database needs a plain name, not ${name}`);
  await dropScratchDatabase(adminUrl, name);
  await runOnAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name` beside the admin database of `adminUrl`, if it is there. */
export function dropScratchDatabase(adminUrl: string, name: string): Promise<void> {
  return runOnAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
