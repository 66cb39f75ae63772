/** Firestore and Realtime Database paths, built in one place so web, functions, rules tests and seed agree. */
export const paths = {
  users: () => "users",
  user: (uid: string) => `users/${uid}`,
  userSettings: (uid: string) => `users/${uid}/private/settings`,
  userRegistration: (uid: string) => `users/${uid}/private/registration`,
  notifications: (uid: string) => `users/${uid}/notifications`,
  notification: (uid: string, id: string) => `users/${uid}/notifications/${id}`,
  mail: (id: string) => `mail/${id}`,
  mailbox: () => "mail",
  matches: () => "matches",
  match: (matchId: string) => `matches/${matchId}`,
  availability: (mentorId: string) => `availability/${mentorId}`,
  sessions: () => "sessions",
  session: (id: string) => `sessions/${id}`,
  sessionLocks: () => "sessionLocks",
  /** One lock per person per 15-minute cell: `{uid}_{cell}` (lockDocId in scheduling/locks.ts). */
  sessionLock: (lockId: string) => `sessionLocks/${lockId}`,
  /** Each participant's own notes on a session: only they read or write it. */
  sessionPrivateNote: (sessionId: string, uid: string) => `sessions/${sessionId}/private/${uid}`,
  feedbackList: () => "feedback",
  feedback: (sessionId: string, fromUid: string) => `feedback/${sessionId}_${fromUid}`,
  miniRequests: () => "miniRequests",
  miniRequest: (id: string) => `miniRequests/${id}`,
  programmeStats: () => "stats/programme",
  auditLog: () => "auditLog",
  auditEntry: (id: string) => `auditLog/${id}`,
  invites: () => "invites",
  invite: (id: string) => `invites/${id}`,
  supportThreads: () => "supportThreads",
  supportThread: (id: string) => `supportThreads/${id}`,
  supportMessages: (threadId: string) => `supportThreads/${threadId}/messages`,
  supportMessage: (threadId: string, id: string) => `supportThreads/${threadId}/messages/${id}`,
  reports: () => "reports",
  report: (id: string) => `reports/${id}`,
  blocks: () => "blocks",
  block: (id: string) => `blocks/${id}`,
  moderationConfig: () => "config/moderation",
  calendarFeeds: () => "calendarFeeds",
  /** Keyed by the SHA-256 (hex) of the feed's token: the token itself is never stored. */
  calendarFeed: (tokenHash: string) => `calendarFeeds/${tokenHash}`,
} as const;

export const rtdbPaths = {
  chat: (chatId: string) => `chats/${chatId}`,
  chatMembers: (chatId: string) => `chats/${chatId}/members`,
  /** `closed: true` once the match ended: the chat stays readable, nobody writes to it. */
  chatMeta: (chatId: string) => `chats/${chatId}/meta`,
  chatMessages: (chatId: string) => `chats/${chatId}/messages`,
  chatMessage: (chatId: string, messageId: string) => `chats/${chatId}/messages/${messageId}`,
  chatTyping: (chatId: string, uid: string) => `chats/${chatId}/typing/${uid}`,
  chatLastRead: (chatId: string, uid: string) => `chats/${chatId}/lastRead/${uid}`,
  userChats: (uid: string) => `userChats/${uid}`,
  presence: (uid: string) => `presence/${uid}`,
  /** Flat, so the unread-mail job can query every due marker by `at`: one marker per recipient and chat. */
  unreadMail: () => "unreadMail",
  unreadMailMarker: (uid: string, chatId: string) => `unreadMail/${uid}__${chatId}`,
  /** The server's verdict on an uploaded attachment, flat so the cleanup job can query it by `checkedAt`. */
  attachmentUploads: () => "attachmentUploads",
  attachmentUpload: (uploaderUid: string, chatId: string, attachmentId: string) => `attachmentUploads/${uploaderUid}__${chatId}__${attachmentId}`,
} as const;

export const matchIdOf = (mentorId: string, menteeId: string) => `${mentorId}_${menteeId}`;

/** In-app pages that notifications and emails link to, so functions and the web's routes agree. */
export const appLinks = {
  requests: () => "/requests",
  directory: () => "/mentors",
  mentor: (uid: string) => `/mentors/${uid}`,
  /** A match's chat (chatId = matchId). */
  chat: (matchId: string) => `/messages/${matchId}`,
  messages: () => "/messages",
  people: () => "/admin/people",
  sessions: () => "/sessions",
  bookSession: (matchId: string) => `/sessions/book/${matchId}`,
  session: (sessionId: string) => `/sessions/${sessionId}`,
  settings: () => "/settings",
  /** A calendar feed's path on the app's origin (Hosting rewrites it to the calendarFeed function). */
  calendarFeed: (token: string) => `/calendar/${token}.ics`,
  /** Mini mentorship: the student's list and form, a request's page, the mentors' board and the claimer's scheduler. */
  mini: () => "/mini-sessions",
  newMiniRequest: () => "/mini-sessions/new",
  miniRequest: (requestId: string) => `/mini-sessions/${requestId}`,
  miniBoard: () => "/mini-sessions/board",
  scheduleMini: (requestId: string) => `/mini-sessions/${requestId}/schedule`,
  adminMini: () => "/admin/mini",
  adminAnalytics: () => "/admin/analytics",
  moderation: () => "/admin/moderation",
  /** A support conversation as its requester sees it, and the admins' inbox view of it. */
  support: (threadId?: string) => (threadId ? `/support/${threadId}` : "/support"),
  adminSupport: (threadId?: string) => (threadId ? `/admin/support/${threadId}` : "/admin/support"),
} as const;

/** Document ids derived from a dedupe key, so a retried trigger addresses the same notification and mail. */
export function dedupeDocId(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 700);
}

/**
 * The `mail/` id for one recipient's email under a dedupe key. `mail/` is one collection for everyone, so the
 * recipient is part of the id: two people notified under the same key (both sides of a match) get one email each.
 */
export function mailIdFor(uid: string, dedupeKey: string): string {
  return dedupeDocId(`${uid}__${dedupeKey}`);
}
