import type { Answer, RoleRef } from '../answer/model.js';
import type { Query } from '../understand/query.js';

/** A question read and answered (the engine's Turn). */
export interface Turn {
  readonly query: Query;
  readonly answer: Answer;
}
import { renderText } from './text.js';

/** The `--json` / `--jsonl` object of `npm run ask`: what was understood, and the terminal answer. */
export interface AnswerJson {
  readonly intent: Turn['query']['intent'];
  /**
   * The roles the answer is about, in the asked order (a ranking: the shown roles in ranked order;
   * empty for list, help, clarify, unknown...). `soc`: the O*NET-SOC code of an occupation, or of the
   * occupation a curated role is linked to.
   */
  readonly roles: readonly RoleRef[];
  /**
   * Topic ids: the sections shown for compare and role answers; for ladder, clarify and unknown answers
   * the topics the question asked about; empty for list, help and smalltalk.
   */
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

function sections(turn: Turn): readonly string[] {
  const { answer, query } = turn;
  switch (answer.kind) {
    case 'compare':
      return answer.blocks.map((b) => b.topic.id);
    case 'role':
      return answer.blocks.length > 0 ? answer.blocks.map((b) => b.topic.id) : ['overview'];
    case 'ladder':
    case 'clarify':
    case 'unknown':
      return query.topics;
    default:
      return [];
  }
}

export function renderJson(turn: Turn): AnswerJson {
  return {
    intent: turn.query.intent,
    roles: answerRoles(turn.answer).map((r) =>
      r.soc === undefined ? { id: r.id, title: r.title } : { id: r.id, title: r.title, soc: r.soc },
    ),
    sections: sections(turn),
    confidence: turn.query.confidence,
    text: renderText(turn.answer),
  };
}
