import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/understand/natural.js';

describe('natural adapter', () => {
  it('stems words through the Porter stemmer', () => {
    expect(stem('earns')).toBe(stem('earn'));
    expect(stem('qualifications')).toBe(stem('qualification'));
  });

  it('loading the understanding modules pulls in no database driver and prints nothing', () => {
    const script = `
      const { understand } = await import('./src/understand/understand.ts');
      const { buildIndex } = await import('./src/understand/role-index.ts');
      const kb = { dir: 'x', topics: [{ id: 'salary', name: 'Salary', words: ['pay'] }], roles: new Map(), comparisons: [], comparisonsByPair: new Map(), conflicts: [] };
      understand('coo pay', { roles: [], topics: [], offered: [] }, kb, buildIndex(kb));
      const { createRequire } = await import('node:module');
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      process.stderr.write(JSON.stringify(loaded));
    `;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const loaded = JSON.parse(result.stderr) as string[];
    expect(loaded.some((p) => p.includes('porter_stemmer'))).toBe(true);
    for (const driver of ['mongoose', '/pg/', 'redis', 'natural/lib/natural/index.js', 'discord.js']) {
      expect(loaded.filter((p) => p.includes(driver))).toEqual([]);
    }
  });
});
