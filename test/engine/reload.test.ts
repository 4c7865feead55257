import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { openKnowledge, type ReloadingKnowledge } from '../../src/engine/reload.js';
import { createEngine } from '../../src/engine/engine.js';
import { renderText } from '../../src/render/text.js';

interface LogLine {
  level: number;
  msg: string;
  roles?: number;
  parsed?: number;
  merged?: number;
}

/** A pino logger that writes JSON lines into memory. */
function memoryLogger() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim() !== '') lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}

const ERROR = 50;

const BARISTA = `---
title: Barista vs. Cafe Owner
source:
  title: "Barista vs. Cafe Owner: What Are the Differences?"
roles:
  - id: barista
    title: Barista
    aliases: [coffee maker]
    summary: Makes and serves coffee drinks at a cafe counter.
    salary: { amount: 28450, currency: USD, period: year, kind: average }
  - id: cafe-owner
    title: Cafe Owner
    aliases: []
    summary: Owns a cafe and carries its risks and profits.
---

# Barista

## Duties
Pulls espresso shots and steams milk.
`;

/** Poll until `check` holds; fails after `ms`. Returns how long it took. */
async function until(check: () => boolean, ms = 8000): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return performance.now() - started;
}

let open: ReloadingKnowledge | undefined;
let dir: string | undefined;
afterEach(() => {
  open?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  open = undefined;
  dir = undefined;
});

