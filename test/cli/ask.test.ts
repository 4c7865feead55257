import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a terminal command as a user would: `npm run ask` is `node src/cli/launch.mjs ask` (the compiled
 * build when it is fresh, the TypeScript source otherwise); the others run through tsx.
 */
function run(script: string, args: string[], input = '', env: Record<string, string> = {}): Promise<Run> {
  const argv =
    script === 'src/cli/ask.ts'
      ? ['src/cli/launch.mjs', 'ask', ...args]
      : ['--import', 'tsx', script, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: ROOT,
      env: { ...process.env, RECORD_GAPS: 'false', LOG_LEVEL: 'info', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe.concurrent('npm run ask', () => {
  it('GIVEN --json and "COO vs head of ops salary?" THEN one object: compare, both roles, salary, figures and source', async () => {
    const { code, stdout } = await run('src/cli/ask.ts', ['--json', 'COO vs head of ops salary?']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['intent', 'roles', 'sections', 'confidence', 'text']);
    expect(result).toMatchObject({
      intent: 'compare',
      roles: [
        { id: 'chief-operating-officer', title: 'Chief Operating Officer' },
        { id: 'head-of-operations', title: 'Head of Operations' },
      ],
      sections: ['salary'],
    });
    for (const s of ['$132,974', '$111,025', '$21,949', '19.8%', ': Head of Operations vs. COO']) {
      expect(result.text).toContain(s);
    }
  });

  it('GIVEN --jsonl with two interleaved conversations and a bad line THEN one object per line, in order, context per conversation', async () => {
    const lines = [
      JSON.stringify({ conversation: 'a', text: 'COO vs head of ops salary?' }),
      JSON.stringify({ conversation: 'b', text: 'what does an operations manager do?' }),
      'this is not json',
      JSON.stringify({ conversation: 'a', text: 'and skills?' }),
      '',
      JSON.stringify({ conversation: 'b', text: 'how much do they make?' }),
      JSON.stringify({ conversation: 'c' }),
    ];
    const { code, stdout } = await run('src/cli/ask.ts', ['--jsonl'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(6);
    const ids = (o: Record<string, unknown>) => (o.roles as { id: string }[]).map((r) => r.id);
    expect(out[0]).toMatchObject({ conversation: 'a', intent: 'compare', sections: ['salary'] });
    expect(out[1]).toMatchObject({ conversation: 'b', sections: ['duties'] });
    expect(ids(out[1] ?? {})).toEqual(['operations-manager']);
    expect(out[2]).toEqual({ error: expect.stringContaining('not valid JSON') });
    expect(out[3]).toMatchObject({ conversation: 'a', intent: 'compare', sections: ['skills'] });
    expect(ids(out[3] ?? {})).toEqual(['chief-operating-officer', 'head-of-operations']);
    expect(out[4]).toMatchObject({ conversation: 'b', sections: ['salary'] });
    expect(ids(out[4] ?? {})).toEqual(['operations-manager']);
    expect(out[4]?.text).toContain('$75,844');
    expect(out[5]).toEqual({ conversation: 'c', error: expect.stringContaining('text') });
  });

  it('GIVEN a knowledge directory that does not exist THEN exit 1, a clear message on stderr, nothing on stdout', async () => {
    const { code, stdout, stderr } = await run('src/cli/ask.ts', ['anything'], '', {
      KNOWLEDGE_DIR: '/nonexistent/kb',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Could not load the knowledge base from /nonexistent/kb');
    expect(stderr).toContain('KNOWLEDGE_DIR');
  });
});

describe('npm run chat', () => {
  it('GIVEN piped lines THEN answers them in order, keeps context, honours /reset and /quit, and exits', async () => {
    const input = [
      'ops coordinator vs ops manager salary',
      'and skills?',
      '/reset',
      '/help',
      '/quit',
      'never read',
    ].join('\n');
    const { code, stdout } = await run('src/cli/chat.ts', [], `${input}\n`);
    expect(code).toBe(0);
    const salary = stdout.indexOf('$20,286');
    const skills = stdout.indexOf('Skills\n');
    const reset = stdout.indexOf('Conversation forgotten');
    const help = stdout.indexOf('/compare');
    expect(salary).toBeGreaterThan(-1);
    expect(skills).toBeGreaterThan(salary);
    expect(reset).toBeGreaterThan(skills);
    expect(help).toBeGreaterThan(reset);
    expect(stdout).not.toContain('never read');
  });
});
