// Demo data for the emulators: deterministic (fixed tables, and a seeded PRNG for the history; times relative to the
// seed's `now`), so every `npm start` shows the same programme and tests can name people. Pure: seed.ts writes it.
import {
  DEPARTMENTS,
  FEEDBACK,
  MATCHING,
  addRating,
  buildSearchTokens,
  defaultEmailPrefs,
  matchIdOf,
  medianOf,
  planResponsiveness,
  ratingScore,
  type Department,
  type EmailPrefs,
  type MatchDoc,
  type MatchStatus,
  type ProfileFields,
  type Role,
} from "@mentormatch/shared";
import { planReminders } from "@mentormatch/shared/scheduling";
import { bookingLockIds, proposalLockIds } from "../functions/src/planners/session.js";
import { planHistory, prng, type SeedFeedback, type SeedMiniRequest, type SeedSession } from "./seed-history.js";

export const SEED_PASSWORD = "mentormatch123";
export const SEED_EMAIL_DOMAIN = "mentormatch.dev";

/**
 * Sam's calendar feed, so the demo shows one that is on (Settings) and one to subscribe to: a fixed token, because
 * only its hash is stored and `npm start` prints the address. It opens the local emulators' data only.
 */
export const SEED_CALENDAR_FEED = { uid: "mentee-01", token: "demo-sam-okafor-calendar-feed-0000000000000" } as const;

/** Logins shown on the web login page, in the README and used by the browser tests. */
export const DEMO_LOGINS = {
  admin: { email: "admin@mentormatch.dev", password: SEED_PASSWORD, uid: "admin-01", displayName: "Morgan Reyes" },
  mentor: { email: "ada.lovelace@mentormatch.dev", password: SEED_PASSWORD, uid: "mentor-01", displayName: "Ada Lovelace" },
  mentee: { email: "sam.okafor@mentormatch.dev", password: SEED_PASSWORD, uid: "mentee-01", displayName: "Sam Okafor" },
} as const;

export interface SeedUser {
  uid: string;
  email: string;
  role: Role;
  profile: ProfileFields & {
    activeMenteeCount: number;
    ratingAvg: number;
    ratingCount: number;
    ratingScore: number;
    sessionCount: number;
    searchTokens: string[];
  };
  emailPrefs: EmailPrefs;
  /** Mentors who have answered requests: the fn-only responsiveness fields (seed.ts dates `lastActiveAt`). */
  responsiveness?: SeedResponsiveness;
}

export interface SeedNotification {
  uid: string;
  id: string;
  kind: "welcome" | "announcement";
  text: string;
  link: string;
}

type MentorRow = [
  name: string,
  title: string,
  department: Department,
  expertise: string[],
  bio: string,
  capacity: number,
  /** How mentees usually rate them: the seeded ratings scatter around it. */
  typicalRating: number,
  /** How active they have been (sessions before the demo's history): weights who mentored in the past months. */
  experience: number,
  timezone: string,
];

const MENTORS: MentorRow[] = [
  ["Ada Lovelace", "Principal Engineer", "Engineering", ["typescript", "system design", "code review"], "I have spent fifteen years building developer platforms. I enjoy helping engineers grow from writing features to shaping systems. Bring me your design docs.", 4, 4.9, 52, "Europe/London"],
  ["Grace Hopper", "Engineering Manager", "Engineering", ["leadership", "compilers", "career growth"], "I manage a team of twelve across three time zones. I mentor new managers and senior engineers thinking about the management track.", 3, 4.8, 60, "America/New_York"],
  ["Linus Park", "Staff Site Reliability Engineer", "Engineering", ["kubernetes", "incident response", "observability"], "I keep large systems running and help teams sleep through the night. Happy to review runbooks and talk on-call culture.", 2, 4.6, 21, "America/Los_Angeles"],
  ["Margaret Hamilton", "Director of Engineering", "Engineering", ["reliability", "architecture", "hiring"], "I lead platform engineering and care deeply about software that cannot fail. I mentor senior engineers on architecture and influence.", 2, 5.0, 14, "America/Chicago"],
  ["Priya Natarajan", "Group Product Manager", "Product", ["product strategy", "roadmapping", "stakeholder management"], "I have shipped products in fintech and health. I help PMs turn ambiguous problems into crisp bets and say no with confidence.", 4, 4.7, 35, "Asia/Kolkata"],
  ["Diego Fernández", "Senior Product Manager", "Product", ["discovery", "experimentation", "analytics"], "Former engineer turned PM. I like helping people make the jump into product and run their first experiments.", 3, 4.4, 12, "Europe/Madrid"],
  ["Hannah Schmidt", "Product Lead, Growth", "Product", ["growth", "pricing", "product strategy"], "I run growth for our self-serve business. Ask me about pricing pages, activation funnels and how to prioritise a noisy backlog.", 2, 3.9, 8, "Europe/Berlin"],
  ["Yuki Tanaka", "Principal Product Designer", "Design", ["interaction design", "design systems", "accessibility"], "I lead our design system and accessibility work. I mentor designers on craft, critique and working closely with engineers.", 3, 4.9, 47, "Asia/Tokyo"],
  ["Olivia Bennett", "UX Research Lead", "Design", ["user research", "usability testing", "interviewing"], "Research is how we stop guessing. I help designers and PMs plan studies, run interviews and turn findings into decisions.", 4, 4.5, 19, "Australia/Sydney"],
  ["Kwame Mensah", "Senior Visual Designer", "Design", ["branding", "illustration", "portfolio review"], "I design our brand and marketing visuals. Happy to review portfolios and talk about finding your visual voice.", 5, 4.2, 9, "Africa/Accra"],
  ["Fatima Al-Sayed", "Head of Data Science", "Data Science", ["machine learning", "python", "experimentation"], "I lead a team of data scientists working on recommendations and forecasting. I mentor on modelling, statistics and data careers.", 3, 4.8, 31, "Asia/Dubai"],
  ["Tom Eriksen", "Senior Data Engineer", "Data Science", ["sql", "data pipelines", "dbt"], "I build the pipelines everyone else relies on. I can help with SQL, warehouse design and making data trustworthy.", 4, 4.3, 16, "Europe/Oslo"],
  ["Mei Chen", "Machine Learning Engineer", "Data Science", ["machine learning", "mlops", "python"], "I put models into production and keep them healthy. Ask me about feature stores, evaluation and moving from notebooks to services.", 2, 4.6, 10, "Asia/Shanghai"],
  ["Sophie Laurent", "Content Marketing Manager", "Marketing", ["content strategy", "copywriting", "seo"], "I write and edit for a living and love helping others find their voice. I mentor on storytelling, SEO and editorial planning.", 3, 4.7, 23, "Europe/Paris"],
  ["Raj Patel", "Director of Product Marketing", "Marketing", ["positioning", "go-to-market", "public speaking"], "I have launched a dozen products. I help people position what they build and present it with confidence.", 2, 4.1, 15, "America/Toronto"],
  ["Chloe Martin", "Performance Marketing Lead", "Marketing", ["paid acquisition", "analytics", "experimentation"], "I run our paid channels and obsess over measurement. I can help you read a dashboard and design a clean test.", 4, 0, 0, "America/Denver"],
  ["Marcus Johnson", "Enterprise Account Executive", "Sales", ["negotiation", "enterprise sales", "discovery calls"], "Ten years closing enterprise deals. I mentor on discovery calls, negotiation and building trust with large customers.", 3, 4.5, 28, "America/New_York"],
  ["Elena Rossi", "Sales Engineering Manager", "Sales", ["solution architecture", "demos", "technical sales"], "I bridge engineering and sales. If you want to move into a customer-facing technical role, let us talk.", 3, 4.9, 18, "Europe/Rome"],
  ["Aisha Bello", "Senior Financial Analyst", "Finance", ["financial modelling", "excel", "budgeting"], "I build the models behind our planning cycle. I mentor on financial modelling and explaining numbers to non-finance people.", 4, 4.4, 13, "Africa/Lagos"],
  ["Henrik Larsen", "Controller", "Finance", ["accounting", "audit", "career growth"], "Qualified accountant and controller. Happy to help with professional exams, audits and the path to finance leadership.", 2, 3.8, 6, "Europe/Copenhagen"],
  ["Rosa Delgado", "People Partner", "People", ["career growth", "feedback", "performance reviews"], "I partner with managers on growing their teams. I mentor on giving feedback, writing reviews and planning a career.", 5, 4.8, 40, "America/Mexico_City"],
  ["Ben Carter", "Talent Acquisition Lead", "People", ["interviewing", "hiring", "resume review"], "I have read thousands of CVs and run hundreds of interviews. Let me help you prepare for yours, from either side of the table.", 5, 4.6, 34, "Europe/Dublin"],
  ["Nadia Petrova", "Operations Manager", "Operations", ["process improvement", "project management", "vendor management"], "I make things run smoothly. I mentor on project management, process design and managing vendors.", 3, 4.2, 11, "Europe/Warsaw"],
  ["Samuel Osei", "Business Operations Lead", "Operations", ["strategy", "analytics", "okrs"], "I run planning and OKRs for the company. Ask me about strategy, prioritisation and turning goals into plans.", 2, 4.7, 7, "Africa/Nairobi"],
  ["Clara Hoffmann", "Senior Counsel", "Legal", ["contracts", "privacy", "compliance"], "I advise on commercial contracts and privacy. I mentor people curious about in-house legal work and privacy careers.", 2, 4.9, 5, "Europe/Zurich"],
  ["Daniel Kim", "Customer Success Manager", "Customer Success", ["onboarding", "customer communication", "renewals"], "I help our biggest customers get value from day one. I mentor on difficult conversations and customer-facing skills.", 4, 4.3, 22, "Asia/Seoul"],
  ["Lucía Romero", "Head of Support", "Customer Success", ["support operations", "leadership", "customer communication"], "I built our support team from three to forty people. I mentor new team leads and anyone who wants to grow in support.", 3, 4.6, 26, "America/Sao_Paulo"],
  ["Oscar Nilsson", "Frontend Engineer", "Engineering", ["react", "css", "accessibility"], "I build our web app and care about fast, accessible interfaces. I mentor juniors on React, CSS and getting code reviewed.", 3, 4.0, 4, "Europe/Stockholm"],
];

