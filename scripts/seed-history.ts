// The demo programme's past, for the Impact Dashboard, the mentors' ratings, mini mentorship and the admin analytics:
// months of sessions between matched people (mostly completed, some cancelled, missed or declined), feedback both
// ways, and mini requests in every status. Pure and deterministic: a seeded PRNG per match or request, and every time
// derived from the seed's `now`, so the same programme appears whenever the demo runs. seed-data.ts calls it.
import {
  FEEDBACK,
  MINI,
  MINI_URGENCY_RANK,
  SESSIONS,
  localDateIn,
  miniSearchTokens,
  type MiniMeetingType,
  type MiniSessionType,
  type MiniStatus,
  type MiniUrgency,
} from "@mentormatch/shared";
import { checkBookingRequest, planReminders, type Availability } from "@mentormatch/shared/scheduling";
import { defaultMiniAgenda } from "../functions/src/planners/mini-schedule.js";
import { bookingLockIds } from "../functions/src/planners/session.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const QUARTER = 15 * MINUTE;

// ---- shapes ---------------------------------------------------------------------------------------------------------

/** A seeded session as `sessionDocSchema` stores it, times as milliseconds (seed.ts makes them Timestamps). */
export interface SeedSession {
  id: string;
  kind: "match" | "mini";
  /** The match's id, or the mini request's. */
  matchId: string;
  mentorId: string;
  menteeId: string;
  participants: [string, string];
  proposedBy: string;
  startMs: number;
  endMs: number;
  durationMinutes: 30 | 45 | 60;
  timezone: string;
  agenda: string;
  meetingLink: string;
  /** Mini sessions only, as scheduleMiniSession writes them (a match session's read as video, untitled). */
  meetingType?: MiniMeetingType;
  phone?: string;
  location?: string;
  title?: string;
  status: "pending" | "accepted" | "declined" | "cancelled" | "completed" | "no_show";
  version: number;
  responseNote: string;
  respondedAtMs: number | null;
  cancelledBy: string | null;
  cancelReason: string;
  cancelledAtMs: number | null;
  confirmedAtMs: number | null;
  remindersSent: Record<string, number>;
  nextReminderAtMs: number | null;
  /** The `sessionLocks/` ids it holds: only pending and accepted sessions hold any (locks guard time still to come). */
  lockIds: string[];
  mentorName: string;
  menteeName: string;
  completedAtMs: number | null;
  completedBy: string | null;
  attendance: { mentor: boolean; mentee: boolean } | null;
  actualMinutes: number | null;
  sharedNotes: string;
  topics: string[];
  actionItems: string[];
  followUp: boolean;
  createdAtMs: number;
  updatedAtMs: number;
}

/** `feedback/{sessionId}_{fromUid}` as submitFeedback leaves it, times as milliseconds. */
export interface SeedFeedback {
  id: string;
  sessionId: string;
  kind: "session" | "mini";
  fromUid: string;
  toUid: string;
  toRole: "mentor" | "mentee";
  fromName: string;
  rating: number;
  comment: string;
  createdAtMs: number;
  visibleAtMs: number;
  visible: boolean;
  countedAtMs: number | null;
}

/** `miniRequests/{id}` as the mini callables and jobs leave it; every `…Ms` field is a timestamp without the suffix. */
export interface SeedMiniRequest {
  id: string;
  studentId: string;
  studentName: string;
  title: string;
  sessionType: MiniSessionType;
  description: string;
  durationMinutes: 30 | 45 | 60;
  urgency: MiniUrgency;
  urgencyRank: number;
  preferredDateStart: string;
  preferredDateEnd: string;
  preferredTimeSlots: { from: string; to: string }[];
  timezone: string;
  tags: string[];
  relevantExperience: string;
  specificQuestions: string;
  resumeUrl: string;
  portfolioUrl: string;
  searchTokens: string[];
  status: MiniStatus;
  claimedBy: string | null;
  claimedByName: string;
  claimedAtMs: number | null;
  scheduleByMs: number | null;
  releasedBy: string[];
  firstClaimedAtMs: number | null;
  sessionId: string | null;
  scheduledAtMs: number | null;
  scheduledStartAtMs: number | null;
  meetingType: MiniMeetingType | null;
  meetingLink: string;
  phone: string;
  location: string;
  cancelledBy: string | null;
  cancelReason: string;
  cancelledAtMs: number | null;
  completedAtMs: number | null;
  expiredAtMs: number | null;
  expiresAtMs: number;
  createdAtMs: number;
  updatedAtMs: number;
}

export interface HistoryPerson {
  uid: string;
  displayName: string;
  timezone: string;
  department: string;
}

export interface HistoryMatch {
  id: string;
  mentorId: string;
  menteeId: string;
  status: string;
  respondedHoursAgo: number | null;
  endedHoursAgo: number | null;
}

export interface HistoryInput {
  now: number;
  people: ReadonlyMap<string, HistoryPerson>;
  matches: readonly HistoryMatch[];
  /** Mentors' hours (seedAvailability): sessions fall inside them; the scheduled mini sessions pass the booking check. */
  availability: Readonly<Record<string, Availability>>;
  /** The hand-written sessions (seedSessions' rows): history is placed around them, never over them. */
  fixed: readonly SeedSession[];
  /** Each mentor's usual rating from mentees (their character in the demo); absent: 4.5. */
  typicalRating: Readonly<Record<string, number>>;
  /** Matches whose sessions are all hand-written (Sam and Ada's). */
  skipMatchIds: ReadonlySet<string>;
}

export interface History {
  sessions: SeedSession[];
  feedback: SeedFeedback[];
  miniRequests: SeedMiniRequest[];
}

// ---- deterministic randomness and clocks ------------------------------------------------------------------------------

/** mulberry32: tiny, fast and good enough for demo data; seeded per match or request so each is stable on its own. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const between = (rand: () => number, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pickOf = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, ms: number): Record<string, number> {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(zone: string, ms: number): number {
  const p = partsIn(zone, ms);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock time ("YYYY-MM-DD", "HH:mm") happens in a zone (the first of two on a fall-back night). */
