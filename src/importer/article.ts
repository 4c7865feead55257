import type { CoreTopicId } from '../knowledge/model.js';
import type { Block } from './blocks.js';
import { collapseSpaces, initials, splitAbbreviation, trimTrailing, words } from './text.js';

/** The topic sections an article has, besides the two "What is" sections. */
export type ArticleTopic = Exclude<CoreTopicId, 'overview'>;

export type SectionKind =
  | { readonly kind: 'intro' }
  | { readonly kind: 'what-is'; readonly name: string }
  | { readonly kind: 'versus' }
  | { readonly kind: 'topic'; readonly topic: ArticleTopic }
  | { readonly kind: 'unknown' };

export interface Paragraph {
  readonly text: string;
  readonly line: number;
}

export interface Section {
  readonly heading: string;
  readonly line: number;
  readonly kind: SectionKind;
  readonly paragraphs: Paragraph[];
  /** An FAQ question: it leads its answer's first paragraph, which says little without it ("Yes, ..."). */
  readonly question?: string;
}

export interface ArticleStructure {
  /** The title as published ("Head Of Operations vs. coo: What Are the Differences?"). */
  readonly title: string;
  /** The two role names as the title writes them. */
  readonly names: readonly [string, string];
  readonly sections: readonly Section[];
  /** Blocks dropped as site chrome (before the title, "Previous", "Next", "Back to ..."). */
  readonly dropped: number;
}

export type StructureResult =
  | { readonly ok: true; readonly article: ArticleStructure }
  | { readonly ok: false; readonly message: string };

const VERSUS = /\s(?:vs\.?|versus|v\.)\s/i;
/** Lines after which the page is no longer the article. */
const CHROME_LINE =
  /^(?:previous|next|previous article|next article|back to .{1,60}|related|related articles|related posts|you may also like|read more)$/i;
/** Lines of page furniture inside the article, left out without ending it. */
const FURNITURE_LINE =
  /^(?:share|share this|share this article|advertisement|table of contents|contents|in this article|jump to|was this (?:article|page) helpful\??|(?:related|read more|see also|recommended|further reading): .{1,120}|(?:©|\(c\) |copyright ).{0,120})$/i;

/** Heading text without Markdown marks, numbering ("2.", "Step 3:") or a final colon. */
export function cleanHeading(text: string): string {
  const bare = collapseSpaces(text)
    .replace(/^#+ ?/, '')
    .replace(/^(?:step )?\d{1,2} ?[.):-]? /i, '')
    .replace(/^[ivx]{1,4}[.)] /i, '');
  return trimTrailing(bare, ':. ');
}

/** Keywords per topic; the topic whose keyword comes first in the heading wins ("Skills and requirements"). */
const TOPIC_WORDS: readonly (readonly [ArticleTopic, RegExp])[] = [
  ['duties', /\b(?:dut(?:y|ies)|responsibilit|tasks|what (?:they|\w+s) do|day[- ]to[- ]day)/i],
  [
    'requirements',
    /\b(?:requirement|education|qualification|training|certification|degree|how to become|becom(?:e|ing)\b|credentials|licen[cs]|needs? to be\b)/i,
  ],
  [
    'environment',
    /\b(?:environment|workplace|work setting|working conditions|where (?:they|do|does) (?:.+ )?work|schedule)/i,
  ],
  ['skills', /\bskill/i],
  ['salary', /\b(?:salar|pays?\b|paid\b|earn|outlook|compensation|wage|income|how much)/i],
];

