import { beforeAll, describe, expect, it } from 'vitest';
import { chatLine } from '../../src/cli/chat-line.js';
import { createEngine, fixedKnowledge, deriveKnowledge, type Engine } from '../../src/engine/engine.js';
import { messages } from '../../src/messages.js';
import { bundledKb } from '../answer/fixtures.js';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(await bundledKb())) });
});

describe('one chat line', () => {
  it('GIVEN blank input THEN prints nothing; GIVEN /quit THEN stops', () => {
    expect(chatLine(engine, '   ')).toEqual({});
    expect(chatLine(engine, '/quit')).toEqual({ quit: true });
  });

  it('GIVEN an unknown command THEN says so without echoing control characters or more than 30 characters of it', () => {
    const out = chatLine(engine, `/\u001b[2J${'x'.repeat(100)}`).output ?? '';
    expect(out.startsWith(messages.chatUnknownCommand('').slice(0, 16))).toBe(true);
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('x'.repeat(31));
  });
});