export function wallToUtc(zone: string, date: string, time: string): number {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const first = naive - offsetAt(zone, naive);
  const second = naive - offsetAt(zone, first);
  return Math.min(first, second);
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
const minutesOf = (time: string) => (time === "24:00" ? 1440 : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Who is busy when: every placed session, so no person is ever in two sessions at once (with a 15-minute gap). */
class Calendar {
  private readonly busy = new Map<string, [number, number][]>();
  free(uids: readonly string[], startMs: number, endMs: number): boolean {
    return uids.every((uid) => (this.busy.get(uid) ?? []).every(([s, e]) => endMs + QUARTER <= s || startMs >= e + QUARTER));
  }
  add(uids: readonly string[], startMs: number, endMs: number): void {
    for (const uid of uids) {
      const list = this.busy.get(uid) ?? [];
      list.push([startMs, endMs]);
      this.busy.set(uid, list);
    }
  }
}

// ---- what the sessions were about ----------------------------------------------------------------------------------

interface Theme {
  agenda: string;
  topics: string[];
  actionItems: string[];
  notes: string;
}

const THEMES: Record<string, Theme[]> = {
  Engineering: [
    { agenda: "Walk through the design of the notification fan-out service.", topics: ["system design", "queues", "back-pressure"], actionItems: ["Write up the retry policy", "Add a load-test scenario for 10x traffic"], notes: "We sketched the fan-out with a queue per channel. The open question is ordering per user; start with at-least-once and idempotent consumers." },
    { agenda: "Review a pull request together and talk about review etiquette.", topics: ["code review", "typescript", "testing"], actionItems: ["Split the next PR into two", "Add table-driven tests for the parser"], notes: "The change was solid but too big to review well. Smaller PRs with a clear description get faster, kinder reviews." },
    { agenda: "Prepare for the architecture review of the billing migration.", topics: ["architecture", "migration plans", "risk"], actionItems: ["List the rollback steps", "Ask data engineering about the backfill window"], notes: "The plan needs a rollback story for every step. Dual writes for two weeks, then a switch behind a flag." },
    { agenda: "Incident retro practice: what went well, what we change.", topics: ["incident response", "observability", "on-call"], actionItems: ["Draft the retro doc", "Add an alert on queue age"], notes: "Blameless framing made the retro much easier to run. The missing alert on queue age is the clearest fix." },
  ],
  Product: [
    { agenda: "Review notes from this week's discovery interviews.", topics: ["discovery", "interview synthesis"], actionItems: ["Tag interview notes by job to be done", "Pick the riskiest assumption to test"], notes: "Three of five interviews mentioned the same workaround. That is the opportunity; the feature requests are solutions to it." },
    { agenda: "Tighten the one-page strategy for the onboarding bet.", topics: ["product strategy", "writing"], actionItems: ["Cut the doc to one page", "Add a 'what we will not do' section"], notes: "The strategy reads as a list of features. Lead with the problem and the bet, then the measures of success." },
    { agenda: "Prioritise a noisy backlog with the team's goals in mind.", topics: ["roadmapping", "prioritisation", "stakeholders"], actionItems: ["Score the top 20 items", "Share the 'not now' list with sales"], notes: "Saying no is easier with a visible 'not now' list and the reason next to each item." },
  ],
  Design: [
    { agenda: "Portfolio review: the two strongest case studies.", topics: ["portfolio", "storytelling"], actionItems: ["Rewrite the intro of the checkout case study", "Add before/after screens"], notes: "Lead with the problem and your decisions, not the final screens. Cut the third project; two strong ones are better." },
    { agenda: "Plan a usability test for the new settings page.", topics: ["usability testing", "research plan"], actionItems: ["Write five tasks", "Recruit four participants from support tickets"], notes: "Tasks should describe goals, not UI. Four to five participants will surface the big problems." },
    { agenda: "Design system contribution: the new date picker.", topics: ["design systems", "accessibility", "components"], actionItems: ["Check keyboard navigation", "Document the empty and error states"], notes: "The component works with a mouse but traps keyboard focus. Fix that before it ships to other teams." },
  ],
  "Data Science": [
    { agenda: "Scope a first forecasting project on data you already know.", topics: ["forecasting", "baselines", "python"], actionItems: ["Build a naive baseline", "Hold out the last eight weeks"], notes: "Start with a seasonal naive baseline; any model has to beat it on the hold-out weeks to be worth the complexity." },
    { agenda: "Review a slow SQL query and the warehouse model behind it.", topics: ["sql", "query plans", "dbt"], actionItems: ["Add a partition filter", "Move the join into a staging model"], notes: "The query scans the whole events table. A partition filter and an incremental model bring it from minutes to seconds." },
    { agenda: "From notebook to service: packaging the churn model.", topics: ["mlops", "model evaluation"], actionItems: ["Write the feature contract", "Set up a weekly evaluation job"], notes: "Freeze the feature definitions first; most production bugs come from features computed differently at training time." },
  ],
  Marketing: [
    { agenda: "Plan next quarter's content calendar.", topics: ["content strategy", "seo"], actionItems: ["Pick three pillar topics", "Draft the first brief"], notes: "Fewer, deeper pieces around three pillars will do more than weekly posts on everything." },
    { agenda: "Read the paid acquisition dashboard together.", topics: ["paid acquisition", "analytics", "attribution"], actionItems: ["Compare CAC by channel over 90 days", "Set up a holdout test"], notes: "Last-click attribution flatters search. A holdout test on one region will tell us what paid social really adds." },
    { agenda: "Positioning workshop for the new analytics add-on.", topics: ["positioning", "messaging"], actionItems: ["Write the one-line positioning", "Test it with two customers"], notes: "The message tries to say everything. Pick the one alternative customers compare us to and position against it." },
  ],
  Sales: [
    { agenda: "Role-play a discovery call with a sceptical buyer.", topics: ["discovery calls", "objection handling"], actionItems: ["Prepare three open questions", "Practise the pricing objection"], notes: "Slow down after the first objection and ask why; the real concern was the migration effort, not the price." },
    { agenda: "Plan the negotiation for the renewal with the logistics customer.", topics: ["negotiation", "enterprise sales"], actionItems: ["Write the walk-away terms", "Map the buying committee"], notes: "Know your walk-away before the call, and trade concessions rather than give them." },
    { agenda: "Prepare a technical demo for a security-minded buyer.", topics: ["demos", "technical sales"], actionItems: ["Build the SSO demo tenant", "Prepare the security FAQ"], notes: "Open with the buyer's workflow, not the feature tour. Keep the security answers short and offer the documents." },
  ],
  Finance: [
    { agenda: "Build the revenue tab of a three-statement model.", topics: ["financial modelling", "excel"], actionItems: ["Separate inputs from calculations", "Add a scenario switch"], notes: "Keep every assumption on one inputs sheet, colour-coded; it makes the model auditable and easy to flex." },
    { agenda: "Rehearse presenting the budget variance to leadership.", topics: ["presenting numbers", "budgeting"], actionItems: ["Lead with the three biggest variances", "Move the detail to an appendix"], notes: "Leaders want the 'so what' first. Explain the three variances that matter and what you recommend." },
    { agenda: "Prepare for the audit walkthrough of the close process.", topics: ["audit", "controls", "accounting"], actionItems: ["Collect evidence for the reconciliations", "Write the process narrative"], notes: "Auditors look for consistent evidence. A short narrative with the control owners named saves a lot of questions." },
  ],
  People: [
    { agenda: "Practise a structured interview with a scoring rubric.", topics: ["structured interviews", "hiring"], actionItems: ["Write the rubric for two competencies", "Shadow one loop"], notes: "Score each answer against the rubric before discussing; it removes most of the halo effect." },
    { agenda: "Draft feedback for a performance review.", topics: ["feedback", "performance reviews"], actionItems: ["Use situation-behaviour-impact for each point", "Add one growth goal"], notes: "Specific examples make the review fair and useful. Vague praise is as unhelpful as vague criticism." },
    { agenda: "Map a career path and the next twelve months.", topics: ["career growth", "goal setting"], actionItems: ["Write three goals for the year", "Ask for a stretch project"], notes: "The next role needs evidence of scope. A stretch project with a clear owner is the fastest way to get it." },
  ],
  Operations: [
    { agenda: "Kick-off plan for the cross-team vendor migration.", topics: ["project management", "vendor management"], actionItems: ["Write the RACI", "Set the weekly status rhythm"], notes: "Name one owner per workstream and agree the status format in week one; most delays come from unclear ownership." },
    { agenda: "Turn the team's goals into OKRs for next quarter.", topics: ["okrs", "planning"], actionItems: ["Cut to three objectives", "Make each key result measurable"], notes: "Key results were tasks. Rewrite them as outcomes you can measure, then list the tasks separately." },
    { agenda: "Map the purchase-order process and find the bottleneck.", topics: ["process improvement", "mapping"], actionItems: ["Time each approval step", "Propose a threshold for auto-approval"], notes: "Most of the delay is the second approval on small orders. An auto-approve threshold would remove it safely." },
  ],
  Legal: [
    { agenda: "Read a commercial contract together: the clauses that matter.", topics: ["contracts", "liability"], actionItems: ["Summarise the liability cap", "List the termination triggers"], notes: "Liability, indemnity, termination and data protection are where the risk is. Read those first, every time." },
    { agenda: "Privacy basics for a new product feature.", topics: ["privacy", "data protection", "compliance"], actionItems: ["Write the data inventory", "Check the lawful basis with counsel"], notes: "Start from the data inventory: what, why, where and for how long. The privacy notice follows from it." },
  ],
  "Customer Success": [
    { agenda: "Prepare for a difficult renewal conversation.", topics: ["customer communication", "renewals"], actionItems: ["Write the value summary", "Plan the escalation path"], notes: "Acknowledge the outage first, then show the value delivered this year. Bring a concrete plan, not promises." },
    { agenda: "Onboarding plan for the new enterprise customer.", topics: ["onboarding", "success plans"], actionItems: ["Agree the first 30-day milestones", "Book the admin training"], notes: "A shared success plan with dates turns onboarding into a joint project rather than a series of tickets." },
    { agenda: "Growing into a team lead: the first 90 days.", topics: ["leadership", "support operations"], actionItems: ["Set up weekly one-to-ones", "Pick one metric to improve"], notes: "Focus on the team's rhythm first. One metric, visible to everyone, beats a dashboard nobody reads." },
  ],
};

const CANCEL_REASONS = [
  "Something urgent came up at work, sorry. Can we move to next week?",
  "I'm off sick today. Let's find another time.",
  "Clashes with a customer visit that just got moved. Apologies!",
  "Our team offsite was moved to this day. I'll book a new time.",
  "Travelling for work this week, let's skip this one.",
  "Public holiday here that I forgot about. Sorry!",
];
const DECLINE_NOTES = ["That time doesn't work for me, could you suggest another?", "I'm in a workshop all afternoon; maybe later in the week?", "Sorry, I'm on leave that day."];
const NO_SHOW_NOTES = ["Waited 15 minutes and sent a message; no answer.", "Joined the call and waited; nobody came. I'll follow up in chat."];

const ABOUT_MENTOR: Record<number, string[]> = {
  5: [
    "Exactly what I needed. Clear, practical and very encouraging.",
    "Brilliant session: I left with a concrete plan for the next two weeks.",
    "Asked the right questions and made me do the thinking. Really helpful.",
    "Super prepared, and the examples from real projects made it click.",
    "Honest feedback delivered kindly. I already feel more confident.",
    "",
  ],
  4: ["Very helpful, though we ran out of time for my last question.", "Good advice and useful resources; I'd have liked a bit more structure.", "Practical and friendly. Looking forward to the next one.", ""],
  3: ["Useful in parts, but it felt a little rushed.", "Some good pointers, though not quite what I was hoping for.", ""],
  2: ["We didn't really get to my question, unfortunately.", ""],
  1: ["Started late and felt unprepared.", ""],
};
const ABOUT_MENTEE: Record<number, string[]> = {
  5: ["Came well prepared with specific questions. A pleasure.", "Great energy and did all the homework from last time.", "Sharp questions and clearly putting in the work.", ""],
  4: ["Good session. Try to bring the material a day earlier next time.", "Engaged and open to feedback.", ""],
  3: ["A bit unprepared today; let's agree an agenda in advance.", ""],
};

function feedbackRating(rand: () => number, typical: number): number {
  // A rough normal spread around the mentor's usual rating: most ratings at or next to it.
  const noise = (rand() + rand() + rand() - 1.5) * 0.9;
  return Math.min(5, Math.max(1, Math.round(typical + noise)));
}

function commentFor(rand: () => number, table: Record<number, string[]>, rating: number): string {
  const options = table[rating] ?? table[Math.min(...Object.keys(table).map(Number).filter((r) => r >= rating))] ?? table[3]!;
  return pickOf(rand, options);
}

// ---- mini requests ---------------------------------------------------------------------------------------------------

interface MiniRow {
  id: string;
  student: string;
  status: MiniStatus;
  type: MiniSessionType;
  urgency: MiniUrgency;
  duration: 30 | 45 | 60;
  title: string;
  description: string;
  tags: string[];
  experience?: string;
  questions?: string;
  resume?: string;
  portfolio?: string;
  /** Daily windows in the student's zone. */
  slots: [string, string][];
  createdHoursAgo: number;
  claimer?: string;
  /** Hours after posting of the first claim (absent: from the urgency). */
  claimAfterHours?: number;
  /** A mentor who claimed it first and let the 48 hours lapse (or gave it back): it went back to the board. */
  lapsedBy?: string;
  meeting?: MiniMeetingType;
  /** Cancelled: after how many hours from posting (or, for a scheduled one, from scheduling), and why. */
  cancelAfterHours?: number;
  cancelReason?: string;
  /** A completed one whose student did not come. */
  noShow?: boolean;
}

const MINI_ROWS: MiniRow[] = [
  // ---- completed, over the past four months ----
  { id: "seed-mini-portfolio-maya", student: "mentee-14", status: "completed", type: "portfolio_review", urgency: "normal", duration: 45, claimer: "mentor-10", meeting: "video",
    title: "Feedback on my product design portfolio before applying internally",
    description: "I'm applying for a senior product designer role in the payments squad and would love an honest review of my portfolio: which case studies to lead with and what to cut.",
    tags: ["portfolio", "ux design", "case studies"], portfolio: "https://maya-cohen.design", slots: [["09:00", "12:00"], ["14:00", "17:00"]], createdHoursAgo: 115 * 24 },
  { id: "seed-mini-behavioural-sam", student: "mentee-01", status: "completed", type: "interview_prep", urgency: "high", duration: 60, claimer: "mentor-22", meeting: "video",
    title: "Mock behavioural interview for a fintech loop",
    description: "I have a behavioural round next week and I tend to ramble. Could we run a mock interview with STAR questions and get feedback on my answers?",
    tags: ["interviewing", "behavioural", "star method"], questions: "How long should an answer be? How do I talk about a project that failed?", resume: "https://drive.example.com/sam-okafor-cv.pdf",
    slots: [["12:00", "14:00"], ["17:00", "19:00"]], createdHoursAgo: 98 * 24 },
  { id: "seed-mini-sql-grace", student: "mentee-26", status: "completed", type: "technical_help", urgency: "urgent", duration: 30, claimer: "mentor-12", meeting: "video",
    title: "Window functions are giving me duplicate rows",
    description: "My weekly retention query returns duplicates after I added a window function for the first purchase date. I need it fixed for a review on Thursday and can't see the bug.",
    tags: ["sql", "window functions"], experience: "Comfortable with joins and CTEs, new to window functions.", slots: [["09:00", "12:00"]], createdHoursAgo: 90 * 24 },
  { id: "seed-mini-ops-career-hiroshi", student: "mentee-09", status: "completed", type: "career_advice", urgency: "low", duration: 45, claimer: "mentor-24", meeting: "phone",
    title: "Should I move from operations analysis into strategy?",
    description: "I've been an operations analyst for two years and I'm curious about business operations and strategy roles. I'd like to understand what the work is really like and what skills I'm missing.",
    tags: ["career growth", "strategy"], slots: [["10:00", "12:00"], ["13:00", "16:00"]], createdHoursAgo: 76 * 24 },
  { id: "seed-mini-cv-wei", student: "mentee-25", status: "completed", type: "resume_review", urgency: "normal", duration: 30, claimer: "mentor-22", meeting: "video",
    title: "Resume review for a move into UX research",
    description: "I'm a product designer hoping to move into UX research. My CV still reads like a visual designer's; I'd like help reframing my experience around research work.",
    tags: ["resume review", "user research"], resume: "https://drive.example.com/wei-zhang-resume.pdf", slots: [["09:30", "12:00"]], createdHoursAgo: 64 * 24 },
  { id: "seed-mini-roadmap-felix", student: "mentee-13", status: "completed", type: "project_guidance", urgency: "normal", duration: 45, claimer: "mentor-06", meeting: "video",
    title: "Scoping my first experiment as an associate PM",
    description: "I want to run an A/B test on the onboarding checklist but I'm not sure how to pick the metric, the sample size or how long to run it. Looking for guidance before I present the plan.",
    tags: ["experimentation", "a/b testing", "product management"], slots: [["08:00", "10:00"]], createdHoursAgo: 55 * 24 },
  { id: "seed-mini-network-lucas", student: "mentee-17", status: "completed", type: "networking_advice", urgency: "low", duration: 30, claimer: "mentor-18", meeting: "in_person",
    title: "How do I build relationships with the solutions engineering team?",
    description: "I'm a sales development rep and want to move towards a technical sales role in a year. How should I approach the solutions engineers without wasting their time?",
    tags: ["networking", "technical sales"], slots: [["12:00", "14:00"]], createdHoursAgo: 47 * 24 },
  { id: "seed-mini-react-daniel", student: "mentee-23", status: "completed", type: "skill_learning", urgency: "high", duration: 60, claimer: "mentor-28", meeting: "video",
    title: "Getting started with React hooks for an internal tool",
    description: "I'm a backend engineer who has to build a small React admin tool this sprint. I'd like a guided hour on hooks, state and data fetching so I don't build it the wrong way.",
    tags: ["react", "frontend", "hooks"], experience: "Strong in Go and SQL; I've only done a React tutorial.", slots: [["16:00", "19:00"]], createdHoursAgo: 38 * 24 },
  { id: "seed-mini-portfolio-abena", student: "mentee-36", status: "completed", type: "portfolio_review", urgency: "normal", duration: 45, claimer: "mentor-08", meeting: "video",
    title: "Is my design systems case study too long?",
    description: "My design systems case study is 4,000 words and I suspect nobody reads it. I'd love help cutting it down and deciding which artefacts to show.",
    tags: ["portfolio", "design systems"], portfolio: "https://abena-owusu.design/work", slots: [["08:00", "10:00"]], createdHoursAgo: 30 * 24 },
  { id: "seed-mini-research-maya", student: "mentee-14", status: "completed", type: "interview_prep", urgency: "normal", duration: 45, claimer: "mentor-09", meeting: "video",
    title: "Practising the research presentation for my interview loop",
    description: "The senior designer loop includes a 20-minute presentation of a research project. I'd like to rehearse it and get feedback on structure and timing.",
    tags: ["interviewing", "user research", "presenting"], slots: [["07:30", "09:30"]], createdHoursAgo: 21 * 24 },
  { id: "seed-mini-budget-ali", student: "mentee-29", status: "completed", type: "other", urgency: "normal", duration: 30, claimer: "mentor-19", meeting: "video", noShow: true,
    title: "Understanding how the annual budget process works",
    description: "I joined finance three months ago and the budget cycle starts soon. I'd like someone to explain the timeline, who owns what and where associates usually get stuck.",
    tags: ["budgeting", "finance"], slots: [["09:00", "11:00"]], createdHoursAgo: 14 * 24 },
  { id: "seed-mini-mlops-zoe", student: "mentee-04", status: "completed", type: "technical_help", urgency: "urgent", duration: 30, claimer: "mentor-13", meeting: "video",
    title: "My model works in the notebook but not in the batch job",
    description: "Predictions from the nightly batch job are very different from my notebook's. I suspect the features are computed differently but I can't find where. Demo is on Friday.",
    tags: ["machine learning", "python", "mlops"], slots: [["09:00", "12:00"]], createdHoursAgo: 9 * 24 },
  // ---- scheduled: a session ahead ----
  { id: "seed-mini-allhands-sam", student: "mentee-01", status: "scheduled", type: "career_advice", urgency: "normal", duration: 60, claimer: "mentor-15", meeting: "video",
    title: "Presenting at all-hands for the first time",
    description: "I've been asked to present our team's payments work at the company all-hands in three weeks. I'd love help structuring a ten-minute talk and handling nerves on stage.",
    tags: ["public speaking", "presenting"], questions: "How much detail is too much for a non-engineering audience?", slots: [["14:00", "18:00"]], createdHoursAgo: 40, claimAfterHours: 9 },
  { id: "seed-mini-cv-hiroshi", student: "mentee-09", status: "scheduled", type: "resume_review", urgency: "normal", duration: 45, claimer: "mentor-22", meeting: "phone",
    title: "CV review for a business operations lead role",
    description: "An internal business operations lead role just opened. My CV lists tasks rather than outcomes; I'd like help rewriting the last two roles before the deadline.",
    tags: ["resume review", "career growth"], resume: "https://drive.example.com/hiroshi-sato-cv.pdf", slots: [["11:00", "14:00"]], createdHoursAgo: 70, claimAfterHours: 6 },
  { id: "seed-mini-ml-interview-zoe", student: "mentee-04", status: "scheduled", type: "interview_prep", urgency: "high", duration: 45, claimer: "mentor-11", meeting: "video",
    title: "Machine learning interview practice: case study round",
    description: "I have an internal interview for the recommendations team. The case study round asks you to design a model end to end; I'd like to practise one out loud.",
    tags: ["machine learning", "interviewing", "case study"], slots: [["09:00", "12:00"]], createdHoursAgo: 50, claimAfterHours: 2 },
  // ---- claimed: waiting to be scheduled ----
  { id: "seed-mini-generics-emily", student: "mentee-20", status: "claimed", type: "technical_help", urgency: "normal", duration: 45, claimer: "mentor-01",
    title: "TypeScript generics in our planning spreadsheet tool",
    description: "I maintain a small internal TypeScript tool for OKR planning and the generic helper types have become unreadable. I'd like help simplifying them.",
    tags: ["typescript", "generics"], slots: [["10:00", "13:00"], ["15:00", "17:00"]], createdHoursAgo: 30, claimAfterHours: 25 },
  { id: "seed-mini-pipeline-liam", student: "mentee-37", status: "claimed", type: "project_guidance", urgency: "normal", duration: 60, claimer: "mentor-12",
    title: "Designing my first dbt project for the feature pipeline",
    description: "I'm building the first dbt project for our ML features. I'd like guidance on folder structure, naming, tests and how to handle slowly changing dimensions.",
    tags: ["dbt", "data pipelines", "sql"], slots: [["08:00", "11:00"]], createdHoursAgo: 48, claimAfterHours: 28 },
  { id: "seed-mini-oncall-laura", student: "mentee-34", status: "claimed", type: "technical_help", urgency: "high", duration: 30, claimer: "mentor-03",
    title: "Preparing for my first incident review as on-call lead",
    description: "I was on call during last week's outage and have to lead the incident review. I'd like help structuring the timeline and keeping the discussion blameless.",
    tags: ["incident response", "on-call"], slots: [["11:00", "15:00"]], createdHoursAgo: 14, claimAfterHours: 4 },
  // ---- open: on the board ----
  { id: "seed-mini-copy-mateo", student: "mentee-05", status: "open", type: "skill_learning", urgency: "normal", duration: 45,
    title: "Learning to write landing page copy that converts",
    description: "I coordinate our campaign pages but the copy always comes from an agency. I'd like to learn the basics of writing headlines and calls to action myself.",
    tags: ["copywriting", "landing pages"], slots: [["09:00", "12:00"]], createdHoursAgo: 2 },
  { id: "seed-mini-cv-ingrid", student: "mentee-16", status: "open", type: "resume_review", urgency: "low", duration: 30,
    title: "One-page resume for a content marketing role",
    description: "My resume is two pages and mixes freelance and in-house work. I'd like help cutting it to one page focused on content marketing results.",
    tags: ["resume review", "content strategy"], resume: "https://drive.example.com/ingrid-berg-resume.pdf", portfolio: "https://ingridberg.example.com", slots: [["10:00", "16:00"]], createdHoursAgo: 9 },
  { id: "seed-mini-design-doc-sam", student: "mentee-01", status: "open", type: "project_guidance", urgency: "normal", duration: 45,
    title: "Second opinion on my refund service design doc",
    description: "My mentor has reviewed my design doc for the refund retry service; I'd like a second pair of eyes from someone who has run payment systems, especially on idempotency.",
    tags: ["system design", "payments", "idempotency"], slots: [["12:00", "14:00"], ["17:00", "19:00"]], createdHoursAgo: 26 },
  { id: "seed-mini-ae-interview-pablo", student: "mentee-39", status: "open", type: "interview_prep", urgency: "urgent", duration: 30,
    title: "Account executive interview on Monday: mock pitch",
    description: "I have a final interview for an account executive role on Monday and need to deliver a ten-minute pitch. Could someone play the buyer and give me blunt feedback?",
    tags: ["interviewing", "sales", "pitching"], slots: [["09:00", "12:00"], ["18:00", "21:00"]], createdHoursAgo: 20 },
  { id: "seed-mini-career-tariq", student: "mentee-31", status: "open", type: "career_advice", urgency: "normal", duration: 60, lapsedBy: "mentor-23", claimAfterHours: 3,
    title: "Planning my next step after two years in operations",
    description: "I like process work but I'm not sure whether to specialise in project management or move towards vendor management. I'd like to talk through the options.",
    tags: ["career growth", "project management"], slots: [["13:00", "17:00"]], createdHoursAgo: 4 * 24 + 2 },
  { id: "seed-mini-privacy-ravi", student: "mentee-21", status: "open", type: "other", urgency: "low", duration: 30,
    title: "Reading list for getting into privacy law",
    description: "I'm a legal assistant interested in privacy work. What should I read first, and which certifications are worth it for someone at my stage?",
    tags: ["privacy", "learning"], slots: [["08:00", "11:00"]], createdHoursAgo: 6 * 24 + 20 },
  // ---- cancelled ----
  { id: "seed-mini-cv-ethan", student: "mentee-27", status: "cancelled", type: "resume_review", urgency: "normal", duration: 30, cancelAfterHours: 26, cancelReason: "My manager reviewed it with me in the end. Thanks anyway!",
    title: "Resume check before applying to the brand team",
    description: "I'd like a quick review of my resume before I apply for the brand marketing role, especially the summary at the top.",
    tags: ["resume review", "branding"], slots: [["10:00", "13:00"]], createdHoursAgo: 100 * 24 },
  { id: "seed-mini-bug-ana", student: "mentee-12", status: "cancelled", type: "technical_help", urgency: "urgent", duration: 30, claimer: "mentor-28", claimAfterHours: 0.7, cancelAfterHours: 3, cancelReason: "Found the bug myself (a stale cache), so no need anymore. Sorry for the trouble!",
    title: "Flaky end-to-end test only fails in CI",
    description: "One of our Playwright tests fails about one run in five, only in CI. I've tried adding waits but it just moves the failure. I need help finding the real cause today.",
    tags: ["testing", "playwright", "ci"], slots: [["09:00", "17:00"]], createdHoursAgo: 70 * 24 },
  { id: "seed-mini-salary-sam", student: "mentee-01", status: "cancelled", type: "career_advice", urgency: "low", duration: 45, cancelAfterHours: 50, cancelReason: "HR answered my questions about the internal move, so I'll withdraw this.",
    title: "How do internal moves and levelling work here?",
    description: "I'm considering an internal move to the platform team. I'd like to understand how levelling and salary bands work for internal transfers before I talk to my manager.",
    tags: ["career growth", "internal mobility"], slots: [["12:00", "14:00"]], createdHoursAgo: 45 * 24 },
  { id: "seed-mini-network-amara", student: "mentee-06", status: "cancelled", type: "networking_advice", urgency: "normal", duration: 30, claimer: "mentor-17", meeting: "video", cancelAfterHours: 30, cancelReason: "I've been moved onto a customer visit that day. I'll post again next month.",
    title: "Building a network with enterprise buyers on LinkedIn",
    description: "I'd like advice on using LinkedIn to build relationships with enterprise buyers without coming across as spammy.",
    tags: ["networking", "linkedin", "enterprise sales"], slots: [["15:00", "18:00"]], createdHoursAgo: 33 * 24 },
  { id: "seed-mini-escalation-victor", student: "mentee-33", status: "cancelled", type: "career_advice", urgency: "normal", duration: 45, cancelAfterHours: 20, cancelReason: "My team lead has offered to coach me on this.",
    title: "Handling escalations without burning out",
    description: "I've been handling most of our team's escalations for a month and I'm exhausted. How do experienced support people protect their energy?",
    tags: ["customer communication", "wellbeing"], slots: [["09:00", "12:00"]], createdHoursAgo: 12 * 24 },
  // ---- expired: nobody claimed them within a week ----
  { id: "seed-mini-contracts-hana", student: "mentee-32", status: "expired", type: "other", urgency: "low", duration: 30,
    title: "Tips for reading software licences",
    description: "I review software licences for procurement and would like to know which clauses experienced lawyers look at first.",
    tags: ["contracts", "licensing"], slots: [["09:00", "12:00"]], createdHoursAgo: 108 * 24 },
  { id: "seed-mini-go-sam", student: "mentee-01", status: "expired", type: "skill_learning", urgency: "low", duration: 60,
    title: "Learning Go for a side project",
    description: "I'd like to build a small CLI in Go and would appreciate a session on project layout, error handling and testing conventions.",
    tags: ["go", "learning"], slots: [["18:00", "20:00"]], createdHoursAgo: 60 * 24 },
  { id: "seed-mini-model-freya", student: "mentee-40", status: "expired", type: "technical_help", urgency: "normal", duration: 45, lapsedBy: "mentor-19", claimAfterHours: 20,
    title: "Circular references in my cash flow model",
    description: "My three-statement model has a circular reference through interest expense and Excel keeps complaining. What's the clean way to handle it?",
    tags: ["financial modelling", "excel"], slots: [["08:00", "11:00"]], createdHoursAgo: 40 * 24 },
  { id: "seed-mini-events-sara", student: "mentee-18", status: "expired", type: "networking_advice", urgency: "low", duration: 30,
    title: "Which finance community events are worth attending?",
    description: "I'd like to meet people in finance roles at other companies. Which events or communities are actually worth the time?",
    tags: ["networking", "finance"], slots: [["12:00", "14:00"]], createdHoursAgo: 18 * 24 },
];

/** Hours from posting to the first claim, by urgency: urgent ones are picked up fast, low ones wait. */
function claimHours(rand: () => number, urgency: MiniUrgency): number {
  const ranges: Record<MiniUrgency, [number, number]> = { urgent: [0.2, 2], high: [1, 8], normal: [3, 22], low: [8, 44] };
  const [min, max] = ranges[urgency];
  return Math.round((min + rand() * (max - min)) * 60) / 60;
}

// ---- the generator ---------------------------------------------------------------------------------------------------

export function planHistory(input: HistoryInput): History {
  const { now, people, availability } = input;
  const calendar = new Calendar();
  for (const session of input.fixed) if (session.status !== "declined" && session.status !== "cancelled") calendar.add(session.participants, session.startMs, session.endMs);
  const person = (uid: string) => {
    const found = people.get(uid);
    if (!found) throw new Error(`seed: no seeded person ${uid}`);
    return found;
  };
  const sessions: SeedSession[] = [];
  const feedback: SeedFeedback[] = [];
  const miniRequests: SeedMiniRequest[] = [];

  const baseSession = (id: string, kind: SeedSession["kind"], matchId: string, mentorId: string, menteeId: string, proposedBy: string, startMs: number, durationMinutes: 30 | 45 | 60, agenda: string, createdAtMs: number): SeedSession => ({
    id,
    kind,
    matchId,
    mentorId,
    menteeId,
    participants: [mentorId, menteeId],
    proposedBy,
    startMs,
    endMs: startMs + durationMinutes * MINUTE,
    durationMinutes,
    timezone: person(proposedBy).timezone,
    agenda,
    meetingLink: `https://meet.jit.si/MentorMatch-${id}-DemoRoom${hashOf(id).toString(36)}`,
    status: "accepted",
    version: 1,
    responseNote: "",
    respondedAtMs: null,
    cancelledBy: null,
    cancelReason: "",
    cancelledAtMs: null,
    confirmedAtMs: null,
    remindersSent: {},
    nextReminderAtMs: null,
    lockIds: [],
    mentorName: person(mentorId).displayName,
    menteeName: person(menteeId).displayName,
    completedAtMs: null,
    completedBy: null,
    attendance: null,
    actualMinutes: null,
    sharedNotes: "",
    topics: [],
    actionItems: [],
    followUp: false,
    createdAtMs,
    updatedAtMs: createdAtMs,
  });

  /** Completed (or missed) as completeSession records it, with each side's feedback as submitFeedback would store it. */
  const complete = (session: SeedSession, rand: () => number, theme: Theme | null, noShow: "mentee" | "mentor" | null, feedbackKind: SeedFeedback["kind"]) => {
    const byMentee = noShow === "mentor" || (noShow === null && rand() < 0.12);
    const completedAtMs = session.endMs + (byMentee ? between(rand, 25, 40) * HOUR : between(rand, 10, 600) * MINUTE);
    session.status = noShow ? "no_show" : "completed";
    session.completedAtMs = completedAtMs;
    session.completedBy = byMentee ? session.menteeId : session.mentorId;
    session.attendance = { mentor: noShow !== "mentor", mentee: noShow !== "mentee" };
    session.actualMinutes = noShow ? between(rand, 10, 20) : Math.max(10, session.durationMinutes + pickOf(rand, [-10, -5, 0, 0, 0, 5, 10]));
    session.sharedNotes = noShow ? pickOf(rand, NO_SHOW_NOTES) : (theme?.notes ?? "");
    session.topics = noShow ? [] : [...(theme?.topics ?? [])];
    session.actionItems = noShow ? [] : [...(theme?.actionItems ?? [])];
    session.followUp = !noShow && rand() < 0.3;
    session.remindersSent = { "24h": session.version, "1h": session.version };
    session.nextReminderAtMs = null;
    session.updatedAtMs = completedAtMs;
    if (noShow) return;
    // Fewer ratings on the newest sessions: some people have not got round to it, so the dashboard asks them.
    const recent = now - session.endMs < 10 * DAY;
    const entries: SeedFeedback[] = [];
    for (const [fromUid, toUid, toRole, chance] of [
      [session.menteeId, session.mentorId, "mentor", recent ? 0.5 : 0.88],
      [session.mentorId, session.menteeId, "mentee", recent ? 0.45 : 0.75],
    ] as const) {
      if (rand() >= chance) continue;
      const createdAtMs = completedAtMs + between(rand, 20, 4 * 24 * 60) * MINUTE;
      if (createdAtMs > now - 30 * MINUTE) continue;
      const rating = toRole === "mentor" ? feedbackRating(rand, input.typicalRating[toUid] ?? 4.5) : Math.min(5, Math.max(3, Math.round(4.4 + (rand() - 0.5) * 2)));
      entries.push({
        id: `${session.id}_${fromUid}`,
        sessionId: session.id,
        kind: feedbackKind,
        fromUid,
        toUid,
        toRole,
        fromName: person(fromUid).displayName,
        rating,
        comment: commentFor(rand, toRole === "mentor" ? ABOUT_MENTOR : ABOUT_MENTEE, rating),
        createdAtMs,
        visibleAtMs: 0,
        visible: false,
        countedAtMs: toRole === "mentor" ? createdAtMs : null,
      });
    }
    feedback.push(...revealed(entries, completedAtMs, now));
  };

  // ---- mini requests first: the scheduled ones have to find real free times in the mentors' hours ----
  for (const row of MINI_ROWS) {
    const rand = prng(hashOf(row.id));
    const student = person(row.student);
    const createdAtMs = Math.floor((now - row.createdHoursAgo * HOUR) / MINUTE) * MINUTE;
    const expiresAtMs = createdAtMs + MINI.expiryDays * DAY;
    const claimer = row.claimer ? person(row.claimer) : null;
    const firstClaimAfter = row.claimAfterHours ?? claimHours(rand, row.urgency);
    const firstClaimedAtMs = row.claimer || row.lapsedBy ? createdAtMs + Math.round(firstClaimAfter * HOUR) : null;
    // A lapsed claim went back to the board after the 48 hours; the next claim (if any) came later.
    const claimedAtMs = claimer ? (row.lapsedBy ? firstClaimedAtMs! + MINI.scheduleWithinHours * HOUR + between(rand, 1, 20) * HOUR : firstClaimedAtMs) : null;
    const createdDate = localDateIn(student.timezone, createdAtMs);
    const rangeStart = addDays(createdDate, row.status === "open" || row.status === "claimed" ? 1 : between(rand, 1, 2));
    const request: SeedMiniRequest = {
      id: row.id,
      studentId: student.uid,
      studentName: student.displayName,
      title: row.title,
      sessionType: row.type,
      description: row.description,
      durationMinutes: row.duration,
      urgency: row.urgency,
      urgencyRank: MINI_URGENCY_RANK[row.urgency],
      preferredDateStart: rangeStart,
      preferredDateEnd: addDays(rangeStart, between(rand, 7, 13)),
      preferredTimeSlots: row.slots.map(([from, to]) => ({ from, to })),
      timezone: student.timezone,
      tags: row.tags,
      relevantExperience: row.experience ?? "",
      specificQuestions: row.questions ?? "",
      resumeUrl: row.resume ?? "",
      portfolioUrl: row.portfolio ?? "",
      searchTokens: miniSearchTokens({ title: row.title, description: row.description, tags: row.tags }),
      status: row.status,
      claimedBy: null,
      claimedByName: "",
      claimedAtMs: null,
      scheduleByMs: null,
      releasedBy: row.lapsedBy ? [row.lapsedBy] : [],
      firstClaimedAtMs,
      sessionId: null,
      scheduledAtMs: null,
      scheduledStartAtMs: null,
      meetingType: null,
      meetingLink: "",
      phone: "",
      location: "",
      cancelledBy: null,
      cancelReason: "",
      cancelledAtMs: null,
      completedAtMs: null,
      expiredAtMs: null,
      expiresAtMs,
      createdAtMs,
      updatedAtMs: row.lapsedBy ? firstClaimedAtMs! + MINI.scheduleWithinHours * HOUR : createdAtMs,
    };
    const claimed = () => {
      request.claimedBy = claimer!.uid;
      request.claimedByName = claimer!.displayName;
      request.claimedAtMs = claimedAtMs;
      request.scheduleByMs = claimedAtMs! + MINI.scheduleWithinHours * HOUR;
      request.updatedAtMs = claimedAtMs!;
    };
    if (row.status === "claimed" || row.status === "scheduled" || row.status === "completed" || (row.status === "cancelled" && claimer)) claimed();
    if (row.status === "expired") {
      request.expiredAtMs = expiresAtMs + between(rand, 1, 59) * MINUTE;
      request.updatedAtMs = request.expiredAtMs;
    }
    if (row.status === "cancelled" && !row.meeting) {
      request.cancelledBy = student.uid;
      request.cancelReason = row.cancelReason ?? "";
      // Hours from posting; a claimed one was cancelled after its claim.
      request.cancelledAtMs = Math.max(createdAtMs + Math.round((row.cancelAfterHours ?? 24) * HOUR), (claimedAtMs ?? 0) + 10 * MINUTE);
      request.scheduleByMs = null;
      request.updatedAtMs = request.cancelledAtMs;
    }
    if (row.meeting && claimer) {
      const scheduledAtMs = claimedAtMs! + between(rand, 20, 30 * 60) * MINUTE;
      const sessionId = `${row.id}-session`;
      const mentorHours = availability[claimer.uid];
      const candidates = slotCandidates(request, row.duration);
      const future = row.status === "scheduled";
      const startMs = candidates.find((start) => {
        if (start <= scheduledAtMs + (12 + (row.status === "cancelled" ? (row.cancelAfterHours ?? 24) : 0)) * HOUR) return false;
        if (future && start < now + 2 * HOUR) return false;
        if (future && !(mentorHours && checkBookingRequest({ nowMs: scheduledAtMs, availability: mentorHours, busy: [], startMs: start, durationMinutes: row.duration }).ok)) return false;
        if (!future && start + row.duration * MINUTE > now - 2 * DAY) return false;
        return calendar.free([claimer.uid, student.uid], start, start + row.duration * MINUTE);
      });
      if (startMs === undefined) throw new Error(`seed: no time for ${row.id} in its preferred slots`);
      calendar.add([claimer.uid, student.uid], startMs, startMs + row.duration * MINUTE);
      const session = baseSession(sessionId, "mini", row.id, claimer.uid, student.uid, claimer.uid, startMs, row.duration, defaultMiniAgenda({ title: row.title, specificQuestions: row.questions ?? "" }, SESSIONS.agendaMax), scheduledAtMs);
      const meeting = meetingOf(row.meeting, session, claimer);
      // Created accepted (the student already said these times work), so nobody answered it.
      Object.assign(session, meeting, { title: row.title, confirmedAtMs: scheduledAtMs });
      Object.assign(request, meeting, { sessionId, scheduledAtMs, scheduledStartAtMs: startMs, scheduleByMs: null, updatedAtMs: scheduledAtMs });
      if (future) {
        const mentorBuffer = mentorHours?.bufferMinutes ?? 0;
        session.lockIds = bookingLockIds({ mentorId: claimer.uid, menteeId: student.uid, startMs, endMs: session.endMs, bufferMinutes: mentorBuffer });
        const reminders = planReminders({ status: "accepted", startMs, version: 1, confirmedAtMs: scheduledAtMs, remindersSent: {} }, now);
        session.nextReminderAtMs = reminders.nextReminderAt;
      } else if (row.status === "cancelled") {
        const cancelledAtMs = scheduledAtMs + Math.round((row.cancelAfterHours ?? 24) * HOUR);
        Object.assign(session, { status: "cancelled", cancelledBy: student.uid, cancelReason: row.cancelReason ?? "", cancelledAtMs, updatedAtMs: cancelledAtMs });
        Object.assign(request, { cancelledBy: student.uid, cancelReason: row.cancelReason ?? "", cancelledAtMs, updatedAtMs: cancelledAtMs });
      } else {
        complete(session, rand, { agenda: session.agenda, topics: row.tags.slice(0, 3), actionItems: MINI_ACTIONS[row.type], notes: MINI_NOTES[row.type] }, row.noShow ? "mentee" : null, "mini");
        Object.assign(request, { completedAtMs: session.completedAtMs, updatedAtMs: session.completedAtMs });
      }
      sessions.push(session);
    }
    miniRequests.push(request);
  }

  // ---- sessions of matches: weekly-ish from a little after the acceptance until the end (or two days ago) ----
  for (const match of input.matches) {
    if ((match.status !== "accepted" && match.status !== "ended") || match.respondedHoursAgo === null || input.skipMatchIds.has(match.id)) continue;
    const rand = prng(hashOf(match.id));
    const mentor = person(match.mentorId);
    const mentee = person(match.menteeId);
    const hours = availability[mentor.uid]?.weekly ?? DEFAULT_WEEK;
    const themes = THEMES[mentor.department] ?? THEMES.Engineering!;
    const acceptedAtMs = now - match.respondedHoursAgo * HOUR;
    const lastDaysAgo = Math.max(2, Math.ceil((match.endedHoursAgo ?? 0) / 24) + 1);
    const today = localDateIn(mentor.timezone, now);
    let n = 0;
    for (let k = Math.floor(match.respondedHoursAgo / 24) - between(rand, 3, 7); k >= lastDaysAgo; k -= between(rand, 6, 10)) {
      const duration = pickOf(rand, [30, 45, 45, 60, 60] as const);
      let startMs: number | null = null;
      for (const shift of [0, 1, -1, 2, -2, 3]) {
        const daysAgo = k + shift;
        if (daysAgo < lastDaysAgo) continue;
        const date = addDays(today, -daysAgo);
        const ranges = hours[weekdayOf(date)].filter((r) => minutesOf(r.end) - minutesOf(r.start) >= duration);
        if (ranges.length === 0) continue;
        const range = pickOf(rand, ranges);
        const slack = (minutesOf(range.end) - minutesOf(range.start) - duration) / 15;
        const candidate = wallToUtc(mentor.timezone, date, timeOf(minutesOf(range.start) + 15 * between(rand, 0, slack)));
        if (candidate - 2 * DAY < acceptedAtMs || !calendar.free([mentor.uid, mentee.uid], candidate, candidate + duration * MINUTE)) continue;
        startMs = candidate;
        break;
      }
      if (startMs === null) continue;
      calendar.add([mentor.uid, mentee.uid], startMs, startMs + duration * MINUTE);
      n += 1;
      const theme = themes[(n + hashOf(match.id)) % themes.length]!;
      const byMentee = rand() < 0.6;
      const proposer = byMentee ? mentee.uid : mentor.uid;
      const invitee = byMentee ? mentor.uid : mentee.uid;
      const createdAtMs = Math.max(acceptedAtMs + HOUR, startMs - between(rand, 2, 9) * DAY);
      const session = baseSession(`seed-past-${match.id}-${n}`, "match", match.id, mentor.uid, mentee.uid, proposer, startMs, duration, theme.agenda, createdAtMs);
      const respondedAtMs = Math.min(createdAtMs + between(rand, 30, 20 * 60) * MINUTE, startMs - HOUR);
      session.respondedAtMs = respondedAtMs;
      session.updatedAtMs = respondedAtMs;
      const roll = rand();
      if (roll < 0.05) {
        Object.assign(session, { status: "declined", responseNote: pickOf(rand, DECLINE_NOTES) });
      } else {
        session.confirmedAtMs = respondedAtMs;
        if (roll < 0.15) {
          const cancelledAtMs = Math.max(respondedAtMs + HOUR, startMs - between(rand, 3, 48) * HOUR);
          const cancelledBy = rand() < 0.5 ? invitee : proposer;
          Object.assign(session, { status: "cancelled", cancelledBy, cancelReason: pickOf(rand, CANCEL_REASONS), cancelledAtMs, updatedAtMs: cancelledAtMs });
          // The 24-hour reminder went out when the cancellation came later than that.
          if (startMs - cancelledAtMs < 24 * HOUR) session.remindersSent = { "24h": 1 };
        } else {
          const noShow = roll < 0.2 ? (rand() < 0.75 ? "mentee" : "mentor") : null;
          complete(session, rand, theme, noShow, "session");
        }
      }
      sessions.push(session);
    }
  }
  return { sessions, feedback, miniRequests };
}

const DEFAULT_WEEK: Availability["weekly"] = {
  mon: [{ start: "10:00", end: "16:00" }],
  tue: [{ start: "10:00", end: "16:00" }],
  wed: [{ start: "10:00", end: "16:00" }],
  thu: [{ start: "10:00", end: "16:00" }],
  fri: [{ start: "10:00", end: "16:00" }],
  sat: [],
  sun: [],
};

const MINI_ACTIONS: Record<MiniSessionType, string[]> = {
  interview_prep: ["Rewrite two answers using the STAR structure", "Do one more timed run-through"],
  skill_learning: ["Finish the tutorial project", "Read the recommended chapter"],
  career_advice: ["Talk to two people in the target role", "Write down what the next role needs"],
  resume_review: ["Rewrite bullet points as outcomes", "Cut the resume to one page"],
  project_guidance: ["Write the one-page plan", "Share it with the team for comments"],
  technical_help: ["Add a test that reproduces the bug", "Document the fix in the README"],
  portfolio_review: ["Lead with the strongest case study", "Add the problem statement up front"],
  networking_advice: ["Reach out to three people this month", "Join the internal community channel"],
  other: ["Follow up with the recommended resources"],
};
const MINI_NOTES: Record<MiniSessionType, string> = {
  interview_prep: "Good structure overall; answers get stronger when they end with the result and what you learned.",
  skill_learning: "Covered the fundamentals and built a small example together. Next step is practice on a real task.",
  career_advice: "Talked through the options and what each role looks like day to day. Clear next step: informational chats.",
  resume_review: "The experience is strong but hidden behind task lists. Outcomes and numbers first.",
  project_guidance: "Scoped the project down to a first milestone that can ship in two weeks.",
  technical_help: "Found the root cause together and agreed on a fix plus a regression test.",
  portfolio_review: "Two case studies are strong; the third dilutes them. Tell the story of your decisions.",
  networking_advice: "Focus on giving before asking: share notes, offer help, then ask for time.",
  other: "Answered the main questions and shared a short reading list.",
};

function meetingOf(type: MiniMeetingType, session: SeedSession, claimer: HistoryPerson): { meetingType: MiniMeetingType; meetingLink: string; phone: string; location: string } {
  if (type === "video") return { meetingType: type, meetingLink: session.meetingLink, phone: "", location: "" };
  if (type === "phone") return { meetingType: type, meetingLink: "", phone: "+44 20 7946 0958", location: "" };
  return { meetingType: type, meetingLink: "", phone: "", location: `${claimer.timezone.split("/")[1]!.replace("_", " ")} office, third-floor café` };
}

/** Every start on the 15-minute grid inside the request's preferred days and daily windows, earliest first. */
function slotCandidates(request: Pick<SeedMiniRequest, "preferredDateStart" | "preferredDateEnd" | "preferredTimeSlots" | "timezone">, duration: number): number[] {
  const starts: number[] = [];
  for (let date = request.preferredDateStart; date <= request.preferredDateEnd; date = addDays(date, 1)) {
    for (const slot of request.preferredTimeSlots) {
      for (let m = minutesOf(slot.from); m + duration <= minutesOf(slot.to); m += 15) starts.push(wallToUtc(request.timezone, date, timeOf(m)));
    }
  }
  return starts.sort((a, b) => a - b);
}

/**
 * When each side of a pair can read the other's feedback (submitFeedback): the completion + FEEDBACK.revealDays, or
 * the second submission if it came sooner; `visible` once that has passed.
 */
function revealed(entries: SeedFeedback[], completedAtMs: number, now: number): SeedFeedback[] {
  const revealAtMs = completedAtMs + FEEDBACK.revealDays * DAY;
  const visibleAtMs = entries.length === 2 ? Math.min(revealAtMs, Math.max(...entries.map((e) => e.createdAtMs))) : revealAtMs;
  return entries.map((entry) => ({ ...entry, visibleAtMs, visible: visibleAtMs <= now }));
}
