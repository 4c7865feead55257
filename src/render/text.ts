import type { Answer, SalaryComparison, TopicBlock } from '../answer/model.js';
import type { Source } from '../knowledge/model.js';
import { messages } from '../messages.js';
import { neutralizeMentions, quoteUserTextForTerminal } from './escape.js';
import { ladderSentence, salaryDifferenceLine, salaryLinesFor, sourcesLine } from './format.js';

/**
 * An Answer as plain terminal text: labelled blocks per topic and role, the salary difference line,
 * and the sources. Used by `npm run ask`, `npm run chat` and the `text` field of `--json`.
 */
export function renderText(answer: Answer): string {
  return neutralizeMentions(
    lines(answer)
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
}

const INDENT = '  ';

function lines(answer: Answer): string[] {
  switch (answer.kind) {
    case 'compare': {
      const out = [messages.versus(answer.roles.map((r) => r.title))];
      if (!answer.direct) {
        out.push(
          answer.roles.length === 2
            ? messages.notDirectPair(answer.roles.map((r) => r.title))
            : messages.notDirectMany,
        );
      }
      for (const block of answer.blocks) out.push('', ...blockLines(block, answer.salary));
      return [
        ...out,
        '',
        ...footer(
          answer.sources,
          answer.otherTopics.map((t) => t.name),
        ),
      ];
    }
    case 'role': {
      const out = [answer.role.title, answer.summary];
      for (const block of answer.blocks) out.push('', ...blockLines(block, answer.salary));
      return [
        ...out,
        '',
        ...footer(
          answer.sources,
          answer.otherTopics.map((t) => t.name),
        ),
      ];
    }
    case 'ladder': {
      const [first, last] = [answer.roles[0], answer.roles[answer.roles.length - 1]];
      const titles = answer.roles.map((r) => r.title);
      const heading =
        answer.ask === 'path' && first && last
          ? messages.ladderHeadingPath(first.title, last.title)
          : answer.ask === 'after'
            ? messages.ladderHeadingAfter(messages.joinTitles(titles))
            : messages.ladderHeadingInto(messages.joinTitles(titles));
      const out = [heading];
      if (answer.gap !== undefined) out.push(answer.gap);
      else if (answer.ask === 'path' && first && last)
        out.push(messages.ladderPathFound(first.title, last.title));
      for (const step of answer.steps) out.push(`- ${ladderSentence(step)}`);
      if (answer.steps.length === 0 && answer.gap === undefined) {
        for (const r of answer.roles) {
          out.push(
            answer.ask === 'after'
              ? messages.ladderNothingAfter(r.title)
              : messages.ladderNothingInto(r.title),
          );
        }
      }
      if (answer.requirements) {
        out.push('', `${messages.ladderRequirements}:`);
        for (const { role, facts } of answer.requirements.perRole) {
          out.push(`${INDENT}${role.title}:`, ...facts.map((f) => `${INDENT}${INDENT}${f}`));
        }
      }
      return [...out, '', ...footer(answer.sources, [])];
    }
    case 'list': {
      if (answer.roles.length === 0) return [messages.listEmpty];
      return [
        messages.listRolesHeading,
        ...answer.roles.map((r) => `- ${r.title}`),
        '',
        messages.listComparisonsHeading,
        ...answer.comparisons.map((c) => `- ${c.title}`),
      ];
    }
    case 'help':
      return [
        messages.helpIntro,
        ...answer.examples.map((e) => `- ${e}`),
        '',
        messages.helpTopics(answer.topics.map((t) => t.name)),
        messages.helpFollowUp,
        '',
        `${messages.helpCommandsHeading}:`,
        ...messages.slashCommands.map(([cmd, what]) => `${INDENT}${cmd} - ${what}`),
      ];
    case 'smalltalk':
      return [answer.reply];
    case 'clarify':
      return [answer.question];
    case 'unknown':
      return unknownLines(answer, quoteUserTextForTerminal);
  }
}

/** Shared with the Discord renderer, which passes its own quoting. */
export function unknownLines(
  answer: Extract<Answer, { kind: 'unknown' }>,
  quote: (text: string) => string,
): string[] {
  const quoted = answer.mentions.map((m) => quote(m));
  const first =
    quoted.length === 0
      ? messages.unknownNone
      : quoted.length === 1
        ? messages.unknownOne(quoted[0] as string)
        : messages.unknownMany(quoted);
  const out = [first];
  if (answer.suggestions.length > 0) {
    out.push(messages.unknownSuggest(answer.suggestions.map((s) => s.title)));
    out.push(messages.unknownTopics(answer.topics.map((t) => t.name.toLowerCase())));
  }
  out.push(messages.unknownTry);
  return out;
}

function blockLines(block: TopicBlock, salary: SalaryComparison | undefined): string[] {
  const isSalary = block.topic.id === 'salary' && salary !== undefined;
  const ranked = isSalary && salary.higher !== undefined && block.perRole.length > 2;
  const out = [ranked ? `${block.topic.name} (${messages.salaryRanking.toLowerCase()})` : block.topic.name];
  for (const { role, facts } of ranked ? rankedRoles(block, salary) : block.perRole) {
    const figures = isSalary ? salaryLinesFor(salary, role.id) : [];
    if (figures.length === 1 && facts.length === 0 && block.perRole.length > 1) {
      out.push(`${INDENT}${role.title}: ${figures[0]}`);
      continue;
    }
    // One role: its name is already the heading, so the facts need no label.
    const pad = block.perRole.length === 1 ? INDENT : `${INDENT}${INDENT}`;
    if (block.perRole.length > 1) out.push(`${INDENT}${role.title}:`);
    for (const f of figures) out.push(`${pad}${f}`);
    if (isSalary && figures.length === 0) out.push(`${pad}${messages.noSalary}`);
    for (const f of facts) out.push(`${pad}${f}`);
    if (!isSalary && facts.length === 0) out.push(`${pad}${messages.noFacts}`);
  }
  if (isSalary) {
    const line = salaryDifferenceLine(salary);
    if (line !== undefined) out.push(`${INDENT}${line}`);
  }
  if (block.difference !== undefined) out.push(`${INDENT}${messages.whatDiffers}: ${block.difference}`);
  for (const d of block.pairDifferences ?? []) {
    out.push(
      `${INDENT}${messages.whatDiffers} (${messages.pairDiffers(d.roles[0].title, d.roles[1].title)}): ${d.text}`,
    );
  }
  return out;
}

/** Roles in the order of their salary, highest first (the comparison's figures are ranked). */
export function rankedRoles(block: TopicBlock, salary: SalaryComparison): TopicBlock['perRole'] {
  const rank = (id: string): number => salary.figures.findIndex((f) => f.role.id === id);
  return [...block.perRole].sort((a, b) => rank(a.role.id) - rank(b.role.id));
}

function footer(sources: readonly Source[], more: readonly string[]): string[] {
  const out: string[] = [];
  const line = sourcesLine(sources);
  if (line !== undefined) out.push(line);
  if (more.length > 0) out.push(`${messages.moreTopics}: ${more.join(', ')}`);
  return out;
}