const MENTEE_NAMES = [
  "Sam Okafor", "Lena Fischer", "Arjun Mehta", "Zoe Thompson", "Mateo García", "Amara Nwosu", "Jonas Weber", "Isla MacDonald",
  "Hiroshi Sato", "Leila Haddad", "Noah Williams", "Ana Souza", "Felix Novak", "Maya Cohen", "Kofi Asante", "Ingrid Berg",
  "Lucas Moreau", "Sara Lindqvist", "Omar Farouk", "Emily Clarke", "Ravi Shankar", "Julia Kowalski", "Daniel Ortiz", "Chiara Bianchi",
  "Wei Zhang", "Grace Mwangi", "Ethan Brooks", "Nora Jensen", "Ali Rahman", "Camille Dubois", "Tariq Hussain", "Hana Yoshida",
  "Victor Popescu", "Laura Martínez", "Kenji Watanabe", "Abena Owusu", "Liam O'Connor", "Sofia Andersson", "Pablo Ruiz", "Freya Nielsen",
];

const GOALS: [Department, string, string[]][] = [
  ["Engineering", "Junior Software Engineer", ["Get better at system design interviews", "Write clearer pull requests", "Learn TypeScript deeply"]],
  ["Product", "Associate Product Manager", ["Run my first discovery interviews", "Write a product strategy doc"]],
  ["Design", "Product Designer", ["Build a stronger portfolio", "Learn to run usability tests"]],
  ["Data Science", "Data Analyst", ["Move from analytics to machine learning", "Improve my SQL"]],
  ["Marketing", "Marketing Coordinator", ["Plan a content calendar", "Understand paid acquisition metrics"]],
  ["Sales", "Sales Development Representative", ["Handle objections on discovery calls", "Prepare for an account executive role"]],
  ["Finance", "Finance Associate", ["Build a three-statement model", "Present numbers to leadership"]],
  ["People", "People Coordinator", ["Learn to run structured interviews", "Understand performance review cycles"]],
  ["Operations", "Operations Analyst", ["Lead a cross-team project", "Learn OKR planning"]],
  ["Legal", "Legal Assistant", ["Understand privacy law basics", "Review commercial contracts"]],
  ["Customer Success", "Support Specialist", ["Handle difficult customer conversations", "Grow into a team lead role"]],
];

const MENTEE_ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Europe/Berlin", "America/Los_Angeles", "Africa/Lagos", "Asia/Singapore", "Australia/Melbourne"];

const pad = (n: number) => String(n).padStart(2, "0");

/** "Ada Lovelace" → "ada.lovelace@mentormatch.dev"; accents and apostrophes dropped. */
export function seedEmail(name: string): string {
  const local = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z\s-]/g, "")
    .trim()
    .split(/[\s-]+/)
    .join(".");
  return `${local}@${SEED_EMAIL_DOMAIN}`;
}

type ProfileStats = Pick<SeedUser["profile"], "ratingAvg" | "ratingCount" | "ratingScore" | "sessionCount">;
const NO_STATS: ProfileStats = { ratingAvg: 0, ratingCount: 0, ratingScore: ratingScore(0, 0), sessionCount: 0 };

function user(uid: string, email: string, role: Role, fields: ProfileFields): SeedUser {
  return {
    uid,
    email,
    role,
    profile: {
      ...fields,
      ...NO_STATS,
      activeMenteeCount: 0,
      searchTokens: buildSearchTokens({ displayName: fields.displayName, expertise: fields.expertise }),
    },
    emailPrefs: defaultEmailPrefs(),
  };
}

/** Mentors as their profiles start, before the seeded matches, answers, sessions and ratings are counted into them. */
function baseMentors(): SeedUser[] {
  return MENTORS.map(([name, title, department, expertise, bio, capacity, _typical, _experience, timezone], i) =>
    user(`mentor-${pad(i + 1)}`, seedEmail(name), "mentor", {
      displayName: name,
      title,
      department,
      expertise,
      learningGoals: [],
      bio,
      avatarUrl: "",
      timezone,
      capacity,
      acceptingRequests: i % 9 !== 8,
    }),
  );
}

/**
 * Mentors with `activeMenteeCount` = their accepted seeded matches, responsiveness where they have answered, and
 * `sessionCount` and the rating fields as completeSession and submitFeedback would have left them after the seeded
 * history (dated from `now`).
 */
export function seedMentors(now: number = Date.now()): SeedUser[] {
  const matches = seedMatches();
  const responsiveness = seedResponsiveness();
  const stats = seedProfileStats(now);
  return baseMentors().map((mentor) => {
    const answers = responsiveness[mentor.uid];
    return {
      ...mentor,
      profile: { ...mentor.profile, ...(stats.get(mentor.uid) ?? NO_STATS), activeMenteeCount: acceptedCountOf(mentor.uid, matches) },
      ...(answers ? { responsiveness: answers } : {}),
    };
  });
}

/** Mentees with `sessionCount` from the seeded history (dated from `now`). */
export function seedMentees(now: number = Date.now()): SeedUser[] {
  const stats = seedProfileStats(now);
  return baseMentees().map((mentee) => ({ ...mentee, profile: { ...mentee.profile, ...(stats.get(mentee.uid) ?? NO_STATS) } }));
}

