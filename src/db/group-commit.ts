// Group commit on one better-sqlite3 connection: writes that arrive in the same turn of the event
// loop share one transaction, and each is answered only once that transaction has committed, so
// an acknowledged write is a stored write, exactly as with one transaction per write. Under load
// it saves a commit per write (a WAL write, and a share of the checkpoints); a lone write waits
// for one setImmediate. Used by the hot write paths on SQLite (reaction votes, comment posts).
import type SQLite from 'better-sqlite3';

/** What one job of a batch came to: its value, or the error that took only that job back. */
export type Outcome<R> = { value: R } | { error: unknown };

/**
 * Writes a batch in one transaction and returns one outcome per job, in order. It throws when the
 * batch as a whole failed (nothing of it is stored, no job is acknowledged).
 */
export type BatchWriter<J, R> = (jobs: J[]) => Outcome<R>[];

interface Queued<J, R> {
  job: J;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
  fallback: () => Promise<R>;
}

/**
 * A queue function for one kind of write. `makeWriter` is called once per connection (it may
 * prepare statements). If a Kysely transaction holds the connection when a batch is due, each job
 * takes its `fallback` (the portable Kysely path) instead.
 */
export function groupCommit<J, R>(makeWriter: (raw: SQLite.Database) => BatchWriter<J, R>): (raw: SQLite.Database, job: J, fallback: () => Promise<R>) => Promise<R> {
  const queues = new WeakMap<SQLite.Database, Queued<J, R>[]>();
  const writers = new WeakMap<SQLite.Database, BatchWriter<J, R>>();

  function flush(raw: SQLite.Database): void {
    const batch = queues.get(raw) ?? [];
    queues.set(raw, []);
    if (batch.length === 0) return;
    if (raw.inTransaction) {
      for (const item of batch) item.fallback().then(item.resolve, item.reject);
      return;
    }
    let writer = writers.get(raw);
    if (!writer) writers.set(raw, (writer = makeWriter(raw)));
    let results: Outcome<R>[];
    try {
      results = writer(batch.map((item) => item.job));
    } catch (err) {
      // The commit itself failed: nothing of the batch is stored, and nothing is acknowledged.
      for (const item of batch) item.reject(err);
      return;
    }
    batch.forEach((item, i) => {
      const r = results[i]!;
      if ('error' in r) item.reject(r.error);
      else item.resolve(r.value);
    });
  }

  return (raw, job, fallback) =>
    new Promise<R>((resolve, reject) => {
      let queue = queues.get(raw);
      if (!queue) queues.set(raw, (queue = []));
      queue.push({ job, resolve, reject, fallback });
      if (queue.length === 1) setImmediate(() => flush(raw));
    });
}
