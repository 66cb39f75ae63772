// Writes firestore.indexes.json from the planners that need composite indexes; a unit test keeps them in step.
import { writeFileSync } from "node:fs";
import { adminMiniIndexes, adminSessionIndexes, directoryIndexes, matchIndexes, miniBoardIndexes, miniJobIndexes, miniStudentIndexes, peopleIndexes, sessionIndexes, statsIndexes, supportIndexes } from "@mentormatch/shared";

const composite = [
  ...directoryIndexes(),
  // The admin People list; role + displayName and role + token + displayName are shared with the directory.
  ...peopleIndexes(),
  // Participants' match lists (Requests page, pending counter) and the expiry sweep.
  ...matchIndexes(),
  // Support conversations: a person's own, and the admins' inbox by status; both newest activity first.
  ...supportIndexes(),
  // Sessions: one person's pending and accepted sessions not yet ended (getBookableSlots' busy time).
  ...sessionIndexes(),
  // The admins' all-sessions table: kind and/or status, newest start first.
  ...adminSessionIndexes(),
  // Mini mentorship: a student's own requests, newest first (web/src/data/mini-requests.ts).
  ...miniStudentIndexes(),
  // Mini mentorship: the mentors' board (open, unexpired, by filters and sort) and a claimer's own list.
  ...miniBoardIndexes(),
  // Mini mentorship: the expiry and lapsed-claim jobs (status + due time) and the wait estimate (type + urgency + first claim).
  ...miniJobIndexes(),
  // The admins' mini request table: status and/or type, newest first (a created-date range rides on the order).
  ...adminMiniIndexes(),
  // The analytics' daily reconciliation: counts of a status within a time range (sessions, matches, mini requests).
  ...statsIndexes(),
  // A mentor's recent visible feedback on their profile (web/src/data/feedback.ts), newest first.
  {
    collectionGroup: "feedback",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "toUid", order: "ASCENDING" },
      { fieldPath: "toRole", order: "ASCENDING" },
      { fieldPath: "visible", order: "ASCENDING" },
      { fieldPath: "visibleAt", order: "DESCENDING" },
    ],
  },
  // revealFeedback: lone feedback whose 7 days have passed.
  {
    collectionGroup: "feedback",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "visible", order: "ASCENDING" },
      { fieldPath: "visibleAt", order: "ASCENDING" },
    ],
  },
  {
    collectionGroup: "notifications",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "read", order: "ASCENDING" },
      { fieldPath: "createdAt", order: "DESCENDING" },
    ],
  },
  // retryStalledMail: failed sends with attempts left, and leases that expired.
  {
    collectionGroup: "mail",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "attempts", order: "ASCENDING" },
    ],
  },
  {
    collectionGroup: "mail",
    queryScope: "COLLECTION",
    fields: [
      { fieldPath: "status", order: "ASCENDING" },
      { fieldPath: "leaseExpiresAt", order: "ASCENDING" },
    ],
  },
];
// Single-field indexes Firestore does not make on its own: collection-group scope. The message digest finds the people
// who switched it on with a collection-group query on private/settings (functions/src/lib/message-digest.ts).
const fieldOverrides = [
  {
    collectionGroup: "private",
    fieldPath: "emailPrefs.messageDigest",
    indexes: [
      { order: "ASCENDING", queryScope: "COLLECTION" },
      { order: "ASCENDING", queryScope: "COLLECTION_GROUP" },
    ],
  },
];
// Two planners may need the same index, and Firestore rejects a file that declares one twice.
const indexes = [...new Map(composite.map((index) => [JSON.stringify(index), index])).values()];
writeFileSync(new URL("../firestore.indexes.json", import.meta.url), JSON.stringify({ indexes, fieldOverrides }, null, 2) + "\n");
console.log(`firestore.indexes.json: ${indexes.length} composite indexes`);
