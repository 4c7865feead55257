import type { Fact, Source, TopicId } from './model.js';
import { didYouMean, nameKey, simplify } from './names.js';
import { fieldPath, issuesToProblems, type Problem } from './problem.js';
import { FrontMatterSchema, type RoleEntry } from './schema.js';
import { parseYamlText } from './yaml-source.js';

/** How `## ` headings are turned into topic ids: every id, name and word of the taxonomy. */
export interface TopicVocabulary {
  /** Simplified spelling (id, name or word) -> topic id. */
  readonly byName: ReadonlyMap<string, TopicId>;
  /** [spelling, suggestion] pairs for "did you mean". */
  readonly suggestions: readonly (readonly [string, string])[];
}

/** A section of Markdown under a `## ` topic heading. */
export interface Section extends Fact {
  readonly topic: TopicId;
}

export interface ParsedRole {
  readonly entry: RoleEntry;
  /** Index in the front matter `roles` list, for field paths. */
  readonly index: number;
  readonly titleLine: number;
  readonly aliasLines: readonly number[];
  readonly salaryLine: number;
  /** In file order, one per topic. */
  readonly sections: readonly Section[];
}

/**
 * One article, validated on its own; cross-file rules are checked when the knowledge base is built.
 * Plain data (no Maps, no classes) so the parse cache can store it as JSON and read it back.
 */
export interface ParsedArticle {
  /** File name without extension. */
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly source: Source;
  readonly roles: readonly [ParsedRole, ParsedRole];
  readonly differences: readonly Section[];
}

export interface ArticleResult {
  /** Absent when the front matter is unusable; present (for cross-file checks) when only the body has problems. */
  readonly article?: ParsedArticle;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
}

