import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
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
 * Wraps a dialect so that a connection carries the current actor in the session setting
 * `catchball.actor` that the audit triggers read, before any statement that may write. Reads
 * (Kysely's selects, raw statements that begin with SELECT) never need it, so they never set it:
 * a request whose access check runs as nobody and whose write runs as its user would otherwise
 * flip the setting twice. The setting is written only when it differs from what that connection
 * last carried: one extra round trip per change of writer on a connection, none on the common path.
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

/** Whether `query` may write a row (and so fire an audit trigger that reads the actor). */
function mayWrite(query: CompiledQuery): boolean {
  // A select with a WITH clause may hold an INSERT, UPDATE or DELETE.
  if (query.query.kind === 'SelectQueryNode') return query.query.with !== undefined;
  return !(query.query.kind === 'RawNode' && /^\s*select\b/i.test(query.sql));
}

/** A connection that tags itself with `actor` before its first statement that may write. */
class TaggingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly tag: (connection: DatabaseConnection, actor: string) => Promise<void>,
    private readonly actor: string,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (mayWrite(query)) await this.tag(this.inner, this.actor);
    return this.inner.executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (mayWrite(query)) await this.tag(this.inner, this.actor);
    yield* this.inner.streamQuery<R>(query, chunkSize);
  }
}

const innerOf = (connection: DatabaseConnection) =>
  connection instanceof TaggingConnection ? connection.inner : connection;

class ActorTaggingDriver implements Driver {
  /** What each connection's session setting holds; forgotten when a rollback may have undone it. */
  private readonly tagged = new WeakMap<DatabaseConnection, string>();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  private readonly tag = async (connection: DatabaseConnection, actor: string): Promise<void> => {
    if ((this.tagged.get(connection) ?? '') === actor) return;
    await connection.executeQuery(
      CompiledQuery.raw("select set_config('catchball.actor', $1, false)", [actor]),
    );
    this.tagged.set(connection, actor);
  };

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    return new TaggingConnection(connection, this.tag, storage.getStore() ?? '');
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(innerOf(connection), settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(innerOf(connection));
  }
  /** A rollback undoes a setting written inside the transaction, so it is written again next time. */
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.tagged.delete(innerOf(connection));
    return this.inner.rollbackTransaction(innerOf(connection));
  }
  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    if (!this.inner.savepoint) throw new Error('The store does not support savepoints');
    await this.inner.savepoint(innerOf(connection), name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error('The store does not support savepoints');
    this.tagged.delete(innerOf(connection));
    await this.inner.rollbackToSavepoint(innerOf(connection), name, compile);
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error('The store does not support savepoints');
    await this.inner.releaseSavepoint(innerOf(connection), name, compile);
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