function baseMentees(): SeedUser[] {
  return MENTEE_NAMES.map((name, i) => {
    const [department, title, goals] = GOALS[i % GOALS.length]!;
    return user(
      `mentee-${pad(i + 1)}`,
      seedEmail(name),
      "mentee",
      {
        displayName: name,
        title,
        department,
        expertise: [],
        learningGoals: goals.slice(0, 1 + (i % goals.length)),
        bio: `${title} in ${department}. Looking for a mentor to help me ${goals[0]!.charAt(0).toLowerCase()}${goals[0]!.slice(1)}.`,
        avatarUrl: "",
        timezone: MENTEE_ZONES[i % MENTEE_ZONES.length]!,
        capacity: 0,
        acceptingRequests: false,
      },
    );
  });
}

export function seedAdmins(): SeedUser[] {
  const { uid, email, displayName } = DEMO_LOGINS.admin;
  return [
    user(
      uid,
      email,
      "admin",
      {
        displayName,
        title: "Mentoring Programme Lead",
        department: "People",
        expertise: [],
        learningGoals: [],
        bio: "I run the mentoring programme. Write to me if something is not working for you.",
        avatarUrl: "",
        timezone: "Europe/London",
        capacity: 0,
        acceptingRequests: false,
      },
    ),
  ];
}

export function seedUsers(now: number = Date.now()): SeedUser[] {
  return [...seedAdmins(), ...seedMentors(now), ...seedMentees(now)];
}

/** Welcome notifications for the demo logins, so the bell has something in it on first sign-in. */
export function seedNotifications(): SeedNotification[] {
  return [
    { uid: DEMO_LOGINS.mentor.uid, id: `welcome_${DEMO_LOGINS.mentor.uid}`, kind: "welcome", text: "Welcome to MentorMatch, Ada Lovelace! Keep your expertise and capacity up to date so mentees can find you.", link: "/profile" },
    { uid: DEMO_LOGINS.mentee.uid, id: `welcome_${DEMO_LOGINS.mentee.uid}`, kind: "welcome", text: "Welcome to MentorMatch, Sam Okafor! Browse the directory to find a mentor.", link: "/mentors" },
    { uid: DEMO_LOGINS.admin.uid, id: "announcement_seed", kind: "announcement", text: `The demo programme is seeded: ${MENTORS.length} mentors and ${MENTEE_NAMES.length} mentees.`, link: "/admin" },
  ];
}

/** Departments with at least one mentor; the seed covers every one. */
export function seededDepartments(): Department[] {
  const used = new Set(baseMentors().map((mentor) => mentor.profile.department));
  return DEPARTMENTS.filter((department) => used.has(department));
}

export interface SeedAuditEntry {
  id: string;
  daysAgo: number;
  action: "role_changed" | "invite_created";
  targetUid: string | null;
  targetName: string | null;
  targetEmail: string | null;
  from: Role | null;
  to: Role | null;
}

/** A short history on the admin People page: the programme lead set up a few roles and invited a contractor. */
export function seedAuditLog(): SeedAuditEntry[] {
  const mentors = baseMentors();
  const byIndex = (i: number) => mentors[i]!;
  const change = (id: string, daysAgo: number, i: number, from: Role): SeedAuditEntry => ({
    id,
    daysAgo,
    action: "role_changed",
    targetUid: byIndex(i).uid,
    targetName: byIndex(i).profile.displayName,
    targetEmail: byIndex(i).email,
    from,
    to: "mentor",
  });
  return [
    change("seed-role-1", 40, 1, "mentee"),
    change("seed-role-2", 21, 4, "mentee"),
    change("seed-role-3", 6, 7, "mentee"),
    { id: "seed-invite-1", daysAgo: 2, action: "invite_created", targetUid: null, targetName: null, targetEmail: SEED_INVITE_EMAIL, from: null, to: null },
  ];
}

/** An open invitation for an address outside the organisation (a contractor), shown on the People page. */
export const SEED_INVITE_EMAIL = "priya.raman.contractor@gmail.com";

// ---- matches and chat --------------------------------------------------------------------------------------------

const HOUR = 1;
const DAY = 24 * HOUR;

/**
 * One seeded match, its times in hours before the seed runs (seed.ts turns them into Timestamps from now).
 * `expiresAt` is `requestedAt` + MATCHING.requestDays, as requestMatch writes it.
 */
export interface SeedMatch {
  mentorId: string;
  menteeId: string;
  status: MatchStatus;
  round: number;
  message: string;
  /** Absent: the mentee's profile learning goals, as the request form prefills them. */
  goals?: string[];
  responseMessage: string;
  requestedHoursAgo: number;
  /** Accepted or declined (and, for an ended match, when it was accepted); null otherwise. */
  respondedHoursAgo: number | null;
  endedHoursAgo: number | null;
  endedBy: string | null;
  endMessage: string;
}

/** What the seeded match document holds, with every timestamp as hours before now (null stays null). */
export type SeedMatchDoc = Omit<MatchDoc, "requestedAt" | "expiresAt" | "respondedAt" | "endedAt" | "createdAt" | "updatedAt"> & {
  id: string;
  requestedHoursAgo: number;
  expiresHoursAgo: number;
  respondedHoursAgo: number | null;
  endedHoursAgo: number | null;
  createdHoursAgo: number;
  updatedHoursAgo: number;
};

const pending = (mentorId: string, menteeId: string, requestedHoursAgo: number, message: string, goals?: string[]): SeedMatch => ({
  mentorId, menteeId, status: "pending", round: 1, message, goals, responseMessage: "",
  requestedHoursAgo, respondedHoursAgo: null, endedHoursAgo: null, endedBy: null, endMessage: "",
});
const accepted = (mentorId: string, menteeId: string, requestedHoursAgo: number, respondedHoursAgo: number, message: string, responseMessage: string, goals?: string[]): SeedMatch => ({
  ...pending(mentorId, menteeId, requestedHoursAgo, message, goals), status: "accepted", respondedHoursAgo, responseMessage,
});

const ADA = DEMO_LOGINS.mentor.uid;
const SAM = DEMO_LOGINS.mentee.uid;

