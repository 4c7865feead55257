import type { ArticleStructure, ArticleTopic, Paragraph } from './article.js';
import { type LadderKind, findLadder } from './ladder.js';
import type { ImportedRole, RoleMatcher } from './roles.js';
import { type MoneyMention, type SalaryFigure, describeSalary, findMoney } from './salary.js';
import { mapPair, splitSentences, words } from './text.js';

/** Something the importer could not do by itself, for the editor to look at. */
export interface Notice {
  readonly kind:
    'missing-section' | 'no-salary' | 'unplaced' | 'salary' | 'role' | 'conflict' | 'existing' | 'linked';
  readonly message: string;
  readonly line?: number;
}

export type DifferenceTopic = 'overview' | ArticleTopic;

export interface RoleContent {
  /** The "What is" text, whole paragraphs. */
  readonly overview: string[];
  readonly topics: Partial<Record<ArticleTopic, string[]>>;
  salary?: SalaryFigure;
  readonly ladder: Record<LadderKind, string[]>;
}

export interface Placement {
  readonly roles: readonly [RoleContent, RoleContent];
  readonly differences: Partial<Record<DifferenceTopic, string[]>>;
  readonly notices: Notice[];
}

type Owner = 0 | 1 | 'both';

const TOPIC_NAMES: Readonly<Record<ArticleTopic, string>> = {
  duties: 'Job Duties',
  requirements: 'Job Requirements',
  environment: 'Work Environment',
  skills: 'Skills',
  salary: 'Salary',
};
/** Sentences that carry on from the one before ("They also ...") rather than start a new subject. */
const CONTINUES =
  /^(?:they|them|their|these|this|those|he|she|it|its|in addition|additionally|also|however|for example|for instance|as a result|this allows)\b/i;

function preview(text: string): string {
  return text.length <= 70 ? text : `${text.slice(0, 67)}...`;
}

function emptyRole(): RoleContent {
  return { overview: [], topics: {}, ladder: { reports_to: [], step_towards: [], comes_from: [] } };
}

function add<K extends string>(record: Partial<Record<K, string[]>>, key: K, text: string): void {
  const list = record[key] ?? [];
  list.push(text);
  record[key] = list;
}

/**
 * Split one paragraph between the two roles. A paragraph naming one role goes to it; one naming both
 * goes to the differences when it opens by naming both, else it is cut into runs of sentences, each
 * run going to the role it names ("They ..." carries on the run before).
 */
export function splitParagraph(
  text: string,
  matcher: RoleMatcher,
  previous: Owner | undefined,
  sectionOwner?: 0 | 1,
): { owner: Owner; text: string }[] {
  const about = matcher.about(text);
  if (about === 0 || about === 1) return [{ owner: about, text }];
  // Under "Data Scientist Salary", "The average is $125,000 per year." is the data scientist's.
  if (about === 'none' && sectionOwner !== undefined) return [{ owner: sectionOwner, text }];
  if (about === 'none') {
    const carry = previous !== undefined && previous !== 'both' && CONTINUES.test(text) ? previous : 'both';
    return [{ owner: carry, text }];
  }
  const sentences = splitSentences(text);
  const owners = sentences.map((s) => matcher.about(s));
  if (owners[0] === 'both' || owners[0] === 'none') return [{ owner: 'both', text }];
  const runs: { owner: Owner; text: string }[] = [];
  let current: Owner = 'both';
  sentences.forEach((sentence, i) => {
    const seen = owners[i] ?? 'none';
    const owner: Owner = seen === 'none' ? current : seen;
    current = owner;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.owner === owner)
      runs[runs.length - 1] = { owner, text: `${last.text} ${sentence}` };
    else runs.push({ owner, text: sentence });
  });
  return runs;
}

