import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type TransactionSettings,
} from 'kysely';

/** Who is acting, as the audit trail records it (migration 0007 reads it as `catchball.actor`). */
export interface Actor {
  kind: 'user' | 'token' | 'cli' | 'system';
  id?: string;
  name: string;
}

const storage = new AsyncLocalStorage<string>();

/** Runs `fn` with `actor` as the author of every database write it makes, however deep. */
export function runAsActor<T>(actor: Actor, fn: () => T): T {
  return storage.run(JSON.stringify(actor), fn);
}

/**
 * Wraps a dialect so that each connection, when handed out, carries the current actor in the
 * session setting `catchball.actor` that the audit triggers read. The setting is written only
 * when it differs from what that connection last carried: one extra round trip per change of
 * actor on a connection, none on the common path.
 */
export class ActorTaggingDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}
  createAdapter() {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new ActorTaggingDriver(this.inner.createDriver());
  }
  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
}

class ActorTaggingDriver implements Driver {
  private readonly tagged = new WeakMap<DatabaseConnection, string>();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    const actor = storage.getStore() ?? '';
    if ((this.tagged.get(connection) ?? '') !== actor) {
      try {
        await connection.executeQuery(
          CompiledQuery.raw("select set_config('catchball.actor', $1, false)", [actor]),
        );
      } catch (error) {
        await this.inner.releaseConnection(connection);
        throw error;
      }
      this.tagged.set(connection, actor);
    }
    return connection;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }
  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    if (!this.inner.savepoint) throw new Error('The store does not support savepoints');
    await this.inner.savepoint(connection, name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error('The store does not support savepoints');
    await this.inner.rollbackToSavepoint(connection, name, compile);
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error('The store does not support savepoints');
    await this.inner.releaseSavepoint(connection, name, compile);
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