/** What a heading introduces, given the two role names. */
export function classifyHeading(heading: string): SectionKind {
  const text = cleanHeading(heading);
  const lower = text.toLowerCase();
  const whatIs = /^what(?:'s|’s| is| are| does| do) (.+)$/.exec(lower);
  // "What Does a Data Analyst Earn?" asks about a topic, "What Does a Data Analyst Do?" about the role.
  const asks = /^what (?:does|do) .+ (earn|make|need|require|study)\??$/.exec(lower)?.[1];
  if (asks !== undefined) {
    return { kind: 'topic', topic: asks === 'earn' || asks === 'make' ? 'salary' : 'requirements' };
  }
  if (whatIs?.[1] !== undefined) {
    const name = trimTrailing(whatIs[1], '? ')
      .replace(/^(?:an?|the) /, '')
      .replace(/ do$/, '')
      .trim();
    // "What Is the Difference Between a Paralegal and a Legal Assistant?" compares the two.
    if (/^(?:the )?(?:key |main )?differences? between\b/.test(name)) return { kind: 'versus' };
    if (name.length > 0) return { kind: 'what-is', name };
  }
  if (VERSUS.test(` ${lower} `)) return { kind: 'versus' };
  let best: { topic: ArticleTopic; at: number } | undefined;
  for (const [topic, pattern] of TOPIC_WORDS) {
    const at = lower.search(pattern);
    if (at >= 0 && (best === undefined || at < best.at)) best = { topic, at };
  }
  if (best !== undefined) return { kind: 'topic', topic: best.topic };
  if (/\bdifferences?\b|\bcompar/.test(lower)) return { kind: 'versus' };
  return { kind: 'unknown' };
}

/** "Head Of Operations vs. coo: What Are the Differences?" -> ["Head Of Operations", "coo"]. */
export function titleNames(title: string): readonly [string, string] | undefined {
  const clean = cleanHeading(title);
  // Only a title-sized text can be one of these (and the patterns stay cheap on long paragraphs).
  const short = clean.length <= 200;
  // "What's the Difference Between a Paralegal and a Legal Assistant?"
  const between =
    short &&
    /^(?:what(?:'s|’s| is| are) )?(?:the )?(?:key |main )?differences? between (?:an? |the )?(.+?) and (?:an? |the )?([^?:|–—]+)[?:|–—]?$/i.exec(
      clean,
    );
  if (between !== false && between?.[1] !== undefined && between[2] !== undefined)
    return [between[1].trim(), between[2].trim()];
  // "Paralegal or Legal Assistant: Which Career Is Right for You?"
  const or = short && /^(.+?) or (?:an? )?(.+?): (?:which|what|how)\b/i.exec(clean);
  if (or !== false && or?.[1] !== undefined && or[2] !== undefined && !VERSUS.test(` ${clean} `))
    return [or[1].replace(/^(?:an?|the) /i, '').trim(), or[2].trim()];
  const parts = clean.split(VERSUS);
  if (parts.length !== 2) return undefined;
  const a = (parts[0] ?? '').trim();
  const b = (parts[1] ?? '')
    .split(/[:|–—?]|\s-\s/)[0]
    ?.trim()
    .replace(/\.$/, '');
  if (a.length === 0 || b === undefined || b.length === 0) return undefined;
  return [a, b];
}

/** The ways a title writes a role: "Nurse Practitioner (NP)" -> "nurse practitioner", "np". */
function nameKeys(name: string): Set<string> {
  const { name: bare, abbreviation } = splitAbbreviation(name);
  const keys = new Set([words(bare).join(' ')]);
  if (abbreviation !== undefined) keys.add(abbreviation.toLowerCase());
  for (const i of initials(bare)) if (i.length >= 2) keys.add(i);
  return keys;
}

/** True when a heading's "A vs. B" names the article's own two roles ("NP vs. PA: Key Differences"). */
function samePair(heading: readonly [string, string], names: readonly [string, string]): boolean {
  const keys = names.map(nameKeys);
  const is = (name: string, k: Set<string> | undefined): boolean => {
    const own = nameKeys(name);
    return [...own].some((key) => k?.has(key) === true || k?.has(key.replace(/s$/, '')) === true);
  };
  return (
    (is(heading[0], keys[0]) && is(heading[1], keys[1])) ||
    (is(heading[0], keys[1]) && is(heading[1], keys[0]))
  );
}

const FAQ_HEADING = /^(?:frequently asked questions|faqs?|common questions|questions and answers)\b/i;

/**
 * A question of an FAQ, as its own section: "Which pays more, NP or PA?" is salary, "Can a legal
 * assistant become a paralegal?" requirements; one about a role or both ("What is the difference
 * between ...?") adds to the comparison's overview; any other is left out (and reported).
 */
function faqSection(question: string, line: number): Section {
  const kind = classifyHeading(question);
  return {
    heading: question,
    line,
    kind: kind.kind === 'topic' ? kind : kind.kind === 'what-is' ? { kind: 'versus' } : { kind: 'unknown' },
    paragraphs: [],
    question,
  };
}

/** Group the blocks of an article into its sections, dropping site chrome around it. */
export function structureArticle(blocks: readonly Block[]): StructureResult {
  const titleAt = blocks.findIndex((b) => titleNames(b.text) !== undefined && b.text.length <= 160);
  const titleBlock = blocks[titleAt];
  const names = titleBlock === undefined ? undefined : titleNames(titleBlock.text);
  if (titleBlock === undefined || names === undefined) {
    return {
      ok: false,
      message:
        'no title of the form "A vs. B: What Are the Differences?" found; the first heading must name the two roles',
    };
  }
  let dropped = titleAt;
  const sections: Section[] = [
    { heading: '', line: titleBlock.line, kind: { kind: 'intro' }, paragraphs: [] },
  ];
  let ended = false;
  let inFaq = false;
  const rest = blocks.slice(titleAt + 1);
  // A table of contents: short lines repeating headings that come later.
  const laterHeadings = new Map<string, number>();
  rest.forEach((b, i) => {
    if (b.kind === 'heading') laterHeadings.set(cleanHeading(b.text).toLowerCase(), i);
  });
  for (const [i, block] of rest.entries()) {
    if (ended) {
      dropped++;
      continue;
    }
    const text = cleanHeading(block.text);
    const repeats = laterHeadings.get(text.toLowerCase());
    if (
      FURNITURE_LINE.test(text) ||
      (block.kind === 'paragraph' && text.length <= 100 && repeats !== undefined && repeats > i)
    ) {
      dropped++;
      continue;
    }
    // Chrome after the article: "Previous", "Next", "Back to Job Search", the next article's title
    // (another pair of roles: "Data Analyst vs. Data Scientist: Key Differences" is this article's own).
    const pair = block.kind === 'heading' ? titleNames(block.text) : undefined;
    if (
      CHROME_LINE.test(text) ||
      (pair !== undefined && /differences/i.test(block.text) && !samePair(pair, names))
    ) {
      ended = true;
      dropped++;
      continue;
    }
    // In an FAQ, each question opens a section of its own, whether a heading or a paragraph's first sentence.
    if (
      inFaq &&
      (block.kind === 'heading' ? text.endsWith('?') : /^[^?]{8,160}\?(?:\s|$)/.test(block.text))
    ) {
      const at = block.text.indexOf('?') + 1;
      if (block.kind === 'heading' || at === block.text.length) {
        // A question on its own (a heading, an HTML <summary>): its answer follows.
        sections.push(faqSection(block.kind === 'heading' ? text : block.text, block.line));
      } else {
        const section = faqSection(block.text.slice(0, at), block.line);
        section.paragraphs.push({ text: block.text, line: block.line });
        sections.push(section);
      }
      continue;
    }
    if (block.kind === 'heading') inFaq = FAQ_HEADING.test(text);
    if (block.kind === 'heading' && inFaq) {
      sections.push({ heading: text, line: block.line, kind: { kind: 'unknown' }, paragraphs: [] });
      continue;
    }
    if (block.kind === 'heading') {
      const kind = classifyHeading(block.text);
      // Before the first section, a line such as "By the Careers Team | Updated March 3, 2025" is a
      // byline, not a section: the introduction carries on under it.
      if (kind.kind === 'unknown' && sections.length === 1) {
        dropped++;
        continue;
      }
      sections.push({ heading: text, line: block.line, kind, paragraphs: [] });
    } else {
      const current = sections[sections.length - 1];
      const lead =
        current?.question !== undefined && current.paragraphs.length === 0 ? `${current.question} ` : '';
      current?.paragraphs.push({ text: `${lead}${block.text}`, line: block.line });
    }
  }
  return {
    ok: true,
    article: { title: collapseSpaces(titleBlock.text.replace(/^#+\s*/, '')), names, sections, dropped },
  };
}