const FENCE = /^\s*(?:```|~~~)/u;
const LIST_ITEM = /^(?:[-*+]|\d+[.)])\s/u;

/** The comparison id a file stands for: its name without folders or extension. */
export function articleId(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return name.endsWith('.md') ? name.slice(0, -3) : name;
}

/** Why the opening line is not plain YAML front matter, or undefined when it is. */
function frontMatterOpening(first: string): Problem['message'] | undefined {
  const line = first.trimEnd();
  if (line === '---' || /^---\s*yaml$/iu.test(line)) return undefined;
  if (line.startsWith('---')) {
    return `front matter in "${line.slice(3).trim()}" is not supported: only YAML is read (nothing in a knowledge file is ever run)`;
  }
  if (line === '+++') return 'TOML front matter (+++) is not supported: only YAML between --- lines is read';
  if (line === ';;;') return 'JSON front matter (;;;) is not supported: only YAML between --- lines is read';
  return 'the file must start with YAML front matter: a line with just ---';
}

/** Markdown lines of one section as text: soft line breaks become spaces, paragraphs and list items stay apart. */
function sectionText(lines: readonly string[]): string {
  const blocks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (current !== '') blocks.push(current);
      current = '';
    } else if (current === '') {
      current = line;
    } else {
      current += LIST_ITEM.test(line) ? `\n${line}` : ` ${line}`;
    }
  }
  if (current !== '') blocks.push(current);
  return blocks.join('\n\n');
}

type Target =
  | { readonly kind: 'role'; readonly index: 0 | 1 }
  | { readonly kind: 'differences' }
  | { readonly kind: 'none' };

/**
 * Parse and validate one article: front matter against the schema, headings against the roles and
 * the topic vocabulary. Pure: the text in, values and problems out.
 */
export function parseArticle(text: string, file: string, topics: TopicVocabulary): ArticleResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);

  const opening = frontMatterOpening(lines[0] ?? '');
  if (opening !== undefined) {
    return {
      problems: [
        {
          file,
          line: 1,
          field: '(front matter)',
          message: opening,
          hint: 'start the file with ---, then YAML, then ---',
        },
      ],
      warnings,
    };
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if ((lines[i] ?? '').trimEnd() === '---') {
      close = i;
      break;
    }
  }
  if (close === -1) {
    return {
      problems: [
        {
          file,
          line: 1,
          field: '(front matter)',
          message: 'the front matter is never closed',
          hint: 'add a line with just --- after the YAML',
        },
      ],
      warnings,
    };
  }

  const yaml = parseYamlText(lines.slice(1, close).join('\n'), file, 2);
  if (yaml.value === undefined) return { problems: [...yaml.problems], warnings };
  const parsed = FrontMatterSchema.safeParse(yaml.value);
  if (!parsed.success)
    return { problems: issuesToProblems(parsed.error.issues, file, yaml.lineOf), warnings };
  const front = parsed.data;
  // Every section is a fact of this source: the knowledge base keeps the section itself as the fact.
  const source: Source = {
    title: front.source.title,
    file,
    ...(front.source.url === undefined ? {} : { url: front.source.url }),
  };

  const [first, second] = front.roles as [RoleEntry, RoleEntry];
  if (first.id === second.id) {
    problems.push({
      file,
      line: yaml.lineOf(['roles', 1, 'id']),
      field: 'roles[1].id',
      message: `both roles have the id "${first.id}"`,
      hint: 'a comparison is between two different roles',
    });
  }

  const id = articleId(file);
  if (id !== `${first.id}-vs-${second.id}` && id !== `${second.id}-vs-${first.id}`) {
    warnings.push({
      file,
      field: '(file name)',
      message: `the file name does not match its roles`,
      hint: `name it ${first.id}-vs-${second.id}.md`,
    });
  }

  // Which `# ` heading names which role: title, id or any alias, compared loosely.
  const roleByHeading = new Map<string, 0 | 1>();
  const headingSuggestions: (readonly [string, string])[] = [['Differences', 'Differences']];
  for (const [index, role] of [first, second].entries()) {
    for (const name of [role.title, role.id, ...role.aliases]) {
      roleByHeading.set(nameKey(name), index as 0 | 1);
      headingSuggestions.push([name, role.title]);
    }
  }

  // Sections by topic with their heading line, to report a topic written twice.
  type Lined = Pick<Section, 'topic' | 'text'> & { readonly line: number };
  const sections: [Map<TopicId, Lined>, Map<TopicId, Lined>] = [new Map(), new Map()];
  const differences = new Map<TopicId, Lined>();
  let target: Target = { kind: 'none' };
  let headingSeen = false;
  // The section being read; undefined while reading text that belongs nowhere.
  let topic: TopicId | undefined;
  let topicLine = 0;
  // Text under a heading already reported as wrong is dropped without a second problem.
  let discarding = false;
  let strayLine = 0;
  let body: string[] = [];
  let inFence = false;

  const flush = (): void => {
    if (topic !== undefined && target.kind !== 'none') {
      const into = target.kind === 'role' ? sections[target.index] : differences;
      const content = sectionText(body);
      if (content === '') {
        problems.push({
          file,
          line: topicLine,
          field: `## ${topic}`,
          message: 'this section is empty',
          hint: 'write the facts, or remove the heading',
        });
      } else {
        into.set(topic, { topic, text: content, line: topicLine });
      }
    } else if (strayLine > 0 && !discarding) {
      problems.push({
        file,
        line: strayLine,
        field: 'body',
        message: 'text outside a "## topic" section is not shown anywhere',
        hint: 'put it under a ## heading such as ## Duties, or remove it',
      });
    }
    body = [];
    strayLine = 0;
  };

  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (FENCE.test(line)) inFence = !inFence;
    const level = inFence ? 0 : line.startsWith('# ') ? 1 : line.startsWith('## ') ? 2 : 0;
    if (level === 0) {
      if (strayLine === 0 && line.trim() !== '') strayLine = lineNo;
      body.push(line);
      continue;
    }
    flush();
    topic = undefined;
    discarding = false;
    const heading = line.slice(level).trim();
    if (level === 1) {
      headingSeen = true;
      const key = nameKey(heading);
      const index = roleByHeading.get(key);
      if (index !== undefined) {
        target = { kind: 'role', index };
      } else if (key === 'differences' || key === 'difference') {
        target = { kind: 'differences' };
      } else {
        target = { kind: 'none' };
        discarding = true;
        problems.push({
          file,
          line: lineNo,
          field: `# ${heading}`,
          message: 'this heading names neither of the article\'s roles nor "Differences"',
          hint:
            didYouMean(heading, headingSuggestions) ??
            `use "${first.title}", "${second.title}" or "Differences"`,
        });
      }
      continue;
    }
    topicLine = lineNo;
    const found = topics.byName.get(simplify(heading));
    discarding = true;
    if (found === undefined) {
      problems.push({
        file,
        line: lineNo,
        field: `## ${heading}`,
        message: `unknown topic "${heading}"`,
        hint: didYouMean(heading, topics.suggestions) ?? 'use a topic id, name or word from topics.yaml',
      });
    } else if (target.kind === 'none') {
      if (!headingSeen) {
        problems.push({
          file,
          line: lineNo,
          field: `## ${heading}`,
          message: 'a topic section must come under a "# Role title" or "# Differences" heading',
        });
      }
    } else {
      const into = target.kind === 'role' ? sections[target.index] : differences;
      const earlier = into.get(found);
      if (earlier === undefined) {
        topic = found;
        discarding = false;
      } else {
        problems.push({
          file,
          line: lineNo,
          field: `## ${heading}`,
          message: `topic "${found}" appears twice under the same heading (first on line ${earlier.line})`,
          hint: 'merge the two sections',
        });
      }
    }
  }
  flush();

  // Kept even when the body has problems, so that rules spanning files are still checked and reported.
  const role = (entry: RoleEntry, index: 0 | 1): ParsedRole => ({
    entry,
    index,
    titleLine: yaml.lineOf(['roles', index, 'title']),
    aliasLines: entry.aliases.map((_, a) => yaml.lineOf(['roles', index, 'aliases', a])),
    salaryLine: yaml.lineOf(['roles', index, 'salary', 'amount']),
    sections: [...sections[index].values()].map(({ topic, text }) => ({ topic, text, source })),
  });
  return {
    article: {
      id,
      file,
      title: front.title,
      source,
      roles: [role(first, 0), role(second, 1)],
      differences: [...differences.values()].map(({ topic, text }) => ({ topic, text, source })),
    },
    problems,
    warnings,
  };
}

/** Field path of a role's key in its article, e.g. roles[1].aliases[2]. */
export function roleField(role: ParsedRole, ...rest: (string | number)[]): string {
  return fieldPath(['roles', role.index, ...rest]);
}
