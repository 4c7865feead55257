import type { Answer } from '../answer/model.js';
import { messages } from '../messages.js';
import { ladderSentence } from './format.js';

/**
 * Ladder headings and lines shared by every renderer (text, Discord), so a career-path answer reads the
 * same on each surface: "From X to Y", "After X", "Becoming X", then the steps or what is missing.
 */

type LadderAnswer = Extract<Answer, { kind: 'ladder' }>;

/** "From Operations Coordinator to Chief Operating Officer", "After ...", "Becoming ...". */
export function ladderHeading(answer: LadderAnswer): string {
  const first = answer.roles[0];
  const last = answer.roles[answer.roles.length - 1];
  if (answer.ask === 'path' && first !== undefined && last !== undefined) {
    return messages.ladderHeadingPath(first.title, last.title);
  }
  const titles = messages.joinTitles(answer.roles.map((r) => r.title));
  return answer.ask === 'after' ? messages.ladderHeadingAfter(titles) : messages.ladderHeadingInto(titles);
}

/** The gap or "connected like this", one "- step" line per step, or what the sources do not say. */
export function ladderLines(answer: LadderAnswer): string[] {
  const first = answer.roles[0];
  const last = answer.roles[answer.roles.length - 1];
  const out: string[] = [];
  if (answer.gap !== undefined) out.push(answer.gap);
  else if (answer.ask === 'path' && first !== undefined && last !== undefined) {
    out.push(messages.ladderPathFound(first.title, last.title));
  }
  for (const step of answer.steps) out.push(`- ${ladderSentence(step)}`);
  if (answer.steps.length === 0 && answer.gap === undefined) {
    for (const r of answer.roles) {
      out.push(
        answer.ask === 'after' ? messages.ladderNothingAfter(r.title) : messages.ladderNothingInto(r.title),
      );
    }
  }
  return out;
}
