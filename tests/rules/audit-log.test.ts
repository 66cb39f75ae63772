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
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

// The admin changed the mentor's role once; functions wrote this entry in the same transaction.
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

describe("auditLog: role matrix (admins with a current role read; only functions write)", () => {
  describeRoleMatrix(
    suite,
    {
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
      update: { what: "an entry's actor", run: (db) => updateDoc(doc(db, ENTRY), { actorUid: "mallory" }) },
      delete: { what: "an entry", run: (db) => deleteDoc(doc(db, ENTRY)) },
    },
    {
      anonymous: [],
      owner: [],
      other: [],
      unverified: [],
      mentor: [],
      mentee: [],
      admin: ["get", "list"],
      // The token still claims admin, but the stored profile says mentee.
      demotedAdmin: [],
      demotedMentor: [],
    },
  );
});

describe("auditLog: the record cannot be rewritten, even by an admin", () => {
  it("an admin cannot create an entry with a chosen id", async () => {
    await expectAllowed(setDoc(doc(suite.db("admin"), paths.auditEntry("forged")), entry()), false);
  });

  it("an admin cannot overwrite an entry", async () => {
    await expectAllowed(setDoc(doc(suite.db("admin"), ENTRY), entry({ to: "admin" })), false);
    expect((await suite.read(ENTRY))?.to).toBe("mentor");
  });

  it("an admin cannot erase the entry about their own change", async () => {
    await expectAllowed(deleteDoc(doc(suite.db("admin"), ENTRY)), false);
    expect(await suite.read(ENTRY)).toBeDefined();
  });

  it("the subject of an entry cannot read it", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), ENTRY)), false);
  });
});

// The same token and client before and after the stored role changes: the old admin token stops at once.
describe("auditLog: an admin's token minted before a role change", () => {
  it("gets an entry while the profile says admin, and not once it says mentee", async () => {
    const admin = suite.db("admin");
    await expectAllowed(getDoc(doc(admin, ENTRY)), true);

    await suite.setStoredRole("admin", "mentee");
    await expectAllowed(getDoc(doc(admin, ENTRY)), false);
  });

  it("lists the entries while the profile says admin, and not once it says mentee", async () => {
    const admin = suite.db("admin");
    await expectAllowed(getDocs(newestFirst(admin)), true);

    await suite.setStoredRole("admin", "mentee");
    await expectAllowed(getDocs(newestFirst(admin)), false);
  });
});
