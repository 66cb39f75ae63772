import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where, type DocumentData } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { lockCellId, lockDocId } from "@mentormatch/shared/scheduling";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

// A pending session between the owner and the mentor holds these cells. Nobody but functions touches locks: reading
// one would show when someone is busy, and writing or deleting one would book or free time without the session.
const CELL = lockCellId(Date.parse("2030-03-04T10:00:00Z") / 900_000);
const OWNER_LOCK = paths.sessionLock(lockDocId(UID.owner, CELL));
const MENTOR_LOCK = paths.sessionLock(lockDocId(UID.mentor, CELL));

const lock = (uid: string, overrides: DocumentData = {}): DocumentData => ({ uid, cell: CELL, sessionId: "s-owner", createdAt: PAST, ...overrides });

const suite = useRulesSuite("session-locks", () => ({ [OWNER_LOCK]: lock(UID.owner), [MENTOR_LOCK]: lock(UID.mentor) }));

describe("sessionLocks: role matrix (no client access at all)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the mentor's lock", run: (db) => getDoc(doc(db, MENTOR_LOCK)) },
      list: { what: "every lock", run: (db) => getDocs(collection(db, paths.sessionLocks())) },
      create: {
        what: "a lock in their own name on a free cell",
        leaves: paths.sessionLock(lockDocId(UID.mentee, CELL)),
        run: (db, actor) => setDoc(doc(db, paths.sessionLock(lockDocId(suite.uid(actor), CELL))), lock(suite.uid(actor))),
      },
      update: { what: "point the mentor's lock at another session", leaves: MENTOR_LOCK, run: (db) => updateDoc(doc(db, MENTOR_LOCK), { sessionId: "s-forged" }) },
      delete: { what: "the mentor's lock (freeing the time without the callable)", leaves: MENTOR_LOCK, run: (db) => deleteDoc(doc(db, MENTOR_LOCK)) },
    },
    {
      anonymous: [],
      owner: [],
      other: [],
      unverified: [],
      mentor: [],
      mentee: [],
      admin: [],
      demotedAdmin: [],
      demotedMentor: [],
    },
  );
});

describe("sessionLocks: attacks", () => {
  it("the owner cannot read their own lock or query locks by person", async () => {
    await expectAllowed(getDoc(doc(suite.db("owner"), OWNER_LOCK)), false);
    await expectAllowed(getDocs(query(collection(suite.db("owner"), paths.sessionLocks()), where("uid", "==", UID.owner))), false);
  });

  it("a participant cannot delete their own lock to free a held time", async () => {
    await expectAllowed(deleteDoc(doc(suite.db("owner"), OWNER_LOCK)), false);
    expect(await suite.read(OWNER_LOCK)).toEqual(lock(UID.owner));
  });

  it("a mentee cannot squat the mentor's next cell to block other bookings", async () => {
    const path = paths.sessionLock(lockDocId(UID.mentor, lockCellId(Date.parse("2030-03-04T10:15:00Z") / 900_000)));
    await expectAllowed(setDoc(doc(suite.db("mentee"), path), lock(UID.mentor, { sessionId: "s-squat" })), false);
    expect(await suite.read(path)).toBeUndefined();
  });

  it("an admin cannot read a lock either: getBookableSlots and the sessions say what is booked", async () => {
    await expectAllowed(getDoc(doc(suite.db("admin"), MENTOR_LOCK)), false);
  });
});
