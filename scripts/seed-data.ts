// Demo data for the emulators: deterministic (no randomness, no clock), so every `npm start` shows the same
// programme and tests can name people. Pure: seed.ts writes it.
import {
  DEPARTMENTS,
  buildSearchTokens,
  defaultEmailPrefs,
  type Department,
  type EmailPrefs,
  type ProfileFields,
  type Role,
} from "@mentormatch/shared";

export const SEED_PASSWORD = "mentormatch123";
export const SEED_EMAIL_DOMAIN = "mentormatch.dev";

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
    sessionCount: number;
    searchTokens: string[];
  };
  emailPrefs: EmailPrefs;
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
  ratingAvg: number,
  ratingCount: number,
  sessionCount: number,
  timezone: string,
];

const MENTORS: MentorRow[] = [
  ["Ada Lovelace", "Principal Engineer", "Engineering", ["typescript", "system design", "code review"], "I have spent fifteen years building developer platforms. I enjoy helping engineers grow from writing features to shaping systems. Bring me your design docs.", 4, 4.9, 38, 52, "Europe/London"],
  ["Grace Hopper", "Engineering Manager", "Engineering", ["leadership", "compilers", "career growth"], "I manage a team of twelve across three time zones. I mentor new managers and senior engineers thinking about the management track.", 3, 4.8, 41, 60, "America/New_York"],
  ["Linus Park", "Staff Site Reliability Engineer", "Engineering", ["kubernetes", "incident response", "observability"], "I keep large systems running and help teams sleep through the night. Happy to review runbooks and talk on-call culture.", 2, 4.6, 17, 21, "America/Los_Angeles"],
  ["Margaret Hamilton", "Director of Engineering", "Engineering", ["reliability", "architecture", "hiring"], "I lead platform engineering and care deeply about software that cannot fail. I mentor senior engineers on architecture and influence.", 2, 5.0, 12, 14, "America/Chicago"],
  ["Priya Natarajan", "Group Product Manager", "Product", ["product strategy", "roadmapping", "stakeholder management"], "I have shipped products in fintech and health. I help PMs turn ambiguous problems into crisp bets and say no with confidence.", 4, 4.7, 29, 35, "Asia/Kolkata"],
  ["Diego Fernández", "Senior Product Manager", "Product", ["discovery", "experimentation", "analytics"], "Former engineer turned PM. I like helping people make the jump into product and run their first experiments.", 3, 4.4, 9, 12, "Europe/Madrid"],
  ["Hannah Schmidt", "Product Lead, Growth", "Product", ["growth", "pricing", "product strategy"], "I run growth for our self-serve business. Ask me about pricing pages, activation funnels and how to prioritise a noisy backlog.", 2, 3.9, 7, 8, "Europe/Berlin"],
  ["Yuki Tanaka", "Principal Product Designer", "Design", ["interaction design", "design systems", "accessibility"], "I lead our design system and accessibility work. I mentor designers on craft, critique and working closely with engineers.", 3, 4.9, 33, 47, "Asia/Tokyo"],
  ["Olivia Bennett", "UX Research Lead", "Design", ["user research", "usability testing", "interviewing"], "Research is how we stop guessing. I help designers and PMs plan studies, run interviews and turn findings into decisions.", 4, 4.5, 15, 19, "Australia/Sydney"],
  ["Kwame Mensah", "Senior Visual Designer", "Design", ["branding", "illustration", "portfolio review"], "I design our brand and marketing visuals. Happy to review portfolios and talk about finding your visual voice.", 5, 4.2, 6, 9, "Africa/Accra"],
  ["Fatima Al-Sayed", "Head of Data Science", "Data Science", ["machine learning", "python", "experimentation"], "I lead a team of data scientists working on recommendations and forecasting. I mentor on modelling, statistics and data careers.", 3, 4.8, 26, 31, "Asia/Dubai"],
  ["Tom Eriksen", "Senior Data Engineer", "Data Science", ["sql", "data pipelines", "dbt"], "I build the pipelines everyone else relies on. I can help with SQL, warehouse design and making data trustworthy.", 4, 4.3, 11, 16, "Europe/Oslo"],
  ["Mei Chen", "Machine Learning Engineer", "Data Science", ["machine learning", "mlops", "python"], "I put models into production and keep them healthy. Ask me about feature stores, evaluation and moving from notebooks to services.", 2, 4.6, 8, 10, "Asia/Shanghai"],
  ["Sophie Laurent", "Content Marketing Manager", "Marketing", ["content strategy", "copywriting", "seo"], "I write and edit for a living and love helping others find their voice. I mentor on storytelling, SEO and editorial planning.", 3, 4.7, 19, 23, "Europe/Paris"],
  ["Raj Patel", "Director of Product Marketing", "Marketing", ["positioning", "go-to-market", "public speaking"], "I have launched a dozen products. I help people position what they build and present it with confidence.", 2, 4.1, 13, 15, "America/Toronto"],
  ["Chloe Martin", "Performance Marketing Lead", "Marketing", ["paid acquisition", "analytics", "experimentation"], "I run our paid channels and obsess over measurement. I can help you read a dashboard and design a clean test.", 4, 0, 0, 0, "America/Denver"],
  ["Marcus Johnson", "Enterprise Account Executive", "Sales", ["negotiation", "enterprise sales", "discovery calls"], "Ten years closing enterprise deals. I mentor on discovery calls, negotiation and building trust with large customers.", 3, 4.5, 22, 28, "America/New_York"],
  ["Elena Rossi", "Sales Engineering Manager", "Sales", ["solution architecture", "demos", "technical sales"], "I bridge engineering and sales. If you want to move into a customer-facing technical role, let us talk.", 3, 4.9, 14, 18, "Europe/Rome"],
  ["Aisha Bello", "Senior Financial Analyst", "Finance", ["financial modelling", "excel", "budgeting"], "I build the models behind our planning cycle. I mentor on financial modelling and explaining numbers to non-finance people.", 4, 4.4, 10, 13, "Africa/Lagos"],
  ["Henrik Larsen", "Controller", "Finance", ["accounting", "audit", "career growth"], "Qualified accountant and controller. Happy to help with professional exams, audits and the path to finance leadership.", 2, 3.8, 5, 6, "Europe/Copenhagen"],
  ["Rosa Delgado", "People Partner", "People", ["career growth", "feedback", "performance reviews"], "I partner with managers on growing their teams. I mentor on giving feedback, writing reviews and planning a career.", 5, 4.8, 31, 40, "America/Mexico_City"],
  ["Ben Carter", "Talent Acquisition Lead", "People", ["interviewing", "hiring", "resume review"], "I have read thousands of CVs and run hundreds of interviews. Let me help you prepare for yours, from either side of the table.", 5, 4.6, 27, 34, "Europe/Dublin"],
  ["Nadia Petrova", "Operations Manager", "Operations", ["process improvement", "project management", "vendor management"], "I make things run smoothly. I mentor on project management, process design and managing vendors.", 3, 4.2, 9, 11, "Europe/Warsaw"],
  ["Samuel Osei", "Business Operations Lead", "Operations", ["strategy", "analytics", "okrs"], "I run planning and OKRs for the company. Ask me about strategy, prioritisation and turning goals into plans.", 2, 4.7, 6, 7, "Africa/Nairobi"],
  ["Clara Hoffmann", "Senior Counsel", "Legal", ["contracts", "privacy", "compliance"], "I advise on commercial contracts and privacy. I mentor people curious about in-house legal work and privacy careers.", 2, 4.9, 4, 5, "Europe/Zurich"],
  ["Daniel Kim", "Customer Success Manager", "Customer Success", ["onboarding", "customer communication", "renewals"], "I help our biggest customers get value from day one. I mentor on difficult conversations and customer-facing skills.", 4, 4.3, 16, 22, "Asia/Seoul"],
  ["Lucía Romero", "Head of Support", "Customer Success", ["support operations", "leadership", "customer communication"], "I built our support team from three to forty people. I mentor new team leads and anyone who wants to grow in support.", 3, 4.6, 20, 26, "America/Sao_Paulo"],
  ["Oscar Nilsson", "Frontend Engineer", "Engineering", ["react", "css", "accessibility"], "I build our web app and care about fast, accessible interfaces. I mentor juniors on React, CSS and getting code reviewed.", 3, 4.0, 3, 4, "Europe/Stockholm"],
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

function user(
  uid: string,
  email: string,
  role: Role,
  fields: ProfileFields,
  stats: { ratingAvg: number; ratingCount: number; sessionCount: number },
): SeedUser {
  return {
    uid,
    email,
    role,
    profile: {
      ...fields,
      ...stats,
      activeMenteeCount: 0,
      searchTokens: buildSearchTokens({ displayName: fields.displayName, expertise: fields.expertise }),
    },
    emailPrefs: defaultEmailPrefs(),
  };
}

export function seedMentors(): SeedUser[] {
  return MENTORS.map(([name, title, department, expertise, bio, capacity, ratingAvg, ratingCount, sessionCount, timezone], i) =>
    user(
      `mentor-${pad(i + 1)}`,
      seedEmail(name),
      "mentor",
      { displayName: name, title, department, expertise, learningGoals: [], bio, avatarUrl: "", timezone, capacity, acceptingRequests: i % 9 !== 8 },
      { ratingAvg, ratingCount, sessionCount },
    ),
  );
}

export function seedMentees(): SeedUser[] {
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
      { ratingAvg: 0, ratingCount: 0, sessionCount: i % 4 },
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
      { ratingAvg: 0, ratingCount: 0, sessionCount: 0 },
    ),
  ];
}

export function seedUsers(): SeedUser[] {
  return [...seedAdmins(), ...seedMentors(), ...seedMentees()];
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
  const used = new Set(seedMentors().map((mentor) => mentor.profile.department));
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
  const mentors = seedMentors();
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
