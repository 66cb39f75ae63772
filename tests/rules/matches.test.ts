import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from "firebase/firestore";
import { describe, it } from "vitest";
import { matchIdOf, paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

// The owner (a mentee) has asked the mentor; the mentee and a second mentor have their own match.
const OTHER_MENTOR = "otto";
const OWNER_MATCH = paths.match(matchIdOf(UID.mentor, UID.owner));
const OTHER_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.mentee));

const match = (mentorId: string, menteeId: string, overrides: DocumentData = {}): DocumentData => ({
  mentorId,
  menteeId,
  participants: [mentorId, menteeId],
  status: "pending",
  message: "Could you help me prepare for a staff role?",
  createdAt: PAST,
  respondedAt: null,
  updatedAt: PAST,
  ...overrides,
});

const suite = useRulesSuite("matches", () => ({
  [OWNER_MATCH]: match(UID.mentor, UID.owner),
  [OTHER_MATCH]: match(OTHER_MENTOR, UID.mentee, { status: "accepted", respondedAt: PAST }),
}));

const mine = (actor: Parameters<typeof suite.db>[0]) =>
  query(collection(suite.db(actor), paths.matches()), where("participants", "array-contains", suite.uid(actor)));

describe("matches: role matrix (the owner is the mentee in the match; mentor is the other participant)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the owner's match", run: (db) => getDoc(doc(db, OWNER_MATCH)) },
      list: { what: "every match, unfiltered", run: (db) => getDocs(collection(db, paths.matches())) },
      create: {
        what: "a pending request naming themselves as mentee",
        run: (db, actor) => {
          const uid = suite.uid(actor);
          return setDoc(doc(db, paths.match(matchIdOf(OTHER_MENTOR, uid))), {
            ...match(OTHER_MENTOR, uid),
            createdAt: serverTimestamp(),
            updatedAt: serverTimestamp(),
          });
        },
      },
      update: {
        what: "accept the owner's match",
        run: (db) =>
          updateDoc(doc(db, OWNER_MATCH), {
            status: "accepted",
            respondedAt: serverTimestamp(),
            updatedAt: serverTimestamp(),
          }),
      },
      delete: { what: "the owner's match", run: (db) => deleteDoc(doc(db, OWNER_MATCH)) },
    },
    {
      anonymous: [],
      owner: ["get"],
      other: [],
      mentor: ["get"],
      mentee: [],
      admin: ["get", "list"],
    },
  );
});

describe("matches: participants' queries", () => {
  it("the owner can list matches they take part in", async () => {
    await expectAllowed(getDocs(mine("owner")), true);
  });

  it("the mentor can list matches they take part in, filtered by status", async () => {
    await expectAllowed(getDocs(query(mine("mentor"), where("status", "==", "pending"))), true);
  });

  it("the mentee can list their own matches", async () => {
    await expectAllowed(getDocs(mine("mentee")), true);
  });

  it("a user with no role can run the query for themselves (it finds nothing)", async () => {
    await expectAllowed(getDocs(mine("other")), true);
  });

  it("a mentee cannot list the owner's matches", async () => {
    const db = suite.db("mentee");
    await expectAllowed(
      getDocs(query(collection(db, paths.matches()), where("participants", "array-contains", UID.owner))),
      false,
    );
  });

  // Rules are not filters and cannot prove mentorId == uid implies participants holds uid.
  it("the mentor cannot list by mentorId; the query must use participants", async () => {
    const db = suite.db("mentor");
    await expectAllowed(getDocs(query(collection(db, paths.matches()), where("mentorId", "==", UID.mentor))), false);
  });

  it("an anonymous visitor cannot list with a participants filter", async () => {
    const db = suite.db("anonymous");
    await expectAllowed(
      getDocs(query(collection(db, paths.matches()), where("participants", "array-contains", UID.owner))),
      false,
    );
  });

  it("an admin can list by status across everyone", async () => {
    const db = suite.db("admin");
    await expectAllowed(getDocs(query(collection(db, paths.matches()), where("status", "==", "pending"))), true);
  });
});

describe("matches: non-participants", () => {
  it("the mentor cannot get a match of another mentor", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), OTHER_MATCH)), false);
  });

  it("the mentee can get their own match", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentee"), OTHER_MATCH)), true);
  });

  it("an admin can get any match", async () => {
    await expectAllowed(getDoc(doc(suite.db("admin"), OTHER_MATCH)), true);
  });

  it("the owner cannot cancel their own request directly (cancelMatch does)", async () => {
    await expectAllowed(updateDoc(doc(suite.db("owner"), OWNER_MATCH), { status: "cancelled" }), false);
  });

  it("the owner cannot add themselves to another pair's participants", async () => {
    await expectAllowed(
      updateDoc(doc(suite.db("owner"), OTHER_MATCH), { participants: [OTHER_MENTOR, UID.mentee, UID.owner] }),
      false,
    );
  });
});