const MATCHES: SeedMatch[] = [
  // The demo mentee: mentored by Ada for a little over two weeks, and waiting to hear from Margaret.
  accepted(ADA, SAM, 17 * DAY, 16 * DAY + 20 * HOUR,
    "Hi Ada, I'm a junior engineer on the payments team. I keep freezing in system design interviews and would love a structured way to practise. Could we work through a design problem every couple of weeks?",
    "Happy to, Sam. Bring a problem you've been asked before and we'll whiteboard it together.",
    ["Get better at system design interviews", "Write clearer design docs"]),
  pending("mentor-04", SAM, 2 * DAY + 20 * HOUR,
    "Hi Margaret, Ada is helping me with system design interviews; I'd also like someone to talk to about reliability and how senior engineers build influence. Would you have room for a monthly chat?",
    ["Understand how to design for reliability", "Build influence as an engineer"]),
  // Ada: 3 of 4 places taken, 2 requests waiting, one declined and one expired in the past.
  accepted(ADA, "mentee-12", 40 * DAY, 39 * DAY + 3 * HOUR,
    "Hello Ada! I moved from QA into backend development six months ago. I'd like help reviewing my pull requests and learning TypeScript properly rather than copy-pasting types.",
    "Welcome aboard, Ana. Send me your next PR before you open it and we'll go through it together.",
    ["Write clearer pull requests", "Learn TypeScript deeply"]),
  accepted(ADA, "mentee-34", 26 * DAY, 25 * DAY + 18 * HOUR,
    "Hi Ada, I'm preparing for a promotion to mid-level engineer next cycle. My manager says my code is solid but my design docs are thin. Could you help me write better ones?",
    "Yes! Design docs are my favourite topic. Share your last one and we'll start there.",
    ["Write a design doc for the search rewrite", "Get better at system design interviews"]),
  pending(ADA, "mentee-23", 1 * DAY + 6 * HOUR,
    "Hi Ada, Linus mentored me through my first on-call rotation and suggested I talk to you next. I want to understand how our platform services fit together and get better at reviewing other people's code.",
    ["Learn how our platform services fit together", "Give better code review feedback"]),
  pending(ADA, "mentee-04", 3 * DAY + 2 * HOUR,
    "Hello! I'm a data analyst who writes a lot of TypeScript for internal dashboards. I'd like to move towards engineering and would value advice on TypeScript, testing and how to approach system design.",
    ["Learn TypeScript deeply", "Write tests for my dashboard code", "Understand system design basics"]),
  {
    ...pending(ADA, "mentee-15", 34 * DAY, "Hi Ada, I'd love help moving from analytics to machine learning engineering, especially putting models into production."),
    status: "declined",
    respondedHoursAgo: 33 * DAY + 2 * HOUR,
    responseMessage: "Thanks for asking, Kofi. Machine learning in production isn't my area; Mei Chen is brilliant at exactly this, so do ask her.",
  },
  {
    ...pending(ADA, "mentee-06", 27 * DAY, "Hi Ada, I'm in sales but curious about how our product is built. Could you help me understand the architecture well enough to talk to technical buyers?"),
    status: "expired",
  },
  // Around the programme: other mentors' accepted matches, one full mentor, one ended mentoring.
  accepted("mentor-05", "mentee-02", 30 * DAY, 28 * DAY + 14 * HOUR,
    "Hi Priya, I'm six months into my first PM role. I'd like help running discovery interviews that actually change what we build.",
    "Let's do it, Lena. Book a slot after your next round of interviews and we'll review the notes."),
  accepted("mentor-05", "mentee-13", 12 * DAY, 10 * DAY + 22 * HOUR,
    "Hello Priya, I need to write my first product strategy doc this quarter and I don't know where to start.",
    "Strategy docs are easier than they look. Send me your rough outline first."),
  accepted("mentor-08", "mentee-03", 21 * DAY, 20 * DAY + 16 * HOUR,
    "Hi Yuki, I'd love feedback on my portfolio and help learning to run usability tests with real users.",
    "Of course, Arjun. Let's start with the portfolio: pick your two strongest projects."),
  accepted("mentor-11", "mentee-26", 19 * DAY, 18 * DAY + 9 * HOUR,
    "Hi Fatima, I want to move from dashboards to building models. Could you help me plan what to learn first?",
    "Gladly, Grace. We'll start with a small forecasting project on data you already know."),
  accepted("mentor-13", "mentee-15", 32 * DAY, 31 * DAY + 4 * HOUR,
    "Hi Mei, Ada suggested I ask you: I'd love help moving from analytics to machine learning, especially getting models into production.",
    "Ada was right to send you my way. Let's look at your current notebook and plan a path to a service."),
  accepted("mentor-13", "mentee-37", 9 * DAY, 8 * DAY + 20 * HOUR,
    "Hello Mei, I'm trying to improve my SQL and Python so I can help our ML team with feature pipelines.",
    "Sounds good, Liam. Bring a query you're not happy with to our first chat."),
  accepted("mentor-17", "mentee-06", 11 * DAY, 10 * DAY + 1 * HOUR,
    "Hi Marcus, I keep losing deals at the objection stage of discovery calls. Could you help me practise?",
    "Absolutely, Amara. We'll role-play your last three calls."),
  accepted("mentor-21", "mentee-08", 24 * DAY, 23 * DAY + 6 * HOUR,
    "Hi Rosa, I'd like to learn how to run structured interviews and understand how review cycles work here.",
    "Happy to help, Isla. The next review cycle starts soon, which is perfect timing."),
  accepted("mentor-22", "mentee-19", 6 * DAY, 5 * DAY + 12 * HOUR,
    "Hello Ben, I'm new to recruiting coordination and want to learn to run structured interviews well.",
    "Welcome, Omar. Let's sit in on an interview loop together next week."),
  {
    ...accepted("mentor-03", "mentee-23", 70 * DAY, 69 * DAY + 8 * HOUR,
      "Hi Linus, I'm about to join the on-call rotation for the first time and I'm nervous. Could you help me prepare?",
      "Of course, Daniel. We'll walk through the runbooks together before your first shift."),
    status: "ended",
    endedHoursAgo: 12 * DAY,
    endedBy: "mentor-03",
    endMessage: "You've handled three rotations on your own now. Great work, Daniel; Ada is a good next mentor for platform design.",
  },
];

/**
 * Answer times (hours) from mentorings before the seeded ones, oldest first: what `responseHoursRecent` held before
 * the seeded answers were added to it.
 */
const EARLIER_ANSWER_HOURS: Record<string, number[]> = {
  [ADA]: [5.5, 18, 2.3, 26, 7],
  "mentor-02": [3, 1.5, 0.8, 4],
  "mentor-05": [30, 52, 20],
  "mentor-10": [96, 130, 170],
  "mentor-21": [6, 10.5, 3],
};

/** Hours since a mentor with no seeded answer was last active (their last answers are earlier). */
const EARLIER_ACTIVE_HOURS_AGO: Record<string, number> = { "mentor-02": 4 * DAY, "mentor-10": 19 * DAY };

let baseProfiles: Map<string, SeedUser> | null = null;

function profileOf(uid: string): SeedUser {
  baseProfiles ??= new Map([...baseMentors(), ...baseMentees()].map((u) => [u.uid, u]));
  const found = baseProfiles.get(uid);
  if (!found) throw new Error(`seed: no seeded user ${uid}`);
  return found;
}

const END_MESSAGES: [by: "mentor" | "mentee", text: string][] = [
  ["mentor", "We've covered what you set out to do, and you're ready to run with it. Keep in touch!"],
  ["mentee", "Thank you so much, this was exactly the help I needed. I'll keep practising what we worked on."],
  ["mentor", "My team is heading into a busy launch, so I'm closing our mentoring for now. You've made great progress."],
  ["mentee", "I've started a new role and want to focus on it for a while. Thanks for all your time!"],
  ["mentee", ""],
];

let historical: SeedMatch[] | null = null;

/**
 * The programme's past half year of requests (seeded PRNG, so the same every run): a few a week at first, more as
 * the programme grew, so "new matches per week" has a trend. Most were accepted and ran for one to four months;
 * some were declined or withdrawn; a few that started recently are still running (within the mentors' capacity).
 * Ada takes no new running mentee here: the demo and the browser tests rely on her having one place free.
 */
