/**
 * Grammar words the understanding stages rely on: function words, intent cues, role-head nouns.
 * No topic words here: those come from the knowledge base (knowledge/topics.yaml).
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Function words: never part of a role name, never corrected as typos. */
export const STOPWORDS = set(`
  a an the of to in on at for from by with about as into onto than then vs v or and nor but
  i me my mine we us our you your yours he him his she her they them their theirs it its this that these those
  is am are was were be been being do does did doing done have has had having will would can could shall should
  may might must what which who whom whose where when why how there here if so not no yes any some all each every
  more most less least much many very too also just only even again still up down out over under between
  per like get gets got getting make makes made making need needs needed want wants tell know show give
  please pls plz ok okay thanks thank thx ty hi hello hey yo bye goodbye cheers sure well really
  one two first second third last other same else both either neither whether
  s t don doesn isn aren what's who's how's that's it's i'm i'd i've you're they're
  typically usually generally normally often best better good
`);

/** Words that compare or join two roles. */
export const COMPARE_CUES = set(
  'vs v compared compare comparison versus difference differences differ against than',
);
export const JOINERS = set('or and vs v');

/** Pronouns and other stand-ins for a role already under discussion. */
export const REFERENCES = set('they them their theirs it its that this those these he she him her one ones');

/**
 * Nouns that end a job title. A run of words ending in one of these reads as a role name even when we do
 * not know it ("software engineer", "project manager"), so it is reported instead of guessed.
 */
export const ROLE_HEADS = set(`
  manager managers officer officers director directors engineer engineers analyst analysts developer developers
  designer designers nurse nurses teacher teachers coordinator coordinators supervisor supervisors assistant
  assistants specialist specialists consultant consultants accountant accountants lawyer lawyers doctor doctors
  plumber plumbers electrician electricians architect architects scientist scientists technician technicians
  executive executives administrator administrators clerk clerks agent agents representative representatives
  president presidents chef chefs cook cooks driver drivers writer writers editor editors programmer programmers
  lead leads head heads chief chiefs officer associate associates intern interns pilot pilots pharmacist
  pharmacists dentist dentists surgeon surgeons therapist therapists paralegal paralegals recruiter recruiters
  planner planners strategist strategists auditor auditors controller controllers secretary secretaries
  receptionist receptionists cashier cashiers mechanic mechanics carpenter carpenters firefighter firefighters
  paramedic paramedics librarian librarians professor professors lecturer lecturers tutor tutors student students
  worker workers operator operators inspector inspectors investigator investigators buyer buyers seller sellers
  salesperson salespeople marketer marketers owner owners founder founders ceo cfo cto cio cmo cpo ciso vp svp evp
  partner partners banker bankers broker brokers trader traders officer scrum master masters tester testers
`);

/** Common role acronyms: matched exactly when known, reported as unknown when not. */
export const ROLE_ACRONYMS = set(
  'ceo cfo cto cio cmo cpo cso cdo cco chro ciso vp svp evp avp hr pm gm md sre qa ux ui',
);

/** Capitalised words that are acronyms but not roles. */
export const NON_ROLE_ACRONYMS = set(
  'i ok okay usa us uk eu asap faq lol tbh imo imho btw fyi diy aka etc omg pls thx',
);

/** Greetings, thanks and goodbyes, as single words or short phrases (normalized). */
export const SMALLTALK = Object.freeze({
  greeting: set('hi hello hey hiya howdy yo greetings sup morning evening afternoon gday hallo'),
  thanks: set('thanks thank thx ty cheers appreciated tysm'),
  bye: set('bye goodbye cya later farewell goodnight'),
});

/** Determiners and other glue that may sit between words of a topic phrase. */
export const DETERMINERS = set('a an the');

/** Pronouns unified into one placeholder so "what do they do" and "what does a COO do" read alike. */
export const PRONOUNS = set('i you we they he she it one someone somebody people person me us them him her');

/** Auxiliary verb forms reduced to a base form before matching topic phrases. */
export const AUX_BASE: Readonly<Record<string, string>> = Object.freeze({
  does: 'do',
  did: 'do',
  doing: 'do',
  done: 'do',
  is: 'be',
  are: 'be',
  am: 'be',
  was: 'be',
  were: 'be',
  been: 'be',
  has: 'have',
  had: 'have',
  "what's": 'what',
  "who's": 'who',
});

/**
 * Light verbs and adjectives that mean a topic only in context ("how much do they MAKE" is pay,
 * "what MAKES a good coordinator" is not). A topic word that stems to one of these counts only near a
 * quantity word.
 */
export const LIGHT_WORDS = set('make do get have work need good be go take like look know want well lot');
export const QUANTITY_CUES = set('much more less most least higher lower per');
