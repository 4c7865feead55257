import {
  findExpansion,
  initials,
  isSmallWord,
  pluralForms,
  properCase,
  splitAbbreviation,
  toId,
  words,
} from './text.js';

/** A role as the importer reads it from one article, before merging with the knowledge base. */
export interface ImportedRole {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** How the article's title wrote the role ("coo"). */
  readonly asWritten: string;
}

export interface RoleNotice {
  readonly message: string;
}

/** Role nouns that name a person when they stand alone ("the manager"). */
const GENERIC_HEADS = new Set([
  'head',
  'lead',
  'staff',
  'worker',
  'member',
  'person',
  'professional',
  'specialist',
]);

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'their',
  'this',
  'that',
  'these',
  'those',
  'each',
  'every',
  'as',
  'of',
  'and',
  'or',
  'both',
  'most',
  'many',
  'some',
  'all',
  'for',
  'while',
  'whereas',
  'than',
]);

function isAbbreviationToken(name: string): boolean {
  return /^\p{L}{2,5}$/u.test(name);
}

/**
 * Upper-case tokens of 2 to 5 letters in the text: the abbreviations it uses ("COO", "HR"). Lines
 * written all in capitals ("WHAT IS A LEGAL ASSISTANT?") are shouted headings, not abbreviations.
 */
export function upperCaseAbbreviations(text: string): Set<string> {
  const found = new Set<string>();
  const mixed = text
    .split('\n')
    .filter((line) => /\p{Ll}/u.test(line))
    .join('\n');
  for (const match of mixed.matchAll(/\b\p{Lu}{2,5}s?\b/gu)) {
    const token = match[0].endsWith('s') && match[0].length > 2 ? match[0].slice(0, -1) : match[0];
    if (token === token.toUpperCase()) found.add(token.toLowerCase());
  }
  return found;
}

/**
 * Read one role from its name in the article title and the article text. An abbreviation ("coo",
 * "COO") becomes its expansion when the text spells it out ("chief operating officer"), with the
 * abbreviation as an alias; abbreviations of the full title used in the text become aliases too.
 */