function historicalMatches(): SeedMatch[] {
  if (historical) return historical;
  const rand = prng(20_261_122);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const taken = new Set(MATCHES.map((m) => matchIdOf(m.mentorId, m.menteeId)));
  const mentors = baseMentors();
  const mentees = baseMentees();
  const weight = (i: number) => MENTORS[i]![7];
  const totalWeight = mentors.reduce((sum, _m, i) => sum + weight(i), 0);
  const weightedMentor = () => {
    let x = rand() * totalWeight;
    for (let i = 0; i < mentors.length; i++) if ((x -= weight(i)) < 0) return i;
    return 0;
  };
  // Who was mentoring whom when, in hours ago [from, to]: a mentor never had more running mentorings than places.
  const running: SeedMatch[] = MATCHES.filter((m) => m.respondedHoursAgo !== null && m.status !== "declined");
  const overlapping = (uid: string, side: "mentorId" | "menteeId", from: number, to: number) =>
    running.filter((m) => m[side] === uid && m.respondedHoursAgo! > to && (m.endedHoursAgo ?? 0) < from).length;
  const out: SeedMatch[] = [];
  for (let week = 26; week >= 3; week--) {
    const count = Math.floor(1 + (26 - week) * 0.12 + rand() * 2);
    // Mentors without a mentoring yet take the first requests of a week, so every active mentor has a track record.
    const untried = mentors.filter((m, i) => weight(i) > 0 && !running.some((r) => r.mentorId === m.uid)).map((m) => mentors.indexOf(m));
    for (let j = 0; j < count; j++) {
      const mi = untried[j] ?? weightedMentor();
      const mentor = mentors[mi]!;
      const sameDepartment = mentees.filter((m) => m.profile.department === mentor.profile.department);
      const mentee = rand() < 0.6 && sameDepartment.length ? pick(sameDepartment) : pick(mentees);
      const id = matchIdOf(mentor.uid, mentee.uid);
      if (taken.has(id)) continue;
      const requestedHoursAgo = Math.round((week * 7 - rand() * 7) * DAY);
      const usual = medianOf(EARLIER_ANSWER_HOURS[mentor.uid] ?? [12]) ?? 12;
      const answerHours = Math.round(usual * (0.3 + rand() * 2) * 10) / 10;
      const respondedHoursAgo = Math.round(requestedHoursAgo - answerHours);
      const mentorFirst = mentor.profile.displayName.split(" ")[0]!;
      const menteeFirst = mentee.profile.displayName.split(" ")[0]!;
      const goal = mentee.profile.learningGoals[0]!;
      const message = `Hi ${mentorFirst}, I'm a ${mentee.profile.title.toLowerCase()} in ${mentee.profile.department}. I'd really like help to ${goal.charAt(0).toLowerCase()}${goal.slice(1)}. Would you have room for a fortnightly chat?`;
      const roll = rand();
      if (roll < 0.1) {
        taken.add(id);
        out.push({ ...pending(mentor.uid, mentee.uid, requestedHoursAgo, message), status: "declined", respondedHoursAgo,
          responseMessage: `Thanks for asking, ${menteeFirst}. I'm at capacity this quarter, so please try again in a few months.` });
        continue;
      }
      if (roll < 0.17) {
        taken.add(id);
        out.push({ ...pending(mentor.uid, mentee.uid, requestedHoursAgo, message), status: "cancelled" });
        continue;
      }
      const lastedDays = 28 + Math.floor(rand() * 90);
      let endedHoursAgo: number | null = respondedHoursAgo - lastedDays * DAY;
      if (endedHoursAgo < 5 * DAY) endedHoursAgo = mentor.uid === ADA || respondedHoursAgo < 45 * DAY ? Math.max(5 * DAY, respondedHoursAgo - 28 * DAY) : null;
      if (endedHoursAgo !== null && respondedHoursAgo - endedHoursAgo < 21 * DAY) continue;
      const to = endedHoursAgo ?? 0;
      if (overlapping(mentor.uid, "mentorId", respondedHoursAgo, to) >= mentor.profile.capacity) continue;
      if (overlapping(mentee.uid, "menteeId", respondedHoursAgo, to) >= 2) continue;
      const [endBy, endMessage] = pick(END_MESSAGES);
      const match: SeedMatch = {
        ...accepted(mentor.uid, mentee.uid, requestedHoursAgo, respondedHoursAgo, message, `Happy to help, ${menteeFirst}. Book a first session when it suits you.`),
        ...(endedHoursAgo === null
          ? {}
          : { status: "ended" as const, endedHoursAgo, endedBy: endBy === "mentor" ? mentor.uid : mentee.uid, endMessage }),
      };
      taken.add(id);
      running.push(match);
      out.push(match);
    }
  }
  historical = out;
  return out;
}

let matchDocs: SeedMatchDoc[] | null = null;

/** Every seeded match document: the shape of the shared `matchDocSchema`, times as hours before now. */
export function seedMatches(): SeedMatchDoc[] {
  // Built once (they do not depend on the clock); callers get their own array.
  matchDocs ??= buildMatchDocs();
  return [...matchDocs];
}

function buildMatchDocs(): SeedMatchDoc[] {
  return [...MATCHES, ...historicalMatches()].map((m) => {
    const mentor = profileOf(m.mentorId);
    const mentee = profileOf(m.menteeId);
    const expiresHoursAgo = m.requestedHoursAgo - MATCHING.requestDays * DAY;
    const touched = [m.requestedHoursAgo, m.respondedHoursAgo, m.endedHoursAgo, m.status === "expired" ? expiresHoursAgo : null].filter(
      (h): h is number => h !== null,
    );
    return {
      id: matchIdOf(m.mentorId, m.menteeId),
      mentorId: m.mentorId,
      menteeId: m.menteeId,
      participants: [m.mentorId, m.menteeId],
      status: m.status,
      round: m.round,
      message: m.message,
      goals: m.goals ?? [...mentee.profile.learningGoals],
      mentorName: mentor.profile.displayName,
      mentorTitle: mentor.profile.title,
      menteeName: mentee.profile.displayName,
      menteeTitle: mentee.profile.title,
      menteeDepartment: mentee.profile.department as Department,
      responseMessage: m.responseMessage,
      requestedHoursAgo: m.requestedHoursAgo,
      expiresHoursAgo,
      respondedHoursAgo: m.respondedHoursAgo,
      endedHoursAgo: m.endedHoursAgo,
      endedBy: m.endedBy,
      endMessage: m.endMessage,
      // An answer (accept or decline) is in the mentor's responsiveness; a pending or expired request is not.
      responseCounted: m.respondedHoursAgo !== null,
      createdHoursAgo: m.requestedHoursAgo,
      updatedHoursAgo: Math.min(...touched),
    };
  });
}

export interface SeedResponsiveness {
  responseHoursRecent: number[];
  medianResponseHours: number | null;
  lastActiveHoursAgo: number;
}

/**
 * The responsiveness fields of mentors who have answered: earlier answer times, then each seeded answer in the order
 * it was given, folded through the shared planner exactly as acceptMatch and on-match-written add them.
 * `lastActiveAt` is the mentor's last accept, decline or end.
 */
export function seedResponsiveness(): Record<string, SeedResponsiveness> {
  const out: Record<string, SeedResponsiveness> = {};
  const answered = seedMatches()
    .filter((m) => m.respondedHoursAgo !== null)
    .sort((a, b) => b.respondedHoursAgo! - a.respondedHoursAgo!);
  const mentors = new Set([...Object.keys(EARLIER_ANSWER_HOURS), ...answered.map((m) => m.mentorId)]);
  for (const mentorId of [...mentors].sort()) {
    let state = { responseHoursRecent: [] as number[], medianResponseHours: null as number | null };
    const earlier = EARLIER_ANSWER_HOURS[mentorId] ?? [];
    // Earlier answers: fold the hours in as answers whose request came that many hours before the answer.
    for (const hours of earlier) state = planResponsiveness({ recent: state.responseHoursRecent, requestedAtMs: 0, answeredAtMs: hours * 3_600_000 });
    const active: number[] = [];
    if (EARLIER_ACTIVE_HOURS_AGO[mentorId] !== undefined) active.push(EARLIER_ACTIVE_HOURS_AGO[mentorId]);
    for (const m of answered.filter((a) => a.mentorId === mentorId)) {
      state = planResponsiveness({
        recent: state.responseHoursRecent,
        requestedAtMs: -m.requestedHoursAgo * 3_600_000,
        answeredAtMs: -m.respondedHoursAgo! * 3_600_000,
      });
      active.push(m.respondedHoursAgo!);
    }
    for (const m of seedMatches()) if (m.mentorId === mentorId && m.endedBy === mentorId && m.endedHoursAgo !== null) active.push(m.endedHoursAgo);
    out[mentorId] = { ...state, lastActiveHoursAgo: Math.min(...active) };
  }
  return out;
}

/** A mentor's accepted matches now: what `activeMenteeCount` holds. */
export function acceptedCountOf(mentorId: string, matches: SeedMatchDoc[] = seedMatches()): number {
  return matches.filter((m) => m.mentorId === mentorId && m.status === "accepted").length;
}

export interface SeedChatMessage {
  from: "mentor" | "mentee";
  hoursAgo: number;
  text: string;
}

export interface SeedChat {
  matchId: string;
  mentorId: string;
  menteeId: string;
  messages: SeedChatMessage[];
  /** When each person last read the chat (hours ago): unread = the other's messages after it. */
  lastReadHoursAgo: { mentor: number; mentee: number };
}

