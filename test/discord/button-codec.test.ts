import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnswer } from '../../src/answer/answer.js';
import { buildAnswerContext } from '../../src/answer/context.js';
import {
  decodeButton,
  decodeUserId,
  encodeFeedbackButton,
  encodeTopicButton,
  encodeUserId,
  queryForTopicButton,
} from '../../src/discord/button-codec.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { renderDiscord } from '../../src/render/discord.js';
import { bundledKb, query } from '../answer/fixtures.js';

const COO = 'chief-operating-officer';
const HOO = 'head-of-operations';
const ALEX = '300000000000000011';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await bundledKb();
});

describe('topic buttons', () => {
  it('GIVEN a rendered answer THEN each topic button records who asked, and its custom_id alone answers that topic', () => {
    const payload = renderDiscord(
      buildAnswer(
        query({ intent: 'compare', roles: [COO, HOO], topics: ['salary'] }),
        buildAnswerContext(kb),
      ),
      { topic: (topic, roles) => encodeTopicButton({ topic, roles, asker: ALEX }) },
    );
    const duties = payload.components.flatMap((r) => r.components).find((b) => b.label === 'Duties');
    const decoded = decodeButton(duties?.custom_id ?? '');
    expect(decoded).toEqual({ kind: 'topic', topic: 'duties', roles: [COO, HOO], asker: ALEX });
    if (decoded?.kind !== 'topic') return;
    const answer = buildAnswer(queryForTopicButton(decoded), buildAnswerContext(kb));
    expect(answer.kind).toBe('compare');
    if (answer.kind === 'compare') {
      expect(answer.blocks.map((b) => b.topic.id)).toEqual(['duties']);
      expect(answer.roles.map((r) => r.id)).toEqual([COO, HOO]);
    }
  });

  it('fits in 100 characters with a 19-digit user id and two long role ids', () => {
    const id = encodeTopicButton({
      topic: 'environment',
      roles: ['operations-coordinator', 'regional-operations-manager'],
      asker: '1234567890123456789',
    });
    expect(id).toBeDefined();
    expect(id?.length).toBeLessThanOrEqual(100);
  });

  it('round-trips user ids through base 36, and refuses what is not a snowflake', () => {
    for (const id of ['100000000000000001', '18446744073709551615', ALEX])
      expect(decodeUserId(encodeUserId(id) ?? '')).toBe(id);
    expect(encodeUserId('alex')).toBeUndefined();
    expect(decodeUserId('zzzzzzzzzzzzz')).toBeUndefined();
    expect(decodeUserId('!')).toBeUndefined();
  });

  it('GIVEN a button made before askers were recorded THEN it decodes with no asker', () => {
    expect(decodeButton(`t|salary|${COO},${HOO}`)).toEqual({
      kind: 'topic',
      topic: 'salary',
      roles: [COO, HOO],
    });
  });

  it('GIVEN roles too long for 100 characters THEN no custom_id', () => {
    expect(encodeTopicButton({ topic: 'salary', roles: ['a'.repeat(60), 'b'.repeat(60)], asker: ALEX })).toBe(
      undefined,
    );
  });

  it('makes a role query for one role and a comparison for several', () => {
    expect(queryForTopicButton({ topic: 'skills', roles: ['operations-manager'] })).toMatchObject({
      intent: 'role',
      roles: ['operations-manager'],
      topics: ['skills'],
    });
    expect(queryForTopicButton({ topic: 'skills', roles: [COO, HOO] }).intent).toBe('compare');
  });
});

describe('feedback buttons', () => {
  it('round-trip the vote and the answer id', () => {
    expect(decodeButton(encodeFeedbackButton('helpful', 'AbCdEf123_-x'))).toEqual({
      kind: 'feedback',
      vote: 'helpful',
      answerId: 'AbCdEf123_-x',
    });
    expect(decodeButton(encodeFeedbackButton('not-helpful', 'AbCdEf123_-x'))).toMatchObject({
      vote: 'not-helpful',
    });
  });
});

describe('anything the bot did not make, or a tampered custom_id', () => {
  it('decodes to undefined', () => {
    const asker = encodeUserId(ALEX) ?? '';
    for (const foreign of [
      '',
      'x|salary|a',
      't|salary|',
      't||a',
      't|salary|a,,b',
      't|Salary|a',
      `t|${asker}|salary|a|b`,
      `t|${asker}|salary|`,
      `t|!!|salary|a`,
      `t|${'z'.repeat(13)}|salary|a`,
      `t|salary|${'a'.repeat(98)}`,
      'f|x|AbCdEf123456',
      'f|h|short',
      'f|h|',
      'f|h|AbCdEf123456|extra',
      '{"topic":"salary"}',
      'ping|123',
      'x'.repeat(101),
    ]) {
      expect(decodeButton(foreign), foreign).toBeUndefined();
    }
  });
});
