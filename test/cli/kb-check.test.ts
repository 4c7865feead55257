import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `kb:check` the way npm does (tsx), from the project root; KNOWLEDGE_DIR cleared unless given. */
function kbCheck(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/kb-check.ts', ...args],
      { cwd: root, env: { ...process.env, KNOWLEDGE_DIR: '', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

describe('npm run kb:check', () => {
  // Spawning tsx is slow: the three runs go in parallel in one test.
  it('summarizes a valid knowledge base, warns about salary conflicts, and fails listing every problem', async () => {
    const [bundled, merged, broken] = await Promise.all([
      kbCheck([]),
      kbCheck([], { KNOWLEDGE_DIR: 'test/fixtures/knowledge/merge' }),
      kbCheck(['test/fixtures/knowledge/several-problems']),
    ]);

    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toMatch(/^knowledge\/: 1020 roles, 2 comparisons, 8 topics, \d+ aliases$/m);
    expect(bundled.stdout).toMatch(
      /^open-data\/: 1016 occupations, 65,372 titles \(1,016 primary, 56,560 alternate, 7,796 reported, 3,574 short\); [\d,]+ names shared by several occupations, most: .*"Engineer" 37/m,
    );

    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^test\/fixtures\/knowledge\/merge\/: 3 roles, 2 comparisons/m);
    expect(merged.stdout).toMatch(
      /^warning: articles\/operations-manager-vs-warehouse-lead\.md:12 roles\[0\]\.salary\.amount: Operations Manager: 80,000 USD per year/m,
    );

    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /^articles\/operations-manager-vs-plant-supervisor\.md:29 ## Dutys: unknown topic/m,
    );
    expect(broken.stderr).toMatch(
      /^articles\/operations-manager-vs-warehouse-lead\.md:21 roles\[1\]\.salary\.amount:/m,
    );
    expect(broken.stderr).toMatch(/2 problems; nothing was loaded/);
    expect(broken.stdout).toBe('');
  });
});
