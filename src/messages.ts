/**
 * Every sentence the user reads, in one place: answers, renderers and the terminal commands take their
 * wording from here, and tests import it rather than copying strings.
 */

const joinTitles = (titles: readonly string[]): string => {
  if (titles.length <= 1) return titles.join('');
  if (titles.length === 2) return `${titles[0]} and ${titles[1]}`;
  return `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
};

const joinOr = (titles: readonly string[]): string => {
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1]}`;
};

const PERIOD_WORD = Object.freeze({
  year: 'a year',
  month: 'a month',
  week: 'a week',
  day: 'a day',
  hour: 'an hour',
});
const PERIOD_PER = Object.freeze({
  year: 'per year',
  month: 'per month',
  week: 'per week',
  day: 'per day',
  hour: 'per hour',
});
const PERIOD_ADJ = Object.freeze({
  year: 'yearly',
  month: 'monthly',
  week: 'weekly',
  day: 'daily',
  hour: 'hourly',
});

export type SalaryPeriod = keyof typeof PERIOD_WORD;

export const messages = Object.freeze({
  joinTitles,
  joinOr,

  /** Compare headings and notes. */
  versus: (titles: readonly string[]): string => titles.join(' vs '),
  notDirectPair: (titles: readonly string[]): string =>
    `No article compares ${joinTitles(titles)} directly, so this is put together from each role's own facts.`,
  notDirectMany:
    'No single article compares all of these roles, so this is put together from each role\u2019s own facts.',
  whatDiffers: 'What differs',
  pairDiffers: (a: string, b: string): string => `${a} vs ${b}`,
  noFacts: 'The sources say nothing about this.',
  summaryHeading: 'In short',

  /** Salary. */
  salaryFigure: (money: string, period: SalaryPeriod, kind: string, currency: string): string =>
    `${money} ${PERIOD_WORD[period]} (${kind}, ${currency})`,
  salaryFromSource: (figure: string, sourceTitle: string): string =>
    `${figure}, according to "${sourceTitle}"`,
  salaryDifference: (
    higher: string,
    lower: string,
    money: string,
    percent: string,
    basis: { kind: string; period: SalaryPeriod; currency: string },
  ): string =>
    `The ${higher} earns ${money} more ${PERIOD_PER[basis.period]} than the ${lower}, ` +
    `${percent}% more (${basis.kind} ${PERIOD_ADJ[basis.period]} salaries, ${basis.currency}).`,
  salarySame: (titles: readonly string[], basis: { kind: string }): string =>
    `${joinTitles(titles)} earn the same ${basis.kind} salary.`,
  salaryRanking: 'Highest first',
  salaryMissing: (titles: readonly string[]): string =>
    `The sources give no salary for the ${joinTitles(titles)}, so no difference can be worked out.`,
  salarySourcesDisagree: (titles: readonly string[]): string =>
    `The sources give different salaries for the ${joinTitles(titles)}, so each figure is shown with its source and no single difference is worked out.`,
  salaryBasisDiffers: (detail: string): string =>
    `These figures are not on the same basis (${detail}), so no difference is worked out.`,
  noSalary: 'The sources give no salary for this role.',

  /** Career ladder. */
  ladderReportsTo: (from: string, to: string): string => `${from} reports to the ${to}.`,
  ladderStepTowards: (from: string, to: string): string => `${from} is often a step towards ${to}.`,
  ladderComesFrom: (from: string, to: string): string => `People often move into ${from} from ${to}.`,
  ladderHeadingInto: (title: string): string => `Becoming ${title}`,
  ladderHeadingAfter: (title: string): string => `After ${title}`,
  ladderHeadingPath: (from: string, to: string): string => `From ${from} to ${to}`,
  ladderNothingInto: (title: string): string => `The sources do not say which roles lead to ${title}.`,
  ladderRequirements: 'What the sources ask for',
  ladderNothingAfter: (title: string): string => `The sources do not say what ${title} usually leads to.`,
  ladderGap: (from: string, to: string): string =>
    `The sources do not describe a path from ${from} to ${to}. Here is what they do say about each role.`,
  ladderPathFound: (from: string, to: string): string => `The sources connect ${from} to ${to} like this:`,

  /** List. */
  listRolesHeading: 'Roles I know',
  listComparisonsHeading: 'Comparisons',
  listEmpty: 'The knowledge base is empty.',

  /** Help. */
  helpIntro:
    'I compare careers from a small set of role-comparison articles: duties, requirements, work environment, skills and salary. Ask me things like:',
  helpExamples: Object.freeze([
    'COO vs head of ops salary?',
    'What degree does an operations manager need?',
    'Do ops managers or coordinators travel more?',
    'How do I become a COO?',
    'Which roles do you know?',
  ]),
  helpTopicsHeading: 'Topics',
  helpTopics: (names: readonly string[]): string => `Topics: ${names.join(', ')}.`,
  helpCommandsHeading: 'Slash commands',
  slashCommands: Object.freeze([
    ['/ask', 'ask a question in your own words'],
    ['/compare', 'compare two roles on a topic'],
    ['/role', 'everything about one role'],
    ['/roles', 'list the roles and comparisons I know'],
    ['/help', 'this help'],
  ] as const),
  helpFollowUp: 'Follow-ups work too: "and skills?", "what about the coordinator?"',

  /** Smalltalk. */
  smalltalk: Object.freeze({
    greeting:
      'Hi! Ask me to compare two careers, for example "COO vs head of ops salary?". Type /help for more.',
    thanks: 'Glad to help. Ask another any time, or type /help for ideas.',
    bye: 'Bye! Come back when you want to compare careers.',
    other: 'I only know about careers. Try "COO vs head of ops salary?" or type /help.',
  }),

  /** Clarify. */
  clarify: (titles: readonly string[]): string => `Did you mean ${joinOr(titles)}?`,

  /** Unknown. */
  unknownOne: (quoted: string): string => `I don't know the role ${quoted}.`,
  unknownMany: (quoted: readonly string[]): string => `I don't know the roles ${joinTitles(quoted)}.`,
  unknownNone: 'I could not tell which role you mean.',
  unknownSuggest: (titles: readonly string[]): string => `I can tell you about ${joinOr(titles)}.`,
  unknownTopics: (names: readonly string[]): string => `For those I can answer about ${joinTitles(names)}.`,
  unknownTry: 'Type /help to see example questions.',

  /** Sources. */
  source: 'Source',
  sources: 'Sources',
  moreTopics: 'Also ask about',

  /** Terminal. */
  chatGreeting: 'careerbot: ask about careers, e.g. "COO vs head of ops salary?". /help, /reset, /quit.',
  chatReset: 'Conversation forgotten. Start a new question.',
  chatBye: 'Bye.',
  chatPrompt: '> ',
  chatUnknownCommand: (cmd: string): string => `Unknown command ${cmd}. Try /help, /reset or /quit.`,
  askUsage:
    'Usage: npm run ask -- [--json] "question"\n       npm run ask -- --jsonl < questions.jsonl   (lines of {"conversation": id, "text": question})',
  knowledgeFailed: (dir: string, detail: string): string =>
    `Could not load the knowledge base from ${dir}.\n${detail}\nFix the files (npm run kb:check) or set KNOWLEDGE_DIR to a valid knowledge directory.`,
  jsonlNotJson: 'line is not valid JSON',
  jsonlBadShape: (detail: string): string => `expected {"conversation": string, "text": string}: ${detail}`,
});
