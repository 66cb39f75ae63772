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
  feedback: (sessionId: string, fromUid: string) => `feedback/${sessionId}_${fromUid}`,
  miniRequests: () => "miniRequests",
  miniRequest: (id: string) => `miniRequests/${id}`,
  programmeStats: () => "stats/programme",
  auditLog: () => "auditLog",
  auditEntry: (id: string) => `auditLog/${id}`,
  invites: () => "invites",
  invite: (id: string) => `invites/${id}`,
} as const;

export const rtdbPaths = {
  chat: (chatId: string) => `chats/${chatId}`,
  chatMembers: (chatId: string) => `chats/${chatId}/members`,
  /** `closed: true` once the match ended: the chat stays readable, nobody writes to it. */
  chatMeta: (chatId: string) => `chats/${chatId}/meta`,
  chatMessages: (chatId: string) => `chats/${chatId}/messages`,
  chatTyping: (chatId: string, uid: string) => `chats/${chatId}/typing/${uid}`,
  chatLastRead: (chatId: string, uid: string) => `chats/${chatId}/lastRead/${uid}`,
  userChats: (uid: string) => `userChats/${uid}`,
  presence: (uid: string) => `presence/${uid}`,
} as const;

export const matchIdOf = (mentorId: string, menteeId: string) => `${mentorId}_${menteeId}`;

/** In-app pages that notifications and emails link to, so functions and the web's routes agree. */
export const appLinks = {
  requests: () => "/requests",
  directory: () => "/mentors",
  mentor: (uid: string) => `/mentors/${uid}`,
  /** A match's chat (chatId = matchId). */
  chat: (matchId: string) => `/messages/${matchId}`,
  people: () => "/admin/people",
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