export function readRole(
  name: string,
  text: string,
  otherNames: readonly string[] = [],
): { role: ImportedRole; notices: RoleNotice[] } {
  const notices: RoleNotice[] = [];
  // "Nurse Practitioner (NP)": the title is the name, the abbreviation an alias.
  const { name: asWritten, abbreviation: given } = splitAbbreviation(name);
  const upper = upperCaseAbbreviations(text);
  const aliases = new Set<string>(given === undefined ? [] : [given]);
  let title: string;

  const single = asWritten.split(/\s+/).length === 1;
  const expansion = single && isAbbreviationToken(asWritten) ? findExpansion(asWritten, text) : undefined;
  if (expansion !== undefined) {
    // "Licensed practical nurses (LPNs)" spells out the role in the plural: "a licensed practical nurse".
    title = properCase(singularTitle(expansion, text), upper);
    aliases.add(asWritten.toUpperCase());
  } else if (
    single &&
    isAbbreviationToken(asWritten) &&
    (asWritten === asWritten.toUpperCase() || upper.has(asWritten.toLowerCase()))
  ) {
    title = asWritten.toUpperCase();
    notices.push({
      message: `"${title}" looks like an abbreviation but the article never spells it out: add the full title as an alias`,
    });
  } else {
    title = properCase(singularTitle(asWritten, text), upper);
  }

  // Abbreviations of the full title that the text uses: "Chief Sales Officer ... the CSO".
  for (const abbreviation of initials(title)) {
    if (
      abbreviation.length >= 2 &&
      upper.has(abbreviation) &&
      !otherNames.some((n) => toId(n) === abbreviation)
    ) {
      aliases.add(abbreviation.toUpperCase());
    }
  }
  // "a nurse practitioner (NP)": only an abbreviation made of the title's initials, so that
  // "Professional Scrum Master (PSM)", a certificate, does not become an alias of Scrum Master.
  const parenthesised = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(title)}\\s*\\((\\p{Lu}{2,6})\\)`,
    'iu',
  ).exec(text);
  const short = parenthesised?.[1];
  if (short !== undefined && initials(title).includes(short.toLowerCase())) aliases.add(short);
  // "UX Designer" and the text's "user experience (UX) designer": the spelled-out title is an alias.
  for (const token of title.split(' ')) {
    if (!/^\p{Lu}{2,5}$/u.test(token)) continue;
    const spelled = new RegExp(`((?:\\p{L}+[ -]){${token.length}})\\(${token}\\)`, 'u').exec(text)?.[1];
    if (spelled === undefined) continue;
    const parts = spelled.trim().split(/[ -]/);
    // Each word carries its letter, the first one first ("user experience" for UX).
    const letters = token.toLowerCase();
    const fits = parts.every((w, i) =>
      i === 0 ? w.toLowerCase().startsWith(letters.charAt(0)) : w.toLowerCase().includes(letters.charAt(i)),
    );
    if (!fits) continue;
    aliases.add(title.replace(token, parts.join(' ').toLowerCase()).toLowerCase());
  }
  // A plural title made singular needs no alias: plurals are matched anyway.
  if (
    asWritten.toLowerCase() !== title.toLowerCase() &&
    expansion === undefined &&
    singularTitle(asWritten, text).toLowerCase() !== title.toLowerCase()
  )
    aliases.add(asWritten.toLowerCase());
  // "NPs", "PAs": a two-letter abbreviation's plural as the article writes it is a name of the role
  // too (longer ones, "CNAs", are matched as plurals already; two letters are too short for that).
  for (const alias of [...aliases]) {
    if (/^\p{Lu}{2}$/u.test(alias) && new RegExp(`\\b${alias}s\\b`, 'u').test(text)) aliases.add(`${alias}s`);
  }
  aliases.delete(title);
  return { role: { id: toId(title), title, aliases: [...aliases], asWritten }, notices };
}

/** Singular forms of one word ("developers" -> "developer", "secretaries" -> "secretary"). */
function singularForms(word: string): string[] {
  const lower = word.toLowerCase();
  const out: string[] = [];
  if (lower.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (/(?:[sxz]|ch|sh)es$/.test(lower)) out.push(word.slice(0, -2));
  if (lower.endsWith('s') && !lower.endsWith('ss')) out.push(word.slice(0, -1));
  return out;
}

/**
 * "Web Developers vs. System Administrators": a title written in the plural is the singular role
 * when the text names it so ("a web developer"), else it is left as written ("Head of Sales").
 */
function singularTitle(name: string, text: string): string {
  const tokens = name.split(/\s+/);
  const of = tokens.findIndex((t) => t.toLowerCase() === 'of');
  const at = of > 0 ? of - 1 : tokens.length - 1;
  const word = tokens[at] ?? '';
  const said = ` ${words(text).join(' ')} `;
  for (const singular of singularForms(word)) {
    const candidate = [...tokens.slice(0, at), singular, ...tokens.slice(at + 1)].join(' ');
    if (said.includes(` ${words(candidate).join(' ')} `)) return candidate;
  }
  return name;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Which of the two roles a stretch of text names, and where. */
export interface Mention {
  readonly role: 0 | 1;
  readonly start: number;
  readonly end: number;
}

export interface RoleMatcher {
  /** Every mention of either role in the text, longest phrases first, never overlapping. */
  mentions(text: string, strict?: boolean): Mention[];
  /** Which roles a text names: none, one of them, or both. `strict`: full titles and aliases only. */
  about(text: string, strict?: boolean): 'none' | 0 | 1 | 'both';
}

/** Singular and plural token sequences for a phrase ("head of operations" -> "heads of operations"). */
function phraseForms(phrase: string): string[][] {
  const tokens = words(phrase);
  if (tokens.length === 0) return [];
  const forms: string[][] = [tokens];
  const last = tokens[tokens.length - 1] ?? '';
  for (const plural of pluralForms(last)) forms.push([...tokens.slice(0, -1), plural]);
  const of = tokens.indexOf('of');
  if (of > 0) {
    const head = tokens[of - 1] ?? '';
    for (const plural of pluralForms(head))
      forms.push([...tokens.slice(0, of - 1), plural, ...tokens.slice(of - 1 + 1)]);
  }
  return forms;
}

/**
 * Build a matcher for the two roles of an article from their titles, aliases, ids and the way the
 * article writes them. A distinctive last word ("manager" in "Cafe Manager" vs "Barista") also counts.
 */
export function roleMatcher(
  roles: readonly [ImportedRole, ImportedRole],
  extraNames: readonly [string[], string[]] = [[], []],
): RoleMatcher {
  const phrases: { role: 0 | 1; tokens: string[]; head: boolean }[] = [];
  const titleWords = roles.map((r) => new Set(words(r.title)));
  roles.forEach((role, index) => {
    const i = index as 0 | 1;
    const names = new Set([
      role.title,
      role.asWritten,
      role.id.replace(/-/g, ' '),
      ...role.aliases,
      ...extraNames[i],
    ]);
    for (const name of names)
      for (const tokens of phraseForms(name)) phrases.push({ role: i, tokens, head: false });
    const titleTokens = words(role.title);
    const head = titleTokens[titleTokens.length - 1];
    const other = titleWords[i === 0 ? 1 : 0] ?? new Set<string>();
    if (
      titleTokens.length > 1 &&
      head !== undefined &&
      !titleTokens.includes('of') &&
      !other.has(head) &&
      head.length >= 4 &&
      !GENERIC_HEADS.has(head) &&
      !isSmallWord(head)
    ) {
      for (const tokens of phraseForms(head)) phrases.push({ role: i, tokens, head: true });
    }
  });
  phrases.sort((a, b) => b.tokens.length - a.tokens.length);

  // Titles sharing their last word are often written together: "UX and UI designers" names both.
  const [first, second] = roles.map((r) => words(r.title));
  const sharedHead =
    first !== undefined &&
    second !== undefined &&
    first.length > 1 &&
    second.length > 1 &&
    first[first.length - 1] === second[second.length - 1];
  const coordinated: { tokens: string[]; roles: [0 | 1, 0 | 1]; split: number }[] = [];
  if (sharedHead) {
    const head = first[first.length - 1] ?? '';
    const modifiers = [first.slice(0, -1), second.slice(0, -1)] as const;
    for (const [a, b] of [
      [0, 1],
      [1, 0],
    ] as const)
      for (const joiner of ['and', 'or'])
        for (const last of [head, ...pluralForms(head)])
          coordinated.push({
            tokens: [...modifiers[a], joiner, ...modifiers[b], last],
            roles: [a, b],
            split: modifiers[a].length + 1,
          });
  }

  const mentions = (text: string, strict = false): Mention[] => {
    const tokens = words(text);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const found: Mention[] = [];
    for (const phrase of coordinated) {
      const n = phrase.tokens.length;
      for (let s = 0; s + n <= tokens.length; s++) {
        if (phrase.tokens.some((t, k) => taken[s + k] === true || tokens[s + k] !== t)) continue;
        for (let k = 0; k < n; k++) taken[s + k] = true;
        found.push({ role: phrase.roles[0], start: s, end: s + phrase.split - 1 });
        found.push({ role: phrase.roles[1], start: s + phrase.split, end: s + n });
      }
    }
    for (const phrase of phrases) {
      if (phrase.head && strict) continue;
      const n = phrase.tokens.length;
      for (let s = 0; s + n <= tokens.length; s++) {
        // A bare "manager" names the role only after a determiner ("the manager"), not in "general manager".
        if (phrase.head && s > 0 && !DETERMINERS.has(tokens[s - 1] ?? '')) continue;
        let ok = true;
        for (let k = 0; k < n; k++) {
          if (taken[s + k] === true || tokens[s + k] !== phrase.tokens[k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        for (let k = 0; k < n; k++) taken[s + k] = true;
        found.push({ role: phrase.role, start: s, end: s + n });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
  return {
    mentions,
    about(text, strict = false) {
      const seen = new Set(mentions(text, strict).map((m) => m.role));
      if (seen.size === 2) return 'both';
      if (seen.has(0)) return 0;
      if (seen.has(1)) return 1;
      return 'none';
    },
  };
}
