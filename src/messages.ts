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

  /** Open data (BLS, O*NET): figures, their basis and credits. */
  creditBls: (epProgram: string, epRelease: string, oewsProgram: string, oewsRelease: string): string =>
    `Source: U.S. Bureau of Labor Statistics, ${epProgram} program (${epRelease}); ${oewsProgram}, ${oewsRelease}.`,
  creditOnet: (release: string): string =>
    `This product includes information from the O*NET ${release} Database by the U.S. Department of Labor, ` +
    'Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET\u00ae is a ' +
    'trademark of USDOL/ETA. careerbot has modified all or some of this information. USDOL/ETA has not ' +
    'approved, endorsed, or tested these modifications.',
  creditsHeading: 'Credits',
  blsFiguresFor: (title: string, code: string): string => `BLS figures for ${title} (SOC ${code})`,
  blsOccupationOf: (blsTitle: string, roleTitle: string): string =>
    `${blsTitle} (BLS figures for ${roleTitle})`,
  wageBasis: (date: string): string => `BLS, ${date}, US, all industries, employees only`,
  wageMedian: (money: string, period: SalaryPeriod, basis: string): string =>
    `Median: ${money} ${PERIOD_WORD[period]} (${basis})`,
  wageMiddleHalf: (low: string, high: string): string =>
    `Middle half (25th to 75th percentile): ${low} to ${high}`,
  wageRange: (low: string, high: string): string => `10th to 90th percentile: ${low} to ${high}`,
  wageAtLeast: (money: string): string => `${money} or more`,
  wageNotPublished: 'not published',
  wageNone: (title: string): string => `BLS publishes no wage figures for ${title}.`,
  wageHourlyOnly: 'BLS publishes hourly wages only for this occupation.',
  wageAnnualOnly: 'BLS publishes annual wages only for this occupation (no hourly figures).',
  medianMissing: (titles: readonly string[]): string =>
    `BLS publishes no median wage for the ${joinTitles(titles)}, so no difference is worked out.`,
  medianTopCoded: (titles: readonly string[]): string =>
    `BLS gives the median for the ${joinTitles(titles)} only as a floor (\u201cor more\u201d), so no exact difference is worked out.`,
  medianNotPublished: (titles: readonly string[]): string =>
    `BLS publishes no median for the ${joinTitles(titles)} on this basis, so no difference is worked out.`,
  medianDifference: (
    higher: string,
    lower: string,
    money: string,
    percent: string,
    period: SalaryPeriod,
    date: string,
  ): string =>
    `The median wage of ${higher} is ${money} ${PERIOD_WORD[period]} more than that of ${lower}, ${percent}% more (BLS medians, ${date}).`,
  medianShared: (titles: readonly string[], blsTitle: string, code: string, date: string): string =>
    `${joinTitles(titles)} share one BLS occupation, ${blsTitle} (SOC ${code}), so BLS (${date}) gives them one median: no difference is worked out.`,
  medianSame: (titles: readonly string[], date: string): string =>
    `${joinTitles(titles)} have the same BLS median (${date}): BLS publishes one figure for them.`,
  salaryDifferentMeasures: (titles: readonly string[]): string =>
    `No difference is worked out: the figure for the ${joinTitles(titles)} is an article's, the others are BLS medians, and the two are different measures.`,
  education: (label: string): string => `Typical education for entry: ${label}`,
  experience: (label: string): string => `Work experience in a related occupation: ${label}`,
  training: (label: string): string => `Typical on-the-job training: ${label}`,
  jobZone: (zone: number, name: string): string => `O*NET job zone ${zone} of 5: ${name}`,
  jobZoneNames: Object.freeze([
    'Little or No Preparation Needed',
    'Some Preparation Needed',
    'Medium Preparation Needed',
    'Considerable Preparation Needed',
    'Extensive Preparation Needed',
  ]),
  epSource: (release: string): string => `BLS Employment Projections ${release}`,
  outlookEmployment: (base: string, baseYear: number, target: string, targetYear: number): string =>
    `Employment: ${base} in ${baseYear}, projected ${target} in ${targetYear}`,
  outlookChange: (percent: string, all: string | undefined): string =>
    all === undefined ? `Change: ${percent}` : `Change: ${percent} (all occupations: ${all})`,
  outlookOpenings: (openings: string, baseYear: number, targetYear: number): string =>
    `About ${openings} openings a year on average, ${baseYear}\u2013${String(targetYear).slice(2)}`,
  outlookNone: (title: string): string => `BLS publishes no projections for ${title}.`,
  relatedHeading: 'Related occupations (O*NET)',
  relatedNone: (title: string): string => `O*NET lists no related occupations for ${title}.`,
  notInData: (topic: string, titles: readonly string[], instead: readonly string[]): string =>
    instead.length === 0
      ? `Nothing on ${topic} for ${joinTitles(titles)}: neither the articles nor the open data cover it.`
      : `Nothing on ${topic} for ${joinTitles(titles)}: the open data covers only ${joinTitles(instead)}.`,
  placeNational: (quoted: string): string =>
    `These figures are for the United States as a whole (BLS); I have none for ${quoted}.`,
  placeNone: (quoted: string): string =>
    `The sources give no figures by place, so nothing here is specific to ${quoted}.`,

  /** Rankings. */
  rankHeading: (topic: string, by: string): string => (by === '' ? topic : `${topic}, ${by}`),
  rankByMedian: (period: SalaryPeriod, date: string): string =>
    `highest BLS median ${PERIOD_ADJ[period]} wage first (${date})`,
  rankBySalary: 'highest article salary first',
  rankByChange: (release: string): string => `fastest projected growth first (BLS, ${release})`,
  rankByEducation: 'most education for entry first (BLS)',
  rankOmitted: (count: number): string => `\u2026 ${count.toLocaleString('en-US')} more \u2026`,
  rankGap: (money: string): string => `${money} more than the next`,
  rankSpread: (first: string, last: string, money: string, percent: string): string =>
    `${first} earns ${money} more than ${last}, ${percent}% more.`,
  rankTotal: (count: number): string => `${count.toLocaleString('en-US')} ranked.`,
  rankUnranked: (titles: readonly string[], count: number, reason: string): string =>
    count > titles.length
      ? `Not ranked (${reason}): ${titles.join(', ')} and ${(count - titles.length).toLocaleString('en-US')} more.`
      : `Not ranked (${reason}): ${titles.join(', ')}.`,
  rankNoMedian: 'no BLS median',
  rankNoProjection: 'no BLS projection',
  rankNoEducation: 'no BLS education level',
  rankNoArticleSalary: 'no article salary on the same basis',
  rankEmpty: 'None of these roles has a figure to rank them by.',

  /** Help and out of scope, with the open data. */
  helpIntroOpenData: (occupations: number): string =>
    `I answer career questions from role-comparison articles and open US data on ${occupations.toLocaleString('en-US')} occupations (BLS wages, projections and education; O*NET titles and related occupations). Ask me things like:`,
  helpExamplesOpenData: Object.freeze([
    'COO vs head of ops salary?',
    'How much does a dentist make?',
    'Actuary vs financial manager pay',
    'What degree does a vet need?',
    'Job outlook for nurses?',
    'Jobs like data scientist?',
    'Which of these pays most: actuary, economist, statistician?',
  ]),
  outOfScope: "I can't do that: I answer questions about careers, from my sources only.",
  outOfScopeCan: (topics: readonly string[]): string =>
    `I can tell you about a role's ${joinTitles(topics)}, compare roles, and rank them. Type /help for examples.`,
  listOccupations: (count: number): string =>
    `Also ${count.toLocaleString('en-US')} US occupations from the open data (BLS, O*NET): ask about any of them by name.`,

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
  /** A bug cost this one answer: the surface says so (and logs the error) instead of answering "help". */
  answerFailed:
    'Sorry, something went wrong on my side while answering that. Please try again or ask another way.',
  jsonlBadShape: (detail: string): string => `expected {"conversation": string, "text": string}: ${detail}`,
});