const SAM_ADA_CHAT: SeedChatMessage[] = [
  { from: "mentor", hoursAgo: 14 * DAY - 2 * HOUR, text: "Hi Sam, welcome! I've set this chat up for anything between our sessions. What's the next interview on your calendar?" },
  { from: "mentee", hoursAgo: 14 * DAY - 3 * HOUR, text: "Thanks Ada! I have a system design round with a fintech company in about three weeks. Last time they asked me to design a URL shortener and I went blank after the API." },
  { from: "mentor", hoursAgo: 14 * DAY - 4 * HOUR, text: "Classic. Let's use that exact problem for our first session. Before then, write down the questions you'd ask about scale and traffic: requirements first, boxes later." },
  { from: "mentee", hoursAgo: 13 * DAY - 1 * HOUR, text: "Done. I got to 8 questions: reads vs writes, custom aliases, expiry, analytics, regions, rate limits, availability target and how long links live." },
  { from: "mentor", hoursAgo: 13 * DAY - 5 * HOUR, text: "That's a strong list. Now rough numbers: if we create 100 million links a month, how much storage over five years?" },
  { from: "mentee", hoursAgo: 12 * DAY - 2 * HOUR, text: "About 6 billion links, at roughly 500 bytes each that's ~3 TB. Smaller than I expected!" },
  { from: "mentor", hoursAgo: 12 * DAY - 3 * HOUR, text: "Exactly, and saying that out loud in the interview buys you a lot of credibility. See you Thursday." },
  { from: "mentee", hoursAgo: 9 * DAY + 2 * HOUR, text: "Thanks for today's session. The caching discussion finally clicked for me: read-through cache in front of the key-value store, and the hot keys problem." },
  { from: "mentor", hoursAgo: 9 * DAY, text: "You did well. Homework: sketch how you'd generate the short keys without a single counter becoming a bottleneck." },
  { from: "mentee", hoursAgo: 7 * DAY + 4 * HOUR, text: "I've got two options: pre-generated key ranges handed out to each app server, or a hash of the URL with collision checks. I lean towards ranges." },
  { from: "mentor", hoursAgo: 7 * DAY + 1 * HOUR, text: "Good instinct. Be ready to explain what happens to a range when a server dies mid-way: interviewers love that follow-up." },
  { from: "mentee", hoursAgo: 5 * DAY + 6 * HOUR, text: "Would you mind reading my design doc draft for the refund service at work? It's the first one I've written on my own." },
  { from: "mentor", hoursAgo: 5 * DAY + 2 * HOUR, text: "Of course, send it over. I'll leave comments by Friday." },
  { from: "mentee", hoursAgo: 5 * DAY + 1 * HOUR, text: "Shared it with you. The open questions section is the part I'm least sure about." },
  { from: "mentor", hoursAgo: 3 * DAY + 3 * HOUR, text: "Comments are in. Overall it's clear; the biggest gap is the failure modes: what happens if the payment provider times out halfway through a refund?" },
  { from: "mentee", hoursAgo: 2 * DAY + 20 * HOUR, text: "That's a really good point, I hadn't thought about idempotency at all. I'll add a section on retries and idempotency keys." },
  { from: "mentee", hoursAgo: 2 * DAY + 19 * HOUR, text: "Also: I asked Margaret Hamilton whether she'd mentor me on reliability. I hope that's OK!" },
  { from: "mentor", hoursAgo: 1 * DAY + 4 * HOUR, text: "More than OK, Margaret is wonderful and it's a great complement to what we're doing. Next session let's do a full mock interview, timed at 45 minutes." },
  { from: "mentor", hoursAgo: 3 * HOUR, text: "Found a good practice problem for Thursday: design a notification service that sends email and push. Have a think about the queues before we meet." },
];

/** The chats of every accepted match: Sam and Ada's is a real history; the others a short start. */
export function seedChats(): SeedChat[] {
  return seedMatches()
    .filter((m) => m.status === "accepted")
    .map((m) => {
      if (m.mentorId === ADA && m.menteeId === SAM)
        return { matchId: m.id, mentorId: m.mentorId, menteeId: m.menteeId, messages: SAM_ADA_CHAT, lastReadHoursAgo: { mentor: 2 * DAY + 18 * HOUR, mentee: 2 * DAY } };
      const start = m.respondedHoursAgo! - 2 * HOUR;
      const mentee = m.menteeName.split(" ")[0]!;
      const mentor = m.mentorName.split(" ")[0]!;
      const messages: SeedChatMessage[] = [
        { from: "mentor", hoursAgo: start, text: `Hi ${mentee}, glad we're doing this. When suits you for a first 30-minute chat?` },
        { from: "mentee", hoursAgo: start - 3 * HOUR, text: `Thanks ${mentor}! Tuesday or Wednesday afternoon works for me.` },
        { from: "mentor", hoursAgo: start - 5 * HOUR, text: "Wednesday at 3 it is. Bring one thing you'd like to be better at by the end of the quarter." },
      ];
      return { matchId: m.id, mentorId: m.mentorId, menteeId: m.menteeId, messages, lastReadHoursAgo: { mentor: start - 5 * HOUR, mentee: start - 6 * HOUR } };
    });
}

// ---- moderation (reports/, config/moderation) -------------------------------------------------------------------

/** A short demo list for the chat's word filter (config/moderation); the Moderation page edits it. */
export const SEED_BLOCKED_WORDS = ["scam", "get rich quick", "crypto giveaway"];

/**
 * One open report for the review queue: in the first seeded chat that is not Sam and Ada's, the mentee reports the
 * mentor's last message. Its id and snapshot come from the chat as written (see scripts/seed.ts).
 */
export function seedReportSource(): { matchId: string; reporter: "mentee"; reason: "other"; details: string; hoursAgo: number } | null {
  const chat = seedChats().find((c) => !(c.mentorId === ADA && c.menteeId === SAM));
  return chat ? { matchId: chat.matchId, reporter: "mentee", reason: "other", details: "Demo report: felt pushy about meeting times.", hoursAgo: 2 } : null;
}

// ---- availability/{mentorId} (the Schedule tab) -----------------------------------------------------------------

type SeedRange = { start: string; end: string };
type SeedWeek = Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", SeedRange[]>;

/** A mentor's hours as the Schedule tab writes them (availabilitySchema), without `updatedAt`. */
export interface SeedAvailability {
  timeZone: string;
  weekly: SeedWeek;
  overrides: Record<string, SeedRange[]>;
  minimumNoticeMinutes: number;
  horizonDays: number;
  bufferMinutes: number;
}

const r = (start: string, end: string): SeedRange => ({ start, end });
const week = (workday: SeedRange[], overrides: Partial<SeedWeek> = {}): SeedWeek => ({
  mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [], ...overrides,
});

// A few realistic shapes of a mentor's week, each in the mentor's own zone.
const WEEK_SHAPES: SeedWeek[] = [
  week([r("09:30", "12:00"), r("14:00", "17:00")]),
  week([r("08:00", "09:30")], { wed: [r("08:00", "09:30"), r("16:00", "18:00")], fri: [] }),
  week([], { tue: [r("17:30", "20:00")], thu: [r("17:30", "20:00")], sat: [r("10:00", "12:30")] }),
  week([r("12:00", "13:30")]),
  week([r("10:00", "16:00")], { fri: [r("10:00", "12:00")] }),
  week([r("15:00", "18:00")], { mon: [], sun: [r("19:00", "21:00")] }),
];
const NOTICE_MINUTES = [12 * 60, 24 * 60, 4 * 60, 48 * 60, 12 * 60, 2 * 60];
const HORIZON_DAYS = [56, 28, 84, 42, 56, 14];
const BUFFERS = [15, 0, 30, 15, 15, 60];

/** The calendar date `days` after `now` in `timeZone`, YYYY-MM-DD. */
function localDateAfter(now: number, days: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(now + days * 86_400_000));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * Hours for most seeded mentors (every seventh has none yet, so the "No availability set" state is there to see),
 * each in the mentor's own zone. The first two carry date overrides dated from `now`, so they stay upcoming whenever
 * the demo runs: Ada has a day off in three days and short hours in ten; Grace a day off in five.
 */
