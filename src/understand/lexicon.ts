/**
 * Grammar words and cue phrases the understanding stages rely on: function words, intent cues,
 * role-head nouns, focus and correction markers, abbreviations. No topic words here: those come from
 * the knowledge base (knowledge/topics.yaml). Phrases are lower case and matched on whole words.
 */
import { lookupTable } from '../text/table.js';

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Words that open a question: "WHAT does a COO earn", "WHO's the boss of ...". */
export const QUESTION_WORDS = set(`what what's who who's how how's where when which why`);

const phrases = (lines: string): readonly string[] =>
  lines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Function words: never part of a role name, never corrected as typos. */
export const STOPWORDS = set(`
  a an the of to in on at for from by with about as into onto than then vs v or and nor but besides except
  i me my mine we us our you your yours he him his she her they them their theirs it its this that these those
  is am are was were be been being do does did doing done have has had having will would can could shall should
  may might must what which who whom whose where when why how there here if so not no yes any some all each every
  more most less least much many very too also just only even again still up down out over under between
  per like get gets got getting make makes made making need needs needed want wants tell know show give
  please pls plz ok okay thanks thank thx ty hi hello hey yo bye goodbye cheers sure well really
  one two first second third last other same else both either neither whether
  s t don doesn isn aren what's who's how's that's it's i'm i'd i've you're they're
  typically usually generally normally often best better good
  everyone everybody anyone anybody someone somebody nobody noone
  meant
`);

