/** Mirrors UNREAD_LIMIT in data/notifications.ts without pulling Firestore into pure code and its tests. */
export const UNREAD_LIMIT_DISPLAY = 100;
