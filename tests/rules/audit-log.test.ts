import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { PAST, UID, describeAdminOnlyCollection, expectAllowed, useRulesSuite } from "./helpers.js";

// The admin changed the mentor's role once; functions wrote this entry in the same transaction. The mentor is the
// entry's subject, and the matrix shows they cannot read it either.
const ENTRY = paths.auditEntry("entry1");

const entry = (overrides: DocumentData = {}): DocumentData => ({
  action: "role_changed",
  actorUid: UID.admin,
  actorName: `User ${UID.admin}`,
  targetUid: UID.mentor,
  targetName: `User ${UID.mentor}`,
  targetEmail: null,
  from: "mentee",
  to: "mentor",
  at: PAST,
  ...overrides,
});

const suite = useRulesSuite("audit-log", () => ({ [ENTRY]: entry() }));

/** The People page's query: newest entries first. */
const newestFirst = (db: ReturnType<typeof suite.db>) =>
  query(collection(db, paths.auditLog()), orderBy("at", "desc"), limit(50));

describeAdminOnlyCollection(suite, "auditLog", {
  get: { what: "an entry", run: (db) => getDoc(doc(db, ENTRY)) },
  list: { what: "the newest entries", run: (db) => getDocs(newestFirst(db)) },
  create: {
    what: "an entry crediting themselves with a promotion",
    run: (db, actor) =>
      addDoc(
        collection(db, paths.auditLog()),
        entry({ actorUid: suite.uid(actor), targetUid: suite.uid(actor), to: "admin", at: serverTimestamp() }),
      ),
  },
  update: { what: "an entry's actor", leaves: ENTRY, run: (db) => updateDoc(doc(db, ENTRY), { actorUid: "mallory" }) },
  // An admin cannot erase the entry about their own change either.
  delete: { what: "an entry", leaves: ENTRY, run: (db) => deleteDoc(doc(db, ENTRY)) },
});

// The matrix adds with an automatic id and edits one field; these are the other ways to forge or rewrite the record.
describe("auditLog: the record cannot be rewritten, even by an admin", () => {
  it("an admin cannot create an entry with a chosen id", async () => {
    const forged = paths.auditEntry("forged");
    await expectAllowed(setDoc(doc(suite.db("admin"), forged), entry()), false);
    expect(await suite.read(forged)).toBeUndefined();
  });

  it("an admin cannot overwrite an entry", async () => {
    await expectAllowed(setDoc(doc(suite.db("admin"), ENTRY), entry({ to: "admin" })), false);
    expect((await suite.read(ENTRY))?.to).toBe("mentor");
  });
});
