/**
 * The database schema, one migration per version, applied in order at start-up. A migration is never
 * edited once released: change the schema by appending one. `PRAGMA user_version` holds the version.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'per-server settings, answers and their votes, the gaps log',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      -- The key that turns (answer, user) into an anonymous voter key; never leaves the database.
      INSERT INTO meta (key, value) VALUES ('voter_key', lower(hex(randomblob(32))));

      -- NULL means "the default from the environment".
      CREATE TABLE guild_settings (
        guild_id TEXT PRIMARY KEY,
        cooldown_max INTEGER,
        cooldown_window_ms INTEGER,
        replies INTEGER,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Overrides of ANSWER_CHANNEL_IDS per server: enabled 1 = added, 0 = removed.
      CREATE TABLE answer_channels (
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (guild_id, channel_id)
      ) STRICT, WITHOUT ROWID;

      -- Answers that can be voted on: what was asked (normalized like the gaps log, no user ids).
      CREATE TABLE answers (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        ts TEXT NOT NULL,
        surface TEXT NOT NULL,
        kind TEXT NOT NULL,
        roles TEXT NOT NULL,
        topics TEXT NOT NULL,
        text TEXT NOT NULL
      ) STRICT;

      -- One vote per person and answer; voter is an HMAC of the answer id and user id, never the id.
      CREATE TABLE votes (
        answer_n INTEGER NOT NULL REFERENCES answers (n) ON DELETE CASCADE,
        voter TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        ts TEXT NOT NULL,
        PRIMARY KEY (answer_n, voter)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE gaps (
        n INTEGER PRIMARY KEY,
        ts TEXT NOT NULL,
        intent TEXT NOT NULL,
        unknown_roles TEXT NOT NULL,
        candidates TEXT NOT NULL,
        topics TEXT NOT NULL,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX gaps_by_ts ON gaps (ts);
      CREATE INDEX answers_by_ts ON answers (ts);
    `,
  },
]);

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