export function seedAvailability(now: number): Record<string, SeedAvailability> {
  const result: Record<string, SeedAvailability> = {};
  baseMentors().forEach((mentor, i) => {
    if (i % 7 === 6) return;
    const zone = mentor.profile.timezone;
    const overrides: Record<string, SeedRange[]> =
      i === 0
        ? { [localDateAfter(now, 3, zone)]: [], [localDateAfter(now, 10, zone)]: [r("13:00", "15:00")] }
        : i === 1
          ? { [localDateAfter(now, 5, zone)]: [] }
          : {};
    result[mentor.uid] = {
      timeZone: zone,
      weekly: WEEK_SHAPES[i % WEEK_SHAPES.length]!,
      overrides,
      minimumNoticeMinutes: NOTICE_MINUTES[i % NOTICE_MINUTES.length]!,
      horizonDays: HORIZON_DAYS[i % HORIZON_DAYS.length]!,
      bufferMinutes: BUFFERS[i % BUFFERS.length]!,
    };
  });
  return result;
}

// ---- support conversations (supportThreads/) ------------------------------------------------------------------

export interface SeedSupportMessage {
  from: "requester" | "admin";
  text: string;
  hoursAgo: number;
  kind?: "message" | "close_note";
}

export interface SeedSupportThread {
  id: string;
  requesterUid: string;
  subject: string;
  status: "open" | "closed";
  /** Oldest first; the thread's summary fields are derived from the last one. */
  messages: SeedSupportMessage[];
  /** The requester has read the admins' latest message. */
  requesterRead: boolean;
  /** An admin has read the requester's latest message (a "thank you" needs no answer). */
  adminsRead?: boolean;
}

/**
 * Three conversations with programme support: Sam's question nobody has answered yet (the admin's inbox shows it
 * unread), Ada's answered one, and a closed one with a closing note.
 */
export function seedSupportThreads(): SeedSupportThread[] {
  return [
    {
      id: "support-sam-second-mentor",
      requesterUid: DEMO_LOGINS.mentee.uid,
      subject: "Can I have a second mentor for public speaking?",
      status: "open",
      messages: [
        { from: "requester", hoursAgo: 5, text: "Hi! I already have a mentor for system design, but I'd also like help with presenting at all-hands. Is it OK to ask a second mentor, or should I end my current match first?" },
      ],
      requesterRead: true,
    },
    {
      id: "support-ada-capacity",
      requesterUid: DEMO_LOGINS.mentor.uid,
      subject: "Taking on more than five mentees",
      status: "open",
      messages: [
        { from: "requester", hoursAgo: 2 * DAY + 3, text: "Several people asked me this month. Can I raise my capacity above 5 for one quarter?" },
        { from: "admin", hoursAgo: 2 * DAY, text: "Yes, up to 20 is allowed: change it under Profile → Capacity. We suggest 6–8 so each mentee still gets an hour every two weeks. Guidance: https://example.com/mentoring-handbook" },
        { from: "requester", hoursAgo: 2 * DAY - 1, text: "Perfect, thank you. I'll go to 7." },
      ],
      requesterRead: true,
      adminsRead: true,
    },
    {
      id: "support-mentee03-reminders",
      requesterUid: "mentee-03",
      subject: "Session reminder emails arrive twice",
      status: "closed",
      messages: [
        { from: "requester", hoursAgo: 6 * DAY, text: "I got two reminder emails for the same session yesterday." },
        { from: "admin", hoursAgo: 5 * DAY + 20, text: "Sorry about that! One came from your calendar invite and one from MentorMatch. You can switch ours off under Settings → Email." },
        { from: "admin", hoursAgo: 5 * DAY + 19, kind: "close_note", text: "Closing this one: reopen it if the duplicates continue." },
      ],
      requesterRead: false,
    },
  ];
}

// ---- sessions (sessions/ and their sessionLocks/), feedback/ and miniRequests/ ---------------------------------------

export type { SeedFeedback, SeedMiniRequest, SeedSession } from "./seed-history.js";

const QUARTER_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;

interface SessionRow {
  id: string;
  mentorId: string;
  menteeId: string;
  /** Who proposed it: the mentor or the mentee. */
  by: "mentor" | "mentee";
  /** Hours from now to the start (negative: in the past), rounded up onto the 15-minute grid. */
  startsInHours: number;
  durationMinutes: 30 | 45 | 60;
  status: "pending" | "accepted" | "cancelled" | "completed";
  agenda: string;
  room?: boolean;
  responseNote?: string;
  cancelReason?: string;
  /** A completed one: what the mentor recorded. */
  completion?: { notes: string; topics: string[]; actionItems: string[]; followUp: boolean };
}

const SESSION_ROWS: SessionRow[] = [
  // Sam and Ada: a confirmed session tomorrow, Ada's next proposal waiting for Sam, and two in the past.
  { id: "seed-session-sam-ada-next", mentorId: ADA, menteeId: SAM, by: "mentee", startsInHours: 26, durationMinutes: 45, status: "accepted", room: true,
    agenda: "Whiteboard a URL shortener end to end: API, storage, and what breaks at 10x traffic.", responseNote: "Great pick. Bring your notes from the last interview." },
  { id: "seed-session-sam-ada-review", mentorId: ADA, menteeId: SAM, by: "mentor", startsInHours: 6 * 24 + 3, durationMinutes: 30, status: "pending", room: true,
    agenda: "Review the first draft of your design doc for the payments retry queue." },
  { id: "seed-session-sam-ada-past", mentorId: ADA, menteeId: SAM, by: "mentee", startsInHours: -7 * 24, durationMinutes: 60, status: "completed", room: true,
    agenda: "Mock interview: design a rate limiter. Talk through trade-offs out loud.", responseNote: "See you then!",
    completion: {
      notes: "Strong requirements phase this time. Token bucket vs sliding window explained well; next time draw the Redis keys before talking about sharding.",
      topics: ["rate limiting", "system design interviews", "redis"],
      actionItems: ["Write up the sliding-window design in one page", "Time yourself: requirements in under 5 minutes"],
      followUp: true,
    } },
  { id: "seed-session-sam-ada-cancelled", mentorId: ADA, menteeId: SAM, by: "mentor", startsInHours: -3 * 24, durationMinutes: 30, status: "cancelled",
    agenda: "Quick check-in before your interview loop.", cancelReason: "I'm off sick today, sorry Sam. Let's find another time this week." },
  // Ada's other mentees: one confirmed later today, one proposal for Ada to review.
  { id: "seed-session-ada-ana-today", mentorId: ADA, menteeId: "mentee-12", by: "mentor", startsInHours: 3, durationMinutes: 30, status: "accepted", room: true,
    agenda: "Walk through the TypeScript generics in your last pull request.", responseNote: "Perfect, thanks!" },
  { id: "seed-session-ada-review", mentorId: ADA, menteeId: "mentee-34", by: "mentee", startsInHours: 2 * 24 + 5, durationMinutes: 45, status: "pending", room: true,
    agenda: "Feedback on the search rewrite design doc, especially the rollout plan." },
  // Around the programme.
  { id: "seed-session-priya-lena", mentorId: "mentor-05", menteeId: "mentee-02", by: "mentee", startsInHours: 2 * 24 + 1, durationMinutes: 60, status: "accepted", room: true,
    agenda: "Go through the notes from five discovery interviews and decide what to test next." },
  { id: "seed-session-yuki-arjun", mentorId: "mentor-08", menteeId: "mentee-03", by: "mentor", startsInHours: -2 * 24, durationMinutes: 45, status: "completed", room: true,
    agenda: "Portfolio review: the two strongest projects.",
    completion: {
      notes: "The checkout redesign is the strongest story; lead with it. The onboarding project needs the research findings up front.",
      topics: ["portfolio", "case studies"],
      actionItems: ["Rewrite the checkout case study intro", "Add the usability test results to the onboarding project"],
      followUp: false,
    } },
];

