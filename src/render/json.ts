import type { Answer, RoleRef } from '../answer/model.js';
import type { Turn } from '../engine.js';
import { renderText } from './text.js';

/** The `--json` / `--jsonl` object of `npm run ask`: what was understood, and the terminal answer. */
export interface AnswerJson {
  readonly intent: Turn['query']['intent'];
  /** The roles the answer is about, in the asked order (empty for list, help, clarify, unknown...). */
  readonly roles: readonly RoleRef[];
  /** Topic ids of the sections shown (compare and role answers); empty for other kinds. */
  readonly sections: readonly string[];
  readonly confidence: number;
  readonly text: string;
}

function answerRoles(answer: Answer): readonly RoleRef[] {
  switch (answer.kind) {
    case 'compare':
    case 'ladder':
      return answer.roles;
    case 'role':
      return [answer.role];
    default:
      return [];
  }
}

function sections(answer: Answer): string[] {
  if (answer.kind === 'compare') return answer.blocks.map((b) => b.topic.id);
  if (answer.kind === 'role')
    return answer.blocks.length > 0 ? answer.blocks.map((b) => b.topic.id) : ['overview'];
  return [];
}

export function renderJson(turn: Turn): AnswerJson {
  return {
    intent: turn.query.intent,
    roles: answerRoles(turn.answer).map((r) => ({ id: r.id, title: r.title })),
    sections: sections(turn.answer),
    confidence: turn.query.confidence,
    text: renderText(turn.answer),
  };
}
