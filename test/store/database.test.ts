import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { tempDatabase } from '../gaps/helpers.js';

describe('the database', () => {
  it('GIVEN no file THEN creates it and its folder, in WAL mode, at the latest schema version', () => {
    const file = tempDatabase();
    const store = openStore(file);
    expect(store.migrated).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(store.db.prepare('PRAGMA journal_mode').raw().get()).toEqual(['wal']);
    expect(store.db.prepare('PRAGMA user_version').raw().get()).toEqual([SCHEMA_VERSION]);
    store.close();
    const again = openStore(file);
    expect(again.migrated).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    again.close();
  });

  it('numbers migrations 1, 2, 3... with none missing', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('GIVEN a database written by a newer careerbot THEN refuses it and says what to do', () => {
    const file = tempDatabase();
    const store = openStore(file);
    store.db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    store.close();
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(/newer than this careerbot knows.*Upgrade careerbot/);
  });

  it('GIVEN several processes opening a new database at once THEN exactly one migrates and all can write', async () => {
    const file = tempDatabase();
    const script = `
      const { openStore } = await import(${JSON.stringify(new URL('../../src/store/database.ts', import.meta.url).href)});
      const s = openStore(process.argv[1]);
      s.write(() => s.db.prepare("INSERT INTO gaps (ts, intent, unknown_roles, candidates, topics, text) VALUES ('t','unknown','[]','[]','[]','x')").run());
      console.log(JSON.stringify(s.migrated));
    `;
    const run = promisify(execFile);
    const runs = await Promise.all(
      Array.from({ length: 3 }, () =>
        run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], {
          encoding: 'utf8',
        }),
      ),
    );
    const migrated = runs.map((r) => JSON.parse(r.stdout) as { from: number; to: number });
    expect(migrated.filter((m) => m.from === 0)).toHaveLength(1);
    expect(migrated.every((m) => m.to === SCHEMA_VERSION)).toBe(true);
    const store = openStore(file);
    expect(store.db.prepare('SELECT count(*) FROM gaps').raw().get()).toEqual([3]);
    store.close();
  });
});