/** The role each money amount in a sentence belongs to: the role named nearest before it in its clause. */
function salariesIn(
  sentence: string,
  matcher: RoleMatcher,
  fallback: Owner | undefined,
  defaultCurrency: string | undefined,
): { owner: 0 | 1 | undefined; money: MoneyMention }[] {
  const out: { owner: 0 | 1 | undefined; money: MoneyMention }[] = [];
  // "..., and $65,000" starts another role's figure; "between $45,000 and $65,000" is one range.
  const clauses = sentence.split(
    /;|,\s*(?:while|whereas|but|and|compared)\b|\b(?:while|whereas)\b|(?<!\bbetween\s+\S+\s)\band\s(?=[$£€])/i,
  );
  for (const clause of clauses) {
    const mentions = matcher.mentions(clause);
    for (const money of findMoney(clause, defaultCurrency)) {
      const before = mentions.filter((m) => m.start < money.at).pop();
      const after = mentions.find((m) => m.start >= money.at);
      const owner = before?.role ?? after?.role ?? (fallback === 0 || fallback === 1 ? fallback : undefined);
      out.push({ owner, money });
    }
  }
  return out;
}

/** Place every paragraph of the article, read salaries and ladder facts, and note what could not be placed. */
export function placeArticle(
  article: ArticleStructure,
  roles: readonly [ImportedRole, ImportedRole],
  matcher: RoleMatcher,
): Placement {
  const content: [RoleContent, RoleContent] = [emptyRole(), emptyRole()];
  const differences: Partial<Record<DifferenceTopic, string[]>> = {};
  const notices: Notice[] = [];
  const seenTopics = new Set<ArticleTopic>();
  const whatIs: [boolean, boolean] = [false, false];
  /** Every placed sentence with its owner, for salaries and the ladder. */
  const placed: { owner: Owner; text: string; line: number; topic: DifferenceTopic }[] = [];

  const placeTopic = (
    topic: DifferenceTopic,
    paragraphs: readonly Paragraph[],
    heading = '',
    whole = false,
  ): void => {
    let previous: Owner | undefined;
    const named = matcher.about(heading);
    const sectionOwner = named === 0 || named === 1 ? named : undefined;
    // An FAQ answer with its question is not cut into sentences: "No." means nothing on its own.
    const runsOf = (text: string): { owner: Owner; text: string }[] => {
      if (!whole) return splitParagraph(text, matcher, previous, sectionOwner);
      const about = matcher.about(text);
      return [{ owner: about === 0 || about === 1 ? about : (sectionOwner ?? 'both'), text }];
    };
    for (const p of paragraphs) {
      // Runs of one paragraph that go to the same place stay one paragraph there ("Data analysts
      // earn $85,000. Data scientists earn 125K. Entry-level data analysts start around $60,000.").
      const joined = new Map<Owner, { list: string[]; at: number }>();
      for (const run of runsOf(p.text)) {
        const list =
          run.owner === 'both'
            ? (differences[topic] ??= [])
            : topic === 'overview'
              ? content[run.owner].overview
              : (content[run.owner].topics[topic] ??= []);
        const same = joined.get(run.owner);
        if (same !== undefined) list[same.at] = `${list[same.at] ?? ''} ${run.text}`;
        else joined.set(run.owner, { list, at: list.push(run.text) - 1 });
        placed.push({ owner: run.owner, text: run.text, line: p.line, topic });
        previous = run.owner;
      }
    }
  };

  for (const section of article.sections) {
    const kind = section.kind;
    if (kind.kind === 'intro' || kind.kind === 'versus') {
      for (const p of section.paragraphs) {
        if (matcher.about(p.text) === 'none') {
          notices.push({
            kind: 'unplaced',
            message: `paragraph names neither role, left out: "${preview(p.text)}"`,
            line: p.line,
          });
        } else {
          add(differences, 'overview', p.text);
          placed.push({ owner: 'both', text: p.text, line: p.line, topic: 'overview' });
        }
      }
    } else if (kind.kind === 'what-is') {
      const about = matcher.about(kind.name);
      const index: 0 | 1 = about === 0 || about === 1 ? about : whatIs[0] ? 1 : 0;
      whatIs[index] = true;
      for (const p of section.paragraphs) {
        content[index].overview.push(p.text);
        placed.push({ owner: index, text: p.text, line: p.line, topic: 'overview' });
      }
    } else if (kind.kind === 'topic') {
      seenTopics.add(kind.topic);
      placeTopic(kind.topic, section.paragraphs, section.heading, section.question !== undefined);
    } else if (section.paragraphs.length > 0) {
      notices.push({
        kind: 'unplaced',
        message: `section "${section.heading}" is not one of the topics; ${section.paragraphs.length} paragraph(s) left out`,
        line: section.line,
      });
    }
  }

  mapPair(roles, (role, i) => {
    if (!whatIs[i])
      notices.push({ kind: 'missing-section', message: `no "What is a ${role.title}?" section` });
  });
  for (const topic of Object.keys(TOPIC_NAMES) as ArticleTopic[]) {
    if (!seenTopics.has(topic))
      notices.push({ kind: 'missing-section', message: `no "${TOPIC_NAMES[topic]}" section` });
  }

  // A topic the article covers only for both roles at once ("Paralegals and legal assistants both
  // work in law firms") is each role's text too: otherwise a question about one role's work
  // environment would be told the sources say nothing. When neither role has text of its own for
  // the topic, the shared paragraphs move to both roles (the differences would only repeat them).
  // Not the salary: each role's figure answers for it, and the paragraph comparing the two figures
  // is what differs.
  for (const topic of Object.keys(TOPIC_NAMES) as ArticleTopic[]) {
    const shared = topic === 'salary' ? undefined : differences[topic];
    if (shared === undefined || shared.length === 0) continue;
    const empty = content.map((c) => (c.topics[topic]?.length ?? 0) === 0);
    empty.forEach((isEmpty, i) => {
      if (isEmpty)
        (content[i as 0 | 1].topics as Partial<Record<ArticleTopic, string[]>>)[topic] = [...shared];
    });
    if (empty.every(Boolean)) delete differences[topic];
  }

  // Salaries: from the salary section, or from anywhere when the article has none.
  const salaryText = placed.filter((p) => (seenTopics.has('salary') ? p.topic === 'salary' : true));
  // A figure written without a currency ("125K") takes the one currency the other figures use.
  const currencies = new Set(salaryText.flatMap((p) => findMoney(p.text).map((m) => m.figure.currency)));
  const defaultCurrency = currencies.size === 1 ? [...currencies][0] : undefined;
  for (const p of salaryText) {
    for (const sentence of splitSentences(p.text)) {
      for (const { owner, money } of salariesIn(sentence, matcher, p.owner, defaultCurrency)) {
        if (owner === undefined) {
          notices.push({
            kind: 'salary',
            message: `salary ${money.written} names neither role, not recorded`,
            line: p.line,
          });
          continue;
        }
        const role = roles[owner];
        if (money.range) {
          notices.push({
            kind: 'salary',
            message: `${role.title}: salary range from ${money.written} not recorded (one figure per role); add it by hand`,
            line: p.line,
          });
          continue;
        }
        const existing = content[owner].salary;
        if (existing === undefined) {
          content[owner].salary = money.figure;
          if (money.currencyAssumed) {
            notices.push({
              kind: 'salary',
              message: `${role.title}: ${money.written} has no currency; taken as ${money.figure.currency}, the currency of the article's other figures`,
              line: p.line,
            });
          }
          if (money.periodAssumed) {
            notices.push({
              kind: 'salary',
              message: `${role.title}: ${money.written} has no period; taken as per ${money.figure.period}`,
              line: p.line,
            });
          }
        } else if (existing.amount !== money.figure.amount || existing.period !== money.figure.period) {
          notices.push({
            kind: 'salary',
            message: `${role.title}: a second figure ${describeSalary(money.figure)} not recorded (kept ${describeSalary(existing)})`,
            line: p.line,
          });
        }
      }
    }
  }
  mapPair(roles, (role, i) => {
    if (content[i].salary === undefined)
      notices.push({ kind: 'no-salary', message: `no salary figure found for ${role.title}` });
  });

  // Ladder facts, about the role named before the statement (or the paragraph's role).
  for (const p of placed) {
    for (const sentence of splitSentences(p.text)) {
      const mentions = matcher.mentions(sentence);
      for (const statement of findLadder(sentence)) {
        const subject =
          mentions.filter((m) => m.start < statement.at).pop()?.role ??
          (p.owner === 'both' ? undefined : p.owner);
        if (subject === undefined) continue;
        const target = matcher.about(statement.target, true);
        if (target === subject) continue;
        const title = target === 0 || target === 1 ? roles[target].title : statement.target;
        const list = content[subject].ladder[statement.kind];
        if (!list.some((t) => words(t).join(' ') === words(title).join(' '))) list.push(title);
      }
    }
  }
  return { roles: content, differences, notices };
}