function copyOfBundled(): string {
  dir = mkdtempSync(join(tmpdir(), 'careerbot-reload-'));
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

describe('live reload of the knowledge base', () => {
  it('GIVEN a watched directory WHEN an article is added THEN its roles are served within seconds, and the reload is logged', async () => {
    const kbDir = copyOfBundled();
    const { logger, lines } = memoryLogger();
    open = await openKnowledge(kbDir, logger, { watch: true, debounceMs: 200 });
    const before = open.current();
    expect(before.kb.roles.has('barista')).toBe(false);

    writeFileSync(join(kbDir, 'articles', 'barista-vs-cafe-owner.md'), BARISTA);
    const knowledge = open;
    const took = await until(() => knowledge.current().kb.roles.has('barista'));
    expect(took).toBeLessThan(5000);
    expect(open.current().kb.roles.get('barista')?.salaries[0]?.amount).toBe(28450);
    expect(open.current().kb.roles.has('chief-operating-officer')).toBe(true);
    expect(lines.some((l) => l.msg === 'knowledge reloaded' && l.roles === before.kb.roles.size + 2)).toBe(
      true,
    );
  });

  it('GIVEN an invalid edit THEN the previous version keeps serving and every problem is logged; WHEN fixed THEN the new content is served', async () => {
    const kbDir = copyOfBundled();
    const { logger, lines } = memoryLogger();
    open = await openKnowledge(kbDir, logger, { watch: true, debounceMs: 100 });
    const knowledge = open;
    const file = join(kbDir, 'articles', 'barista-vs-cafe-owner.md');
    const served = open.current();

    const other = join(kbDir, 'articles', 'operations-coordinator-vs-operations-manager.md');
    writeFileSync(file, BARISTA.replace('amount: 28450', 'amount: "$28,450"'));
    writeFileSync(other, readFileSync(other, 'utf8').replace('## Duties', '## Dutties'));
    const errors = (): string[] => lines.filter((l) => l.level === ERROR).map((l) => l.msg);
    await until(
      () =>
        errors().some((m) => m.startsWith('articles/barista-vs-cafe-owner.md') && m.includes('amount')) &&
        errors().some(
          (m) =>
            m.startsWith('articles/operations-coordinator-vs-operations-manager.md') && m.includes('Dutties'),
        ),
    );
    expect(errors().some((m) => m.includes('reload refused'))).toBe(true);
    expect(open.current()).toBe(served);

    writeFileSync(file, BARISTA);
    writeFileSync(other, readFileSync(other, 'utf8').replace('## Dutties', '## Duties'));
    await until(() => knowledge.current().kb.roles.has('barista'));
    expect(open.current()).not.toBe(served);
  });

  it('reload() on demand (SIGHUP) swaps in valid content and refuses invalid content', async () => {
    const kbDir = copyOfBundled();
    const { logger, lines } = memoryLogger();
    open = await openKnowledge(kbDir, logger);
    const file = join(kbDir, 'articles', 'head-of-operations-vs-chief-operating-officer.md');
    const original = readFileSync(file, 'utf8');

    writeFileSync(file, original.replace('amount: 132974', 'amount: 140000'));
    expect(await open.reload()).toBe(true);
    expect(open.current().kb.roles.get('chief-operating-officer')?.salaries[0]?.amount).toBe(140000);

    writeFileSync(file, original.replace('title: Head of Operations vs. Chief Operating Officer\n', ''));
    expect(await open.reload()).toBe(false);
    expect(open.current().kb.roles.get('chief-operating-officer')?.salaries[0]?.amount).toBe(140000);
    expect(lines.filter((l) => l.level === ERROR).length).toBeGreaterThanOrEqual(2);
  });

  it('GIVEN a watched directory WHEN a new folder with an article is copied under articles/, then an article in it is edited THEN both are served', async () => {
    const kbDir = copyOfBundled();
    open = await openKnowledge(kbDir, memoryLogger().logger, { watch: true, debounceMs: 50 });
    const knowledge = open;
    const folder = join(kbDir, 'articles', 'cafes');
    const staging = join(kbDir, '..', `${basename(kbDir)}-staging`);
    mkdirSync(staging);
    writeFileSync(join(staging, 'barista-vs-cafe-owner.md'), BARISTA);
    renameSync(staging, folder);
    await until(() => knowledge.current().kb.roles.has('barista'));
    writeFileSync(
      join(folder, 'barista-vs-cafe-owner.md'),
      BARISTA.replace('amount: 28450', 'amount: 29000'),
    );
    await until(() => knowledge.current().kb.roles.get('barista')?.salaries[0]?.amount === 29000);
  });

  it('throws on a first load that fails, naming the problem: there is nothing to serve', async () => {
    const kbDir = copyOfBundled();
    writeFileSync(join(kbDir, 'articles', 'broken.md'), '---\ntitle: [unclosed\n---\n');
    await expect(openKnowledge(kbDir, memoryLogger().logger)).rejects.toThrow(/broken\.md/);
  });
});

const SOMMELIER = `---
title: Espresso Sommelier vs. Cafe Owner
source:
  title: "Espresso Sommelier vs. Cafe Owner"
roles:
  - id: espresso-sommelier
    title: Espresso Sommelier
    aliases: [espresso judge]
    summary: Tastes and grades espresso blends for a roastery.
    salary: { amount: 41000, currency: USD, period: year, kind: average }
  - id: cafe-owner
    title: Cafe Owner
    aliases: []
    summary: Owns a cafe and carries its risks and profits.
---

# Espresso Sommelier

## Duties
Scores each blend before it is sold.
`;

describe('incremental reload', () => {
  it('GIVEN a watched directory WHEN a role is added, its salary changed, an alias added, then its article removed THEN a user reads each version, each edit merging only the roles it touches', async () => {
    const kbDir = copyOfBundled();
    const { logger, lines } = memoryLogger();
    open = await openKnowledge(kbDir, logger, { watch: true, debounceMs: 50 });
    const knowledge = open;
    const engine = createEngine({ knowledge });
    let asked = 0;
    const read = (question: string): string => renderText(engine.ask(`user-${++asked}`, question).answer);
    const file = join(kbDir, 'articles', 'espresso-sommelier-vs-cafe-owner.md');
    const salaryOf = (): number | undefined =>
      knowledge.current().kb.roles.get('espresso-sommelier')?.salaries[0]?.amount;
    const lastReload = (): LogLine | undefined => lines.filter((l) => l.msg === 'knowledge reloaded').at(-1);
    expect(read('how much does an espresso sommelier make?')).not.toContain('Espresso Sommelier');

    writeFileSync(file, SOMMELIER);
    await until(() => salaryOf() === 41000);
    const added = read('how much does an espresso sommelier make?');
    expect(added).toContain('Espresso Sommelier');
    expect(added).toContain('41,000');
    expect(lastReload()?.merged).toBe(2);

    writeFileSync(file, SOMMELIER.replace('amount: 41000', 'amount: 43500'));
    await until(() => salaryOf() === 43500);
    const changed = read('how much does an espresso sommelier make?');
    expect(changed).toContain('43,500');
    expect(changed).not.toContain('41,000');
    expect(lastReload()?.merged).toBe(2);

    writeFileSync(file, SOMMELIER.replace('[espresso judge]', '[espresso judge, crema critic]'));
    await until(() => knowledge.current().kb.roles.get('espresso-sommelier')?.aliases.length === 2);
    expect(read('what does a crema critic earn?')).toContain('Espresso Sommelier');

    rmSync(file);
    await until(() => !knowledge.current().kb.roles.has('espresso-sommelier'));
    expect(read('how much does an espresso sommelier make?')).not.toContain('Espresso Sommelier');
    expect(read('what does a crema critic earn?')).not.toContain('Espresso Sommelier');
    expect(read('what does a coo do?')).toContain('Chief Operating Officer');
  });

  it('GIVEN one file added, changed, then removed THEN each reload parses that file alone and serves its roles, then not', async () => {
    const kbDir = copyOfBundled();
    const { logger, lines } = memoryLogger();
    open = await openKnowledge(kbDir, logger, { watch: true, debounceMs: 50 });
    const knowledge = open;
    const file = join(kbDir, 'articles', 'barista-vs-cafe-owner.md');
    const reloads = (): LogLine[] => lines.filter((l) => l.msg === 'knowledge reloaded');

    writeFileSync(file, BARISTA);
    await until(() => knowledge.current().kb.roles.has('barista'));
    expect(reloads().at(-1)?.parsed).toBe(1);
    expect(knowledge.current().kb.roles.has('chief-operating-officer')).toBe(true);

    writeFileSync(file, BARISTA.replace('amount: 28450', 'amount: 30000'));
    await until(() => knowledge.current().kb.roles.get('barista')?.salaries[0]?.amount === 30000);
    expect(reloads().at(-1)?.parsed).toBe(1);

    rmSync(file);
    await until(() => !knowledge.current().kb.roles.has('barista'));
    expect(knowledge.current().kb.roles.has('cafe-owner')).toBe(false);
    expect(reloads().at(-1)?.parsed).toBe(0);
    expect(knowledge.current().kb.roles.has('operations-manager')).toBe(true);
  });

  it('GIVEN an invalid edit of one file THEN the previous version keeps serving; WHEN fixed THEN only the fix is parsed', async () => {
    const kbDir = copyOfBundled();
    const { logger, lines } = memoryLogger();
    open = await openKnowledge(kbDir, logger);
    const file = join(kbDir, 'articles', 'head-of-operations-vs-chief-operating-officer.md');
    const original = readFileSync(file, 'utf8');
    const served = open.current();

    writeFileSync(file, original.replace('amount: 132974', 'amount: "lots"'));
    expect(await open.reload(['articles/head-of-operations-vs-chief-operating-officer.md'])).toBe(false);
    expect(open.current()).toBe(served);
    expect(open.current().kb.roles.get('chief-operating-officer')?.salaries[0]?.amount).toBe(132974);
    expect(lines.some((l) => l.level === ERROR && l.msg.includes('salary.amount'))).toBe(true);

    writeFileSync(file, original.replace('amount: 132974', 'amount: 140000'));
    expect(await open.reload(['articles/head-of-operations-vs-chief-operating-officer.md'])).toBe(true);
    expect(open.current().kb.roles.get('chief-operating-officer')?.salaries[0]?.amount).toBe(140000);
    expect(lines.filter((l) => l.msg === 'knowledge reloaded').at(-1)?.parsed).toBe(1);
    // The other article was never parsed again: its roles are the very same values.
    expect(open.current().kb.roles.get('operations-coordinator')?.summary).toBe(
      served.kb.roles.get('operations-coordinator')?.summary,
    );
  });

  it('GIVEN a reload without names (SIGHUP) THEN every stamp is checked and only changed files are parsed', async () => {
    const kbDir = copyOfBundled();
    const { logger, lines } = memoryLogger();
    open = await openKnowledge(kbDir, logger);
    writeFileSync(join(kbDir, 'articles', 'barista-vs-cafe-owner.md'), BARISTA);
    expect(await open.reload()).toBe(true);
    expect(open.current().kb.roles.has('barista')).toBe(true);
    expect(lines.filter((l) => l.msg === 'knowledge reloaded').at(-1)?.parsed).toBe(1);
  });
});