/**
 * The hand-written sessions the demo logins' stories rely on, dated from `now` (so they stay upcoming whenever the demo
 * runs), each pending or accepted one with the lock documents bookSession and respondToSession would have left (a
 * proposal the mentor's cells, and the mentee's too when the mentee proposed; an accepted one both), so booking in the
 * demo cannot overlap them. The mentors' buffers come from their seeded hours.
 */
function fixedSessions(now: number, buffers: Record<string, number>): SeedSession[] {
  const gridNow = Math.ceil(now / QUARTER_MS) * QUARTER_MS;
  return SESSION_ROWS.map((row) => {
    const mentor = profileOf(row.mentorId);
    const mentee = profileOf(row.menteeId);
    const startMs = gridNow + Math.round((row.startsInHours * HOUR_MS) / QUARTER_MS) * QUARTER_MS;
    const endMs = startMs + row.durationMinutes * 60_000;
    const proposer = row.by === "mentor" ? mentor : mentee;
    const createdAtMs = Math.min(now - 2 * HOUR_MS, startMs - 3 * 24 * HOUR_MS);
    const answered = row.status !== "pending";
    const respondedAtMs = answered && row.status !== "cancelled" ? createdAtMs + 5 * HOUR_MS : null;
    const cancelledAtMs = row.status === "cancelled" ? startMs - 3 * HOUR_MS : null;
    const lockInput = { mentorId: row.mentorId, menteeId: row.menteeId, proposedBy: proposer.uid, startMs, endMs, bufferMinutes: buffers[row.mentorId] ?? 0 };
    const lockIds = row.status === "accepted" ? bookingLockIds(lockInput) : row.status === "pending" ? proposalLockIds(lockInput) : [];
    const reminders =
      row.status === "accepted" ? planReminders({ status: "accepted", startMs, version: 1, confirmedAtMs: respondedAtMs!, remindersSent: {} }, now) : null;
    const completedAtMs = row.completion ? endMs + 2 * HOUR_MS : null;
    return {
      id: row.id,
      kind: "match",
      matchId: matchIdOf(row.mentorId, row.menteeId),
      mentorId: row.mentorId,
      menteeId: row.menteeId,
      participants: [row.mentorId, row.menteeId],
      proposedBy: proposer.uid,
      startMs,
      endMs,
      durationMinutes: row.durationMinutes,
      timezone: proposer.profile.timezone,
      agenda: row.agenda,
      meetingLink: row.room ? `https://meet.jit.si/MentorMatch-${row.id}-DemoRoom7k3v9q2w7x4m8p1r` : "",
      status: row.status,
      version: 1,
      responseNote: row.responseNote ?? "",
      respondedAtMs,
      cancelledBy: row.status === "cancelled" ? proposer.uid : null,
      cancelReason: row.cancelReason ?? "",
      cancelledAtMs,
      confirmedAtMs: row.status === "accepted" || row.status === "completed" ? respondedAtMs : null,
      remindersSent: (row.status === "completed" ? { "24h": 1, "1h": 1 } : {}) as Record<string, number>,
      nextReminderAtMs: reminders?.nextReminderAt ?? null,
      lockIds,
      mentorName: mentor.profile.displayName,
      menteeName: mentee.profile.displayName,
      completedAtMs,
      completedBy: row.completion ? row.mentorId : null,
      attendance: row.completion ? { mentor: true, mentee: true } : null,
      actualMinutes: row.completion ? row.durationMinutes : null,
      sharedNotes: row.completion?.notes ?? "",
      topics: row.completion?.topics ?? [],
      actionItems: row.completion?.actionItems ?? [],
      followUp: row.completion?.followUp ?? false,
      createdAtMs,
      updatedAtMs: Math.max(createdAtMs, respondedAtMs ?? 0, cancelledAtMs ?? 0, completedAtMs ?? 0),
    };
  });
}

export interface SeedProgramme {
  sessions: SeedSession[];
  feedback: SeedFeedback[];
  miniRequests: SeedMiniRequest[];
}

let programmeCache: { now: number; programme: SeedProgramme } | null = null;

/**
 * Everything that happened in the programme, dated from `now`: the hand-written sessions, months of history between
 * matched people (scripts/seed-history.ts), mini requests in every status with their sessions, and the feedback.
 * Ada has rated Sam's last session but Sam has not rated hers yet, so his dashboard asks him to.
 */
export function seedProgramme(now: number): SeedProgramme {
  if (programmeCache?.now === now) return programmeCache.programme;
  const availability = seedAvailability(now);
  const buffers = Object.fromEntries(Object.entries(availability).map(([uid, a]) => [uid, a.bufferMinutes]));
  const fixed = fixedSessions(now, buffers);
  const people = new Map(
    [...baseMentors(), ...baseMentees()].map((u) => [u.uid, { uid: u.uid, displayName: u.profile.displayName, timezone: u.profile.timezone, department: u.profile.department }]),
  );
  const history = planHistory({
    now,
    people,
    matches: seedMatches().map((m) => ({ id: m.id, mentorId: m.mentorId, menteeId: m.menteeId, status: m.status, respondedHoursAgo: m.respondedHoursAgo, endedHoursAgo: m.endedHoursAgo })),
    availability,
    fixed,
    typicalRating: Object.fromEntries(MENTORS.map((row, i) => [`mentor-${pad(i + 1)}`, row[6]])),
    skipMatchIds: new Set([matchIdOf(ADA, SAM)]),
  });
  const samAdaPast = fixed.find((s) => s.id === "seed-session-sam-ada-past")!;
  const adaOnSam: SeedFeedback = {
    id: `${samAdaPast.id}_${ADA}`,
    sessionId: samAdaPast.id,
    kind: "session",
    fromUid: ADA,
    toUid: SAM,
    toRole: "mentee",
    fromName: samAdaPast.mentorName,
    rating: 5,
    comment: "Sam came with a clear list of requirements questions and took the feedback on board straight away.",
    createdAtMs: samAdaPast.completedAtMs! + 3 * HOUR_MS,
    visibleAtMs: samAdaPast.completedAtMs! + FEEDBACK.revealDays * 24 * HOUR_MS,
    visible: samAdaPast.completedAtMs! + FEEDBACK.revealDays * 24 * HOUR_MS <= now,
    countedAtMs: null,
  };
  const programme = { sessions: [...fixed, ...history.sessions], feedback: [...history.feedback, adaOnSam], miniRequests: history.miniRequests };
  programmeCache = { now, programme };
  return programme;
}

/** Every seeded session (hand-written and history, regular and mini), as stored, dated from `now`. */
export function seedSessions(now: number): SeedSession[] {
  return seedProgramme(now).sessions;
}

/**
 * Each person's fn-only counters as the callables would have left them after the seeded history: `sessionCount` +1
 * per completed session for both people (completeSession), and each counted rating of a mentor folded in with
 * addRating in the order it was given (submitFeedback), so `ratingScore` is what the directory sorts by.
 */
export function profileStatsOf(sessions: readonly Pick<SeedSession, "status" | "participants">[], feedback: readonly Pick<SeedFeedback, "toUid" | "rating" | "createdAtMs" | "countedAtMs" | "id">[]): Map<string, ProfileStats> {
  const stats = new Map<string, ProfileStats>();
  const of = (uid: string) => stats.get(uid) ?? { ...NO_STATS };
  for (const session of sessions) {
    if (session.status !== "completed") continue;
    for (const uid of session.participants) stats.set(uid, { ...of(uid), sessionCount: of(uid).sessionCount + 1 });
  }
  const counted = feedback.filter((f) => f.countedAtMs !== null).sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id));
  for (const entry of counted) stats.set(entry.toUid, { ...of(entry.toUid), ...addRating(of(entry.toUid), entry.rating) });
  return stats;
}

function seedProfileStats(now: number): Map<string, ProfileStats> {
  const { sessions, feedback } = seedProgramme(now);
  return profileStatsOf(sessions, feedback);
}
