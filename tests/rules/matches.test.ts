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
import { describe, expect, it } from "vitest";
import { matchIdOf, paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

// The owner (a mentee) has asked the mentor; the mentee and a second mentor have their own match. The non-members
// and the demoted admin each take part in a match of their own, to show what being a participant does and does not
// open.
const OTHER_MENTOR = "otto";
const OWNER_MATCH = paths.match(matchIdOf(UID.mentor, UID.owner));
const OTHER_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.mentee));
const UNVERIFIED_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.unverified));
const NO_ROLE_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.other));
const DEMOTED_ADMIN_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.demotedAdmin));

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
  [UNVERIFIED_MATCH]: match(OTHER_MENTOR, UID.unverified),
  [NO_ROLE_MATCH]: match(OTHER_MENTOR, UID.other),
  [DEMOTED_ADMIN_MATCH]: match(OTHER_MENTOR, UID.demotedAdmin),
}));

const byStatus = (actor: Parameters<typeof suite.db>[0]) =>
  query(collection(suite.db(actor), paths.matches()), where("status", "==", "pending"));
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
      unverified: [],
      mentor: ["get"],
      mentee: [],
      admin: ["get", "list"],
      // The token still claims admin, but the stored profile says mentee.
      demotedAdmin: [],
      demotedMentor: [],
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

  it("a user with no role claim cannot run even the query for themselves", async () => {
    await expectAllowed(getDocs(mine("other")), false);
  });

  it("a user whose email is not verified cannot run the query for themselves", async () => {
    await expectAllowed(getDocs(mine("unverified")), false);
  });

  it("a demoted admin can still list the matches they take part in", async () => {
    const snapshot = await getDocs(mine("demotedAdmin"));
    expect(snapshot.docs.map((d) => d.ref.path)).toEqual([DEMOTED_ADMIN_MATCH]);
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
    await expectAllowed(getDocs(byStatus("admin")), true);
  });

  it("a demoted admin's old token cannot list by status", async () => {
    await expectAllowed(getDocs(byStatus("demotedAdmin")), false);
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

  it("a demoted admin's old token cannot get a match they are not part of", async () => {
    await expectAllowed(getDoc(doc(suite.db("demotedAdmin"), OTHER_MATCH)), false);
  });

  it("a demoted admin can still get a match they take part in", async () => {
    await expectAllowed(getDoc(doc(suite.db("demotedAdmin"), DEMOTED_ADMIN_MATCH)), true);
  });

  it("an admin whose profile is missing cannot get a match they are not part of", async () => {
    await suite.remove(paths.user(UID.admin));
    await expectAllowed(getDoc(doc(suite.db("admin"), OTHER_MATCH)), false);
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

describe("matches: participants must be members", () => {
  it("a participant whose email is not verified cannot get their match", async () => {
    await expectAllowed(getDoc(doc(suite.db("unverified"), UNVERIFIED_MATCH)), false);
  });

  it("a participant with no role claim cannot get their match", async () => {
    await expectAllowed(getDoc(doc(suite.db("other"), NO_ROLE_MATCH)), false);
  });

  // Participants are checked before the stored role, so their reads do not depend on (or pay for) a profile read.
  it("a participant can get their match even with no stored profile", async () => {
    await suite.remove(paths.user(UID.mentor));
    await expectAllowed(getDoc(doc(suite.db("mentor"), OWNER_MATCH)), true);
  });

  it("a participant can list their matches even with no stored profile", async () => {
    await suite.remove(paths.user(UID.mentor));
    await expectAllowed(getDocs(mine("mentor")), true);
  });
});

// The same token and client before and after the stored role changes: the old admin token stops at once.
describe("matches: an admin's token minted before a demotion", () => {
  it("gets a match they are not part of while the profile says admin, and not once it says mentee", async () => {
    const admin = suite.db("admin");
    await expectAllowed(getDoc(doc(admin, OTHER_MATCH)), true);

    await suite.setStoredRole("admin", "mentee");
    await expectAllowed(getDoc(doc(admin, OTHER_MATCH)), false);
  });

  it("lists every match by status while the profile says admin, and not once it says mentee", async () => {
    await expectAllowed(getDocs(byStatus("admin")), true);

    await suite.setStoredRole("admin", "mentee");
    await expectAllowed(getDocs(byStatus("admin")), false);
  });

  it("still gets a match they take part in once demoted", async () => {
    await suite.setStoredRole("admin", "mentee");
    await suite.seed({ [paths.match(matchIdOf(UID.mentor, UID.admin))]: match(UID.mentor, UID.admin) });
    await expectAllowed(getDoc(doc(suite.db("admin"), paths.match(matchIdOf(UID.mentor, UID.admin)))), true);
  });
});
