import type { Answer, MedianComparison, PlaceNote, SalaryComparison, TopicBlock } from '../answer/model.js';
import type { Source } from '../knowledge/model.js';
import { messages } from '../messages.js';
import { neutralizeMentions, quoteUserTextForTerminal } from './escape.js';
import {
  figureLines,
  medianDifferenceLine,
  placeLine,
  rankingLines,
  salaryDifferenceLine,
  salaryLinesFor,
  sourcesLine,
} from './format.js';
import { ladderHeading, ladderLines } from './headings.js';

/** What ends a factual answer: the note on places, the sources, and what else can be asked. */
function closingLines(answer: Extract<Answer, { kind: 'compare' | 'role' }>): string[] {
  return [
    ...placeLines(answer.place),
    '',
    ...footer(
      answer.sources,
      answer.otherTopics.map((t) => t.name),
    ),
  ];
}

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
      if (answer.ranking !== undefined) {
        return [
          ...rankingLines(answer.ranking, INDENT),
          ...placeLines(answer.place),
          '',
          ...footer(answer.sources, []),
        ];
      }
      const out = [messages.versus(answer.roles.map((r) => r.title))];
      // The note is about composing article facts; figures alone (occupations) need none.
      const composed = answer.blocks.some((b) => b.perRole.some((p) => p.facts.length > 0));
      if (!answer.direct && composed) {
        out.push(
          answer.roles.length === 2
            ? messages.notDirectPair(answer.roles.map((r) => r.title))
            : messages.notDirectMany,
        );
      }
      for (const block of answer.blocks) out.push('', ...blockLines(block, answer.salary, answer.medians));
      return [...out, ...closingLines(answer)];
    }
    case 'role': {
      const out = [answer.role.title, answer.summary];
      for (const block of answer.blocks) out.push('', ...blockLines(block, answer.salary, undefined));
      return [...out, ...closingLines(answer)];
    }
    case 'ladder': {
      const out = [ladderHeading(answer), ...ladderLines(answer)];
      if (answer.requirements) {
        out.push('', `${messages.ladderRequirements}:`);
        for (const { role, facts } of answer.requirements.perRole) {
          out.push(`${INDENT}${role.title}:`, ...facts.map((f) => `${INDENT}${INDENT}${f}`));
        }
      }
      for (const block of answer.blocks ?? [])
        out.push('', ...blockLines(block, answer.salary, answer.medians));
      return [...out, ...placeLines(answer.place), '', ...footer(answer.sources, [])];
    }
    case 'list': {
      if (answer.roles.length === 0 && answer.occupations === undefined) return [messages.listEmpty];
      return [
        messages.listRolesHeading,
        ...answer.roles.map((r) => `- ${r.title}`),
        ...(answer.occupations === undefined ? [] : [messages.listOccupations(answer.occupations)]),
        '',
        messages.listComparisonsHeading,
        ...answer.comparisons.map((c) => `- ${c.title}`),
      ];
    }
    case 'help':
      if (answer.outOfScope === true) {
        return [
          messages.outOfScope,
          messages.outOfScopeCan(
            answer.topics.filter((t) => t.id !== 'overview').map((t) => t.name.toLowerCase()),
          ),
        ];
      }
      return [
        answer.occupations === undefined
          ? messages.helpIntro
          : messages.helpIntroOpenData(answer.occupations),
        ...answer.examples.map((e) => `- ${e}`),
        '',
        messages.helpTopics(answer.topics.map((t) => t.name)),
        messages.helpFollowUp,
        '',
        `${messages.helpCommandsHeading}:`,
        ...messages.slashCommands.map(([cmd, what]) => `${INDENT}${cmd} - ${what}`),
        ...(answer.credits === undefined
          ? []
          : ['', `${messages.creditsHeading}:`, ...answer.credits.map((c) => `${INDENT}${c}`)]),
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

function placeLines(place: PlaceNote | undefined): string[] {
  return place === undefined ? [] : ['', placeLine(place, quoteUserTextForTerminal)];
}

function blockLines(
  block: TopicBlock,
  salary: SalaryComparison | undefined,
  medians: MedianComparison | undefined,
): string[] {
  const isSalary = block.topic.id === 'salary' && (salary !== undefined || medians !== undefined);
  const ranked = salary !== undefined && isSalary && salary.higher !== undefined && block.perRole.length > 2;
  const missing = new Set(block.missing?.roles.map((r) => r.id) ?? []);
  const out = [ranked ? `${block.topic.name} (${messages.salaryRanking.toLowerCase()})` : block.topic.name];
  for (const { role, facts, figures } of ranked ? rankedRoles(block, salary) : block.perRole) {
    if (missing.has(role.id) && block.perRole.length > 1) continue;
    const articleFigures = isSalary && salary !== undefined ? salaryLinesFor(salary, role.id) : [];
    const dataLines = figures === undefined ? [] : figureLines(block.topic.id, figures);
    if (
      articleFigures.length === 1 &&
      dataLines.length === 0 &&
      facts.length === 0 &&
      block.perRole.length > 1
    ) {
      out.push(`${INDENT}${role.title}: ${articleFigures[0]}`);
      continue;
    }
    // One role: its name is already the heading, so the facts need no label.
    const pad = block.perRole.length === 1 ? INDENT : `${INDENT}${INDENT}`;
    if (block.perRole.length > 1) out.push(`${INDENT}${role.title}:`);
    for (const f of articleFigures) out.push(`${pad}${f}`);
    if (missing.has(role.id)) continue;
    if (isSalary && articleFigures.length === 0 && dataLines.length === 0)
      out.push(`${pad}${messages.noSalary}`);
    for (const f of facts) out.push(`${pad}${f}`);
    if (!isSalary && facts.length === 0 && dataLines.length === 0) out.push(`${pad}${messages.noFacts}`);
    // The open data's figures after the article's words, each under its own source line.
    dataLines.forEach((f, i) =>
      out.push(`${pad}${i > 0 && dataLines[0]?.endsWith(':') === true ? INDENT : ''}${f}`),
    );
  }
  if (block.missing !== undefined) {
    out.push(
      `${INDENT}${messages.notInData(
        block.topic.name.toLowerCase(),
        block.missing.roles.map((r) => r.title),
        block.missing.instead.map((t) => t.name.toLowerCase()),
      )}`,
    );
  }
  if (isSalary && salary !== undefined) {
    const line = salaryDifferenceLine(salary);
    if (line !== undefined) out.push(`${INDENT}${line}`);
  }
  if (isSalary && medians !== undefined) {
    const line = medianDifferenceLine(medians);
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
