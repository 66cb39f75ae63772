export const ROLES = ["mentor", "mentee", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person may pick at sign-up; admins are made only by the seed or `setUserRole`. */
export const SELF_SERVICE_ROLES = ["mentor", "mentee"] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

export const DEPARTMENTS = [
  "Engineering",
  "Product",
  "Design",
  "Data Science",
  "Marketing",
  "Sales",
  "Finance",
  "People",
  "Operations",
  "Legal",
  "Customer Success",
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Email preference switches; every email belongs to exactly one. */
export const EMAIL_KINDS = [
  "account",
  "matchRequests",
  "matchUpdates",
  "sessions",
  "reminders",
  "miniMentorship",
  "feedback",
  "messages",
  "messageDigest",
  "support",
  "moderation",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * What a preference is when the person never set it (a settings document older than the kind counts the same).
 * The digest is opt-in: a daily email nobody asked for would be noise next to the per-message one.
 */
export const EMAIL_KIND_DEFAULTS: Record<EmailKind, boolean> = {
  account: true,
  matchRequests: true,
  matchUpdates: true,
  sessions: true,
  reminders: true,
  miniMentorship: true,
  feedback: true,
  messages: true,
  messageDigest: false,
  support: true,
  moderation: true,
};

export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  account: "Account and welcome messages",
  matchRequests: "New mentoring requests",
  matchUpdates: "Answers to my mentoring requests",
  sessions: "Session invitations and changes",
  reminders: "Session reminders (24 hours and 1 hour before)",
  miniMentorship: "Mini mentorship updates",
  feedback: "New feedback on my sessions",
  messages: "A message I have not read for a while",
  messageDigest: "A daily digest of my unread messages",
  support: "Answers from programme support",
  moderation: "Moderation: reports to review (admins) and what became of my reports",
};

/** In-app notification kinds, each mapped to the email preference that governs its email. */
export const NOTIFICATION_KINDS = {
  welcome: "account",
  announcement: "account",
  role_changed: "account",
  match_requested: "matchRequests",
  /** A mentee withdrew a request the mentor had not answered. */
  match_cancelled: "matchRequests",
  match_accepted: "matchUpdates",
  match_declined: "matchUpdates",
  /** A request nobody answered in MATCHING.requestDays; both people are told. */
  match_expired: "matchUpdates",
  /** Either person (or an admin changing a mentor's role) ended an accepted match. */
  match_ended: "matchUpdates",
  session_proposed: "sessions",
  session_accepted: "sessions",
  session_declined: "sessions",
  session_cancelled: "sessions",
  /** A session was marked completed, or missed by the person told. */
  session_completed: "sessions",
  session_reminder: "reminders",
  /** To the student: their mini request is on the board (seed 003's "request posted"). */
  mini_posted: "miniMentorship",
  mini_claimed: "miniMentorship",
  /** To both people: the claimer picked a time (with the .ics). */
  mini_scheduled: "miniMentorship",
  /** To the student: the claimer gave it back, or missed the scheduling deadline; it is on the board again. */
  mini_released: "miniMentorship",
  /** To the other person: the student cancelled the request (or the session of it). */
  mini_cancelled: "miniMentorship",
  /** To the student: nobody claimed it within MINI.expiryDays ("post again"). */
  mini_expired: "miniMentorship",
  /** To both people after a completed mini session: please rate each other. */
  mini_follow_up: "miniMentorship",
  mini_reminder: "reminders",
  feedback_received: "feedback",
  /** A chat message still unread after CHAT_EMAIL.unreadDelayMinutes. */
  message_unread: "messages",
  message_digest: "messageDigest",
  /** To the admins: someone opened a support conversation or wrote in one. */
  support_opened: "support",
  support_replied: "support",
  support_closed: "support",
  /** To the admins: a reported message waits in the review queue. */
  report_filed: "moderation",
  /** To the reporter: what an admin decided. */
  report_resolved: "moderation",
} as const satisfies Record<string, EmailKind>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];

export const LIMITS = {
  displayName: 80,
  title: 100,
  bio: 2000,
  avatarUrl: 500,
  timezone: 64,
  expertiseCount: 15,
  tag: 40,
  learningGoalsCount: 10,
  learningGoal: 120,
  capacityMax: 20,
  notificationText: 300,
  notificationLink: 200,
  email: 254,
  password: 128,
  passwordMin: 8,
  directoryPageSize: 12,
  directoryQuery: 60,
  emailDomains: 20,
  auditPageSize: 20,
  /** The mentee's note on a request, the mentor's answer, and the note when ending a match. */
  matchMessage: 500,
} as const;

/** How mentoring requests (`matches/`) behave; the callables, rules and planners read these. */
export const MATCHING = {
  /** Requests a mentee may have waiting for an answer at once. */
  maxPendingRequests: 3,
  /** A request nobody answers expires after this many days. */
  requestDays: 14,
  /** Answer times (hours) kept on a mentor's profile for "usually responds within …". */
  responseSamples: 20,
  /** Answers needed before a mentor's median response time is shown. */
  minAnswersForMedian: 3,
} as const;

/** Email about chat messages (the per-conversation unread email and the opt-in daily digest). */
export const CHAT_EMAIL = {
  /** Default minutes a message stays unread before its email; the deploy param CHAT_UNREAD_EMAIL_MINUTES overrides. */
  unreadDelayMinutes: 60,
  /** Conversations one digest lists at most. */
  digestConversations: 20,
  /** Due markers one unread-mail run takes at most; the next run takes the rest. */
  unreadBatch: 500,
} as const;

/** The private calendar feed (`calendarFeeds/`, the `calendarFeed` HTTPS function). */
export const CALENDAR_FEED = {
  /** Random bytes in a token: 256 bits, far past guessing (base64url, 43 characters). */
  tokenBytes: 32,
  /** Past sessions the feed still carries, so last week's stay in the calendar. */
  pastDays: 90,
  /** The one bounded query's limit, newest end first: more than anyone has in 90 days plus the booking horizon. */
  maxEvents: 1000,
  /** How often a subscribed calendar should fetch it again. */
  refreshMinutes: 60,
} as const;

/** Mentoring sessions (`sessions/`, `sessionLocks/`); the booking callables and their planners read these. */
export const SESSIONS = {
  /** Lengths a session may have (the same as the scheduling core's SESSION_DURATIONS; a unit test keeps them equal). */
  durations: [30, 45, 60] as const,
  agendaMax: 1000,
  /** The invitee's note with an accept or decline, and a cancellation's reason. */
  noteMax: 500,
  /** Cancelling this close to the start needs a reason, which the other person is shown. */
  cancelReasonCutoffHours: 2,
  /** Moving a session this close to the start needs a reason, as a late cancellation does. */
  rescheduleCutoffHours: 2,
  /** Upcoming pending/accepted sessions read per person to plan slots: more than anyone books within the horizon. */
  busyQueryLimit: 300,
  /** getBookableSlots answers this many days of slots at a time; `nextFromMs` pages on. */
  slotWindowDays: 14,
  /** Completing: the mentor from the end; either person once this many hours have passed after it. */
  completeByMentorHours: 24,
  /** Shared notes on completion and each person's private notes (`sessions/{id}/private/{uid}`; the rules agree). */
  notesMax: 5000,
  topicsMax: 10,
  topicMax: 100,
  actionItemsMax: 20,
  actionItemMax: 300,
  /** The longest actual duration one can report, in minutes. */
  actualMinutesMax: 480,
} as const;

/**
 * Feedback both ways (`feedback/`). The directory sorts by a Bayesian average: each mentor's ratings plus
 * `priorWeight` imaginary ratings of `priorMean`, so one 5-star review does not outrank forty at 4.9.
 */
/** Mini mentorship (docs/ARCHITECTURE.md, miniRequests/): one-off requests any mentor may claim. */
export const MINI = {
  /** An open request leaves the board this many days after posting (`expiresAt`). */
  expiryDays: 7,
  /** Claim means commit: the claimer schedules within this many hours or the request returns to the board. */
  scheduleWithinHours: 48,
  /** Claimed-but-unscheduled requests one mentor may hold at once. */
  maxClaimedPerMentor: 3,
  /** Open, claimed or scheduled requests one student may have at once. */
  maxActivePerStudent: 5,
  titleMin: 5,
  titleMax: 120,
  descriptionMin: 20,
  descriptionMax: 2000,
  experienceMax: 1000,
  questionsMax: 1000,
  tagsMax: 10,
  /** Daily time windows (in the student's zone) they can meet in, on every day of the preferred range. */
  timeSlotsMax: 6,
  /** The preferred range is at most this many days long, and starts at most this many days ahead. */
  rangeMaxDays: 30,
  startWithinDays: 60,
  /** Recent claimed requests of one type and urgency the expected wait is the median of, and the fewest it needs. */
  waitSample: 50,
  waitMinSample: 3,
  /** Requests per page on the mentors' board. */
  browsePageSize: 20,
  /** Rows per page of the admin table. */
  adminPageSize: 50,
} as const;

export const FEEDBACK = {
  commentMax: 2000,
  /** Each side sees the other's feedback once both are in, or this many days after completion. */
  revealDays: 7,
  priorMean: 4,
  priorWeight: 5,
  /** Recent written feedback on a mentor's profile. */
  recentLimit: 5,
} as const;

/** A new verification email at most this often per person, so "Resend" cannot flood an inbox. */
export const VERIFICATION_RESEND_SECONDS = 60;

export const DEMO_PROJECT_ID = "demo-mentormatch";
export const FUNCTIONS_REGION = "us-central1";
