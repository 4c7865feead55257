import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type Libsql from 'libsql';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

type Database = Libsql.Database;

/** How long a write waits for another process (a shard) holding the lock before failing. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * The embedded database (SQLite through libsql, in WAL mode): per-server settings, answers and their
 * votes, the gaps log. Several processes (shards, a terminal chat) may open the same file at once:
 * readers never block, a writer waits up to BUSY_TIMEOUT_MS for another.
 */
export interface Store {
  /** Absolute path of the database file. */
  readonly path: string;
  /** The schema version found before start-up migrations ran, and the one now. */
  readonly migrated: { readonly from: number; readonly to: number };
  /** For the modules of src/store (settings, feedback, gaps): prepare statements once each. */
  readonly db: Database;
  /**
   * Run `fn` as one transaction. `durable` ones (settings, votes: a person is told they were saved)
   * are flushed to disk before returning; the others (answers, gaps: frequent) survive a crash of the
   * process but may lose their last moments to a power cut.
   */
  write<T>(fn: () => T, options?: { readonly durable?: boolean }): T;
  close(): void;
}

/** Why the database cannot be used, with the path and what to do. */
export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** libsql loads a native binary: only when a database is opened, never on paths that need none. */
function loadLibsql(): typeof Libsql {
  return createRequire(import.meta.url)('libsql') as typeof Libsql;
}

/** Run `fn`, again after a short pause while SQLite says the database is busy, up to BUSY_TIMEOUT_MS. */
function whileBusy(fn: () => void): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fn();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const busy = code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
      if (!busy || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 10 + Math.floor(Math.random() * 20));
    }
  }
}

/** A database that lives in memory only, for tests: `openStore(IN_MEMORY)`. */
export const IN_MEMORY = ':memory:';

/** Open (creating it and its folder when missing) the database at `path` and migrate it. */
export function openStore(path: string): Store {
  const file = path === IN_MEMORY ? IN_MEMORY : resolve(path);
  let db: Database;
  try {
    if (file !== IN_MEMORY) mkdirSync(dirname(file), { recursive: true });
    const Database = loadLibsql();
    db = new Database(file);
    const opened = db;
    opened.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Switching a new file to WAL needs it to itself for a moment: when several shards open it at once,
    // SQLite may answer "database is locked" without waiting (the busy timeout does not cover it), so the
    // switch is retried until the same timeout.
    whileBusy(() => opened.exec('PRAGMA journal_mode = WAL'));
    opened.exec('PRAGMA synchronous = NORMAL');
    opened.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    throw new StoreError(
      `Cannot open the database ${file}: ${(error as Error).message}. Check that the folder is writable (DATABASE_FILE sets where it is).`,
      { cause: error },
    );
  }
  let migrated: { from: number; to: number };
  try {
    migrated = migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  let closed = false;
  return {
    path: file,
    migrated,
    db,
    write(fn, options = {}) {
      if (options.durable) db.exec('PRAGMA synchronous = FULL');
      try {
        return db.transaction(fn).immediate();
      } finally {
        if (options.durable) db.exec('PRAGMA synchronous = NORMAL');
      }
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

function userVersion(db: Database): number {
  const row = db.prepare('PRAGMA user_version').raw().get() as unknown;
  const value = Array.isArray(row) ? Number(row[0]) : Number.NaN;
  return Number.isInteger(value) ? value : 0;
}

/**
 * Apply the migrations the file does not have yet, all in one IMMEDIATE transaction: when several
 * shards start at once, one migrates and the others wait, then find nothing to do.
 */
function migrate(db: Database, file: string): { from: number; to: number } {
  return db
    .transaction(() => {
      const from = userVersion(db);
      if (from > SCHEMA_VERSION) {
        throw new StoreError(
          `The database ${file} has schema version ${from}, newer than this careerbot knows (${SCHEMA_VERSION}): it was written by a newer version. Upgrade careerbot, or restore a backup of data/ made with this version.`,
        );
      }
      for (const migration of MIGRATIONS) {
        if (migration.version <= from) continue;
        db.exec(migration.sql);
        db.exec(`PRAGMA user_version = ${migration.version}`);
      }
      return { from, to: Math.max(from, SCHEMA_VERSION) };
    })
    .immediate();
}