/** Words that compare or join two roles. */
export const COMPARE_CUES = set(
  'vs v compared compare comparison versus difference differences differ different differently against than',
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

/**
 * Words before a one-word role name that do not make it another job ("a SENIOR engineer"); any other
 * qualifier does ("a PROMPT engineer" is not the engineer occupations: it is a title we do not know).
 */
export const PLAIN_QUALIFIERS = set(`
  senior junior jr sr lead principal trainee entry level experienced qualified licensed certified
  typical average new good great successful young full part time freelance self employed professional
  local independent private public staff head chief assistant deputy
`);

/** Short words of chat that are also O*NET short titles ("rn" is "right now" before it is a nurse). */
export const CHAT_SHORTHAND = set('rn pa ma am pm ad id ms mr mrs bf gf ty np ur');
/**
 * Of those, the ones that are a job in a noun's place even typed in lower case: after an article or
 * beside "vs"/"or" ("how much does an rn make", "lpn vs rn pay"), never "im a coordinator rn".
 */
export const SHORTHAND_JOBS = set('rn pa ma np');
export const NOUN_SLOT_BEFORE = set('a an the vs versus v or than');
export const NOUN_SLOT_AFTER = set('vs versus v or');

/** Common role acronyms: matched exactly when known, reported as unknown when not. */
export const ROLE_ACRONYMS = set(
  'ceo cfo cto cio cmo cpo cso cdo cco chro ciso vp svp evp avp hr pm gm md sre qa ux ui',
);

/** Capitalised words that are acronyms but not roles. */
export const NON_ROLE_ACRONYMS = set(
  'i ok okay usa us uk eu asap faq lol tbh imo imho btw fyi diy aka etc omg pls thx ai hq phd mba gpa nyc tv pc wfh it pr',
);

/**
 * Words naming people in general or by their tie to the asker ("my boss", "someone", "my sister"):
 * never reported as an unknown role, and never the role a question is about.
 */
export const GENERIC_PEOPLE = set(`
  person people someone somebody anyone anybody everyone everybody one guy guys man men woman women lady
  boy girl kid kids child children friend friends family mum mom dad father mother sister brother aunt
  uncle grandad granddad grandpa grandma grandmother grandfather son daughter wife husband partner
  boyfriend girlfriend cousin parent parents boss bosses colleague colleagues coworker coworkers member
  members staff team user users human humans adult adults teen teenager myself yourself customer
  customers client clients candidate candidates applicant applicants interviewer employee employees
  employer employers peer peers fan fans beginner newbie mate mates neighbour neighbor stranger folks
  company companies firm hire student students pupil pupils undergrad undergrads undergraduate
  undergraduates retiree retirees jobseeker jobseekers
`);

/** Greetings, thanks and goodbyes, as single words or short phrases (normalized). */
export const SMALLTALK = Object.freeze({
  greeting: set('hi hello hey hiya howdy yo greetings sup morning evening afternoon gday hallo'),
  thanks: set('thanks thank thx ty cheers appreciated tysm'),
  bye: set('bye goodbye cya later farewell goodnight'),
});

/** Determiners and other glue that may sit between words of a topic phrase. */
export const DETERMINERS = set('a an the');

/**
 * Words that sit inside a topic phrase without changing it: intensifiers, frequency adverbs and modal
 * verbs ("what makes someone REALLY good", "where do they USUALLY work", "what a COO WOULD do"). Left
 * out of topic phrases on both sides, the phrases in knowledge/topics.yaml and the question.
 */
export const TOPIC_FILLERS = set(`
  really very so super actually just truly quite pretty basically honestly literally genuinely even
  usually typically generally normally often mostly mainly commonly
  would will could should might may
`);

/** Pronouns unified into one placeholder so "what do they do" and "what does a COO do" read alike. */
export const PRONOUNS = set('i you we they he she it one someone somebody people person me us them him her');

/** Auxiliary verb forms reduced to a base form before matching topic phrases. */
export const AUX_BASE: Readonly<Record<string, string>> = lookupTable({
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
/**
 * Words of a rate ("per year", "an hour", "annual"): pay when nothing else is asked, but only the unit
 * of another topic's figure when one is ("openings PER YEAR", "hours A WEEK").
 */
/**
 * Everyday words that share a stem with a topic word but do not name the topic on their own: "open"
 * (openings), "set" (setting), "code" (coding): "keep my options OPEN" is not about job openings.
 */
export const NOT_TOPIC_ALONE = set('open set code');
export const RATE_WORDS = set('yearly annual annually hourly monthly weekly');
/** What may make up a rate phrase besides `RATE_WORDS` ("per year", "an hour"); "hours" alone is hours. */
export const RATE_PHRASE_WORDS = set('per a an each every year years hour hours month months week weeks');

/** Asking for help with the bot itself. */
export const HELP_PHRASES = phrases(`
  help
  what can you do
  what do you do
  how does this work
  how do you work
  how does this bot work
  how do i use this
  how do i use you
  commands
  who are you
  what are you
  usage
  what can i ask
  what should i ask
  menu
`);

/** Nouns and verbs that, together, ask for the list of roles ("which roles do you know"). */
export const LIST_NOUNS = set(
  'roles role jobs job careers positions titles comparisons articles professions occupations trade trades',
);
export const LIST_VERBS = set('which what list know cover covered have available all show support supported');
export const LIST_PHRASES = phrases(`
  what can i compare
  what can you compare
  what do you know about
  what do you know
`);

export const SMALLTALK_OTHER = phrases(`
  how are you
  how r u
  how are you
  what's up
  whats up
  lol
  lmao
  cool
  nice
  great
  ok
  okay
  good bot
  awesome
  haha
`);

/** Openings that continue the conversation ("and skills?", "what about the COO?"). */
export const FOLLOW_UP_STARTS = phrases(`
  and
  what about
  how about
  what of
  same for
  also
  now
  ok and
  then
`);
/** Words anywhere in a message that mark it as continuing the conversation ("the head of ops then"). */
export const FOLLOW_UP_WORDS = set('then instead too also either');

export const AFTER_PHRASES = phrases(`
  after
  next step
  next steps
  next role
  next move
  next level
  go next
  move on to
  promoted from
  promotion from
  progress from
  move up from
  lead to
  leads to
  beyond
  comes next
  career progression
  where can
  go from here
`);
export const INTO_PHRASES = phrases(`
  way into
  way in to
  route into
  path into
  pathway into
  stepping stone to
  stepping stone into
  become
  becoming
  end up as
  end up being
  feed into
  feeds into
  come from before
  get into
  break into
  get a job as
  how to be
  path to
  path into
  route into
  transition into
  move into
  moving into
  move up into
  move up to
  moving up to
  work my way up to
  get to be
  qualify as
  get hired as
`);
export const PATH_WORDS = set('path pathway route ladder progression journey roadmap');
/** Verbs of moving up: "promoted to", "move up to", "go from ... to". */
export const MOVE_WORDS = set(
  'promoted promotion move moving go going get progress transition step jump advance raise bump gain switch',
);

/** Interjections that open a message without changing it ("ok, what about..."). */
export const OPENERS = set(
  'ok okay so hmm well alright right cool great nice thanks oh um uh anyway anyways hm',
);

export const ORDINALS: Readonly<Record<string, number>> = lookupTable({
  first: 0,
  '1': 0,
  '1st': 0,
  one: 0,
  second: 1,
  '2': 1,
  '2nd': 1,
  two: 1,
  third: 2,
  '3': 2,
  '3rd': 2,
  three: 2,
  fourth: 3,
  '4': 3,
  '4th': 3,
  four: 3,
  fifth: 4,
  '5': 4,
  five: 4,
});

/**
 * Rankings: words that ask for an order ("which pays the MOST", "RANK them") and words that point at
 * everything the bot knows ("YOUR roles", "the jobs you KNOW", "HERE").
 */
export const RANK_WORDS = set(
  'most highest lowest least best worst top biggest largest rank ranking ranked sort sorted order leaderboard',
);
export const RANK_PHRASES = phrases(`
  highest to lowest
  lowest to highest
  by pay
  by salary
  by salaries
  by wage
  by wages
  by earnings
  by income
  in order of
  best paid
  worst paid
  top earner
  biggest earner
  league table
  pecking order
  pays best
  pays the best
`);
export const ALL_ROLES_PHRASES = phrases(`
  your roles
  your jobs
  your list
  you know
  you cover
  you have
  all the roles
  all the jobs
  all roles
  all jobs
  all of them
  every role
  every job
  everything
  of all
  out of all
  of the lot
  of them all
  of the bunch
  out of everyone
  here
  in your list
  on your list
  among the roles
  the roles you know
`);
/** Pointers back at the roles just discussed: "which of THESE", "both", "the two". */
export const GROUP_PHRASES = phrases(`
  which of these
  which of them
  which of those
  which of the two
  of the two
  of these
  of them
  between them
  between the two
  both
  the two
  these two
  those two
  them both
  either of them
  compare them
  compare their
  compare these
  the three
  the four
  the five
  all three
  all four
  all five
  these three
  these four
`);

/**
 * Focus: markers that a role is context, not what is asked about. Self: the asker's own job ("I'm an
 * ops coordinator"). Others: someone else's job ("my dad was a COO", "interviewed with a head of ops").
 * Negations and corrections: "not the COO", "forget the coordinator", "head of ops aside", "~~COO~~".
 */
export const SELF_PHRASES = phrases(`
  i'm a
  i'm an
  i'm the
  i'm currently a
  i'm currently an
  i'm just a
  i'm just an
  i am a
  i am an
  i am the
  i was a
  i was an
  i used to be a
  i used to be an
  i work as a
  i work as an
  i've been a
  i've been an
  currently a
  currently an
  my job is
  my title is
  my role is
  my current role is
  my current job is
  my linkedin says
  my cv says
  my resume says
  got made
  got made a
  got made into
  was made
  got promoted to
  was promoted to
  been promoted to
  just promoted to
  promoted to
  got hired as
  was hired as
`);
/** "my <person> is/was a <role>": the role of someone the asker knows. */
export const RELATIVE_VERBS = set("is was 's are were works worked became becomes");
export const MEET_VERBS = set(
  'interviewed interviewing interview spoke speaking talked talking met meeting chatted worked working',
);
/** References to the asker's own job: "what's the salary for MY JOB". */
export const MY_JOB_PHRASES = phrases(`
  my job
  my role
  my position
  my title
  my career
  my current job
  my current role
  what i do
  people like me
`);
export const NEGATION_PREFIXES = phrases(`
  not interested in
  not into
  don't care about
  not
  not asking about
  not about
  not talking about
  not the
  forget
  forget about
  ignore
  never mind
  nevermind
  nvm
  was gonna ask about
  was going to ask about
  instead of
  rather than
  other than
  apart from
  except
  leaving aside
  leave aside
  no longer
`);
/** Markers that take back what came before them in the message: "COO... sorry no, head of ops". */
export const TAKE_BACK_PHRASES = phrases(`
  scratch that
  scrap that
  strike that
  cancel that
  forget that
  sorry no
  no wait
  wait no
  no no
  nope
  actually no
  no sorry
  never mind
  nevermind
  nvm
  my bad
  sorry typo
  typo
  i mean
  i meant
  sorry meant
  sry meant
  soz meant
  meant to say
  i meant to say
`);
/**
 * Markers that turn to what the asker really wants to know: a role named after one is the focus and
 * the roles before it are context ("my recruiter sends me coordinator jobs, but I want to know what heads
 * of ops do"). Only when a role follows: "COO vs head of ops, I want to know the pay" compares both.
 */
export const PIVOT_PHRASES = phrases(`
  i want to know
  i wanna know
  want to know about
  i'd like to know
  id like to know
  i'm asking about
  im asking about
  i'm interested in
  im interested in
  i'm curious about
  im curious about
  what i want to know
  my question is about
  my question is
  the question is about
  my actual question is
  but seriously
  seriously though
  jokes aside
  joking aside
`);
/** Markers after a role that set it aside: "head of ops ASIDE". */
export const NEGATION_SUFFIXES = set('aside');

/** A short correction of the last message: "sorry, I meant the COO", "oops, ops manager*". */
export const REPAIR_PHRASES = phrases(`
  i meant
  i mean
  meant
  sorry
  oops
  whoops
  no
  correction
  typo
  actually
  not that
  rather
`);

/**
 * Relations from the ladder facts: "the person they report to", "their boss", "the coordinators who
 * report to them". `up` points at the role's reportsTo, `down` at the roles reporting to it.
 */
export const RELATION_UP = phrases(`
  the person they report to
  the person they answer to
  the person who they report to
  the one they report to
  whoever they report to
  whoever they answer to
  who they report to
  who they answer to
  the person above them
  the person they work for
  the role above
  the role above them
  their boss
  their manager
  their line manager
  their supervisor
  the boss
  his boss
  her boss
`);
export const RELATION_DOWN = phrases(`
  who report to them
  who reports to them
  that report to them
  that reports to them
  who report to
  who reports to
  reporting to them
  who answer to them
  who work for them
  under them
  their team
  their reports
  their direct reports
`);
/** "an ops coordinator's manager", "the coordinator's boss", "the CHEF of an ops coordinator" (boss, in French or German): the role the first one reports to. */
export const POSSESSED_BOSS = set('manager boss supervisor superior chief chef');

/** Names of sites and apps people cite, which no dictionary has: never typos ("someone on REDDIT said"). */
export const SITE_NAMES = set(`
  reddit linkedin glassdoor tiktok youtube instagram insta facebook twitter discord google quora chatgpt
  payscale ziprecruiter upwork fiverr whatsapp snapchat
`);
/**
 * Requests the bot cannot fulfil: tasks (write, apply, send, remind...), the objects of such tasks
 * (CV, cover letter, job ad...) and subjects outside careers (weather...). Matched on whole words.
 */
export const TASK_VERBS = set(`
  write rewrite draft fix check review proofread edit format polish improve apply send submit post
  remind schedule book generate create make build prepare do find get translate summarize summarise
  email message text call negotiate sign register hire sum grade mark rate critique assess calculate
  set
`);
/** Verbs that hand the asker something: a request only with a task object ("give me interview questions"). */
export const HANDING_VERBS = set('give send show hand');
export const REQUEST_OPENERS = phrases(`
  can you
  can u
  could you
  could u
  would you
  will you
  pls
  please
  plz
  i need you to
  i want you to
  help me
  can you help me
  can you please
  could you please
  let's
  lets
  let us
`);
export const TASK_OBJECTS = phrases(`
  cv
  resume
  cover letter
  resignation letter
  reference letter
  recommendation letter
  job ad
  job ads
  job advert
  job posting
  job post
  job application
  application
  mock interview
  interview questions
  interview practice
  study plan
  email
  linkedin profile
  portfolio
  bullet points
  timesheet
  contract
`);
/**
 * A place near the asker is out of scope only in a job search ("ops manager jobs near me", "find me
 * work in my area"); "plumber pay? saw an ad near me" and "what do vets near me make" are questions.
 */
export const NEAR_ME_PHRASES = phrases(`
  near me
  in my area
  around me
`);
export const JOB_SEARCH_WORDS = set('jobs find search searching looking hiring openings vacancies listings');
/**
 * Job listings: a job search ("any job openings for plumbers?") unless the question asks how many
 * there are, which the outlook figures answer ("how many job openings a year for nurses").
 */
export const JOB_LISTING_PHRASES = phrases(`
  job openings
  openings near
  vacancies
  job vacancies
  job listings
`);
export const STATISTIC_CUES = phrases(`
  how many
  number of
  per year
  a year
  each year
  every year
  yearly
  annual
  annually
  projected
  expected
  outlook
  growth
  growing
  demand
  trend
  future
`);
export const OUT_OF_SCOPE_PHRASES = phrases(`
  weather
  who's hiring
  who is hiring
  hiring near me
  apply for me
  apply to
  remind me
  tell me a joke
  joke
  news
  stock price
  lottery
  recipe
  translate
  football
  score
  if i'll get
  if i will get
  whether i'll get
  whether i will get
  will i get the job
  am i going to get the job
  my chances of getting
  did i get the job
  work out my
  figure out my
  calculate my
  what stocks
  which stocks
  buy stocks
  stocks should i
  should i buy
  crypto
  bitcoin
  negotiate my
  negotiate for me
  reply to this
  respond to this
  answer this recruiter
  pretend you're
  pretend you are
  pretend to be
  act as my
  act as an
  act as a
  roleplay
  role play
  grill me
  quiz me
`);
/** Verbs that ask about careers, which keep a message in scope even when it mentions a CV. */
export const IN_SCOPE_VERBS = set('earn earns make makes paid pay need needs require requires');

/** Abbreviations of role words, expanded when a name matches no role as typed ("ops mngr", "vet techs"). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = lookupTable({
  mgr: 'manager',
  mngr: 'manager',
  mgmt: 'management',
  coord: 'coordinator',
  ops: 'operations',
  op: 'operations',
  exec: 'executive',
  admin: 'administrator',
  asst: 'assistant',
  tech: 'technician',
  vet: 'veterinarian',
  physio: 'physical therapist',
  dev: 'developer',
  devs: 'developer',
  eng: 'engineer',
  engr: 'engineer',
  rep: 'representative',
  dept: 'department',
  acct: 'accountant',
  sr: 'senior',
  jr: 'junior',
  prof: 'professor',
  doc: 'doctor',
  pharm: 'pharmacy',
  supv: 'supervisor',
  trucker: 'truck driver',
  truckers: 'truck driver',
});

/**
 * A field named for the job that works in it, inside a role name: "moving into ops MANAGEMENT" is the
 * operations manager's job. Only inside a name of two words or more; never alone.
 */
export const FIELD_AGENTS: Readonly<Record<string, string>> = lookupTable({
  management: 'manager',
  coordination: 'coordinator',
  administration: 'administrator',
  supervision: 'supervisor',
  engineering: 'engineer',
  accounting: 'accountant',
  consulting: 'consultant',
  nursing: 'nurse',
  teaching: 'teacher',
  development: 'developer',
  analysis: 'analyst',
  analytics: 'analyst',
  design: 'designer',
  plumbing: 'plumber',
  carpentry: 'carpenter',
  dentistry: 'dentist',
});

/** Every word of the cue lists above: spelling correction may correct towards them. */
export const CUE_WORDS: ReadonlySet<string> = new Set(
  [
    ...STOPWORDS,
    ...COMPARE_CUES,
    ...HELP_PHRASES,
    ...LIST_NOUNS,
    ...LIST_VERBS,
    ...LIST_PHRASES,
    ...FOLLOW_UP_STARTS,
    ...AFTER_PHRASES,
    ...INTO_PHRASES,
    ...PATH_WORDS,
    ...MOVE_WORDS,
    ...RANK_WORDS,
    ...RANK_PHRASES,
    ...ALL_ROLES_PHRASES,
    ...GROUP_PHRASES,
    ...SELF_PHRASES,
    ...NEGATION_PREFIXES,
    ...TAKE_BACK_PHRASES,
    ...RELATION_UP,
    ...RELATION_DOWN,
    ...TASK_VERBS,
    ...TASK_OBJECTS,
    ...OUT_OF_SCOPE_PHRASES,
    ...PRONOUNS,
    'people',
    'someone',
    'difference',
    'between',
  ]
    .flatMap((p) => p.split(' '))
    .filter((w) => /^[a-z]+$/.test(w)),
);
