import pg from 'pg';

/** Runs `work` on a connection to the server of `databaseUrl`, closed afterwards. */
export async function withServer<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the server of `databaseUrl`, empty or a copy of `template`, and
 * answers its URL. PostgreSQL refuses to copy a template while a just-closed session on it is
 * still exiting, so that is retried briefly.
 */
export async function createDatabase(databaseUrl: string, name: string, template?: string): Promise<string> {
  await withServer(databaseUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name` from the server of `databaseUrl`, ending its sessions. */
export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  await withServer(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
