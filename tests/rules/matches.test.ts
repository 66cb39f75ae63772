import {
  Timestamp,
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { LIMITS, matchDocSchema, matchIdOf, paths, planMatchListQuery, type MatchListSearch } from "@mentormatch/shared";
import { ACTORS, PAST, UID, describeRoleMatrix, expectAllowed, itRefusesOnceDemoted, useRulesSuite, type Actor } from "./helpers.js";

// The owner (a mentee) has asked the mentor; the mentee and a second mentor have their own match. The non-members
// and the demoted admin each take part in a match of their own, to show what being a participant does and does not
// open.
const OTHER_MENTOR = "otto";
const OWNER_MATCH = paths.match(matchIdOf(UID.mentor, UID.owner));
const OTHER_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.mentee));
const UNVERIFIED_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.unverified));
const NO_ROLE_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.other));
const DEMOTED_ADMIN_MATCH = paths.match(matchIdOf(OTHER_MENTOR, UID.demotedAdmin));
// The demoted mentor's token still says mentor; a mentee asked them before the demotion.
const DEMOTED_MENTOR_MATCH = paths.match(matchIdOf(UID.demotedMentor, UID.mentee));
const LATER = Timestamp.fromDate(new Date("2025-01-15T00:00:00Z"));

/** A match as requestMatch writes it (the test below checks it parses with the shared matchDocSchema). */
const match = (mentorId: string, menteeId: string, overrides: DocumentData = {}): DocumentData => ({
  mentorId,
  menteeId,
  participants: [mentorId, menteeId],
  status: "pending",
  round: 1,
  message: "Could you help me prepare for a staff role?",
  goals: ["system design"],
  mentorName: `User ${mentorId}`,
  mentorTitle: "",
  menteeName: `User ${menteeId}`,
  menteeTitle: "",
  menteeDepartment: "",
  responseMessage: "",
  requestedAt: PAST,
  expiresAt: LATER,
  respondedAt: null,
  endedAt: null,
  endedBy: null,
  endMessage: "",
  responseCounted: false,
  createdAt: PAST,
  updatedAt: PAST,
  ...overrides,
});

const suite = useRulesSuite("matches", () => ({
  [OWNER_MATCH]: match(UID.mentor, UID.owner),
  [OTHER_MATCH]: match(OTHER_MENTOR, UID.mentee, { status: "accepted", respondedAt: PAST }),
  [UNVERIFIED_MATCH]: match(OTHER_MENTOR, UID.unverified),
  [NO_ROLE_MATCH]: match(OTHER_MENTOR, UID.other),
  [DEMOTED_ADMIN_MATCH]: match(OTHER_MENTOR, UID.demotedAdmin),
  [DEMOTED_MENTOR_MATCH]: match(UID.demotedMentor, UID.mentee),
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

/** The query the web app builds from planMatchListQuery (Requests page, the sidebar's pending counter). */
function plannedQuery(actor: Actor, search: Omit<MatchListSearch, "uid">) {
  const plan = planMatchListQuery({ uid: suite.uid(actor), ...search });
  const constraints = [where("participants", "array-contains", plan.participant)];
  if (plan.side) constraints.push(where(plan.side.field, "==", plan.side.value));
  if (plan.status) constraints.push(plan.status.op === "==" ? where("status", "==", plan.status.value) : where("status", "in", plan.status.values));
  return query(collection(suite.db(actor), paths.matches()), ...constraints, orderBy(plan.orderBy.field, plan.orderBy.direction));
}

describe("matches: participants' queries", () => {
  for (const search of [
    { side: "incoming", statuses: ["pending"] },
    { side: "outgoing", statuses: ["pending", "accepted"] },
    { side: "any" },
  ] as const)
    it(`the planned query ${JSON.stringify(search)} is allowed for the mentor and the owner`, async () => {
      await expectAllowed(getDocs(plannedQuery("mentor", search)), true);
      await expectAllowed(getDocs(plannedQuery("owner", search)), true);
    });

  it("the mentor's pending incoming requests are exactly theirs", async () => {
    const snapshot = await getDocs(plannedQuery("mentor", { side: "incoming", statuses: ["pending"] }));
    expect(snapshot.docs.map((d) => d.ref.path)).toEqual([OWNER_MATCH]);
  });

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

  it("the owner cannot cancel their own request without stamping updatedAt with the request time", async () => {
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
  itRefusesOnceDemoted(suite, "gets a match they are not part of", (db) => getDoc(doc(db, OTHER_MATCH)));
  itRefusesOnceDemoted(suite, "lists every match by status", () => getDocs(byStatus("admin")));

  it("still gets a match they take part in once demoted", async () => {
    await suite.setStoredRole("admin", "mentee");
    await suite.seed({ [paths.match(matchIdOf(UID.mentor, UID.admin))]: match(UID.mentor, UID.admin) });
    await expectAllowed(getDoc(doc(suite.db("admin"), paths.match(matchIdOf(UID.mentor, UID.admin)))), true);
  });
});

// ---- a pair's match that does not exist yet: either person the id names may get it (the mentor profile page) ----

describe("matches: a get of a pair's match that does not exist yet", () => {
  const missing = (actor: Actor, matchId: string) => getDoc(doc(suite.db(actor), paths.match(matchId)));

  it("the mentee gets their own pair's missing match (it does not exist)", async () => {
    const snap = await missing("mentee", matchIdOf(OTHER_MENTOR + "2", UID.mentee));
    expect(snap.exists()).toBe(false);
  });

  it("the mentor gets a missing match naming them as mentor", async () => {
    await expectAllowed(missing("mentor", matchIdOf(UID.mentor, "someone")), true);
  });

  it("a demoted admin, a member with another role, gets their own pair's missing match", async () => {
    await expectAllowed(missing("demotedAdmin", matchIdOf(UID.mentor, UID.demotedAdmin)), true);
  });

  it("an admin may get any missing match (the current role)", async () => {
    await expectAllowed(missing("admin", matchIdOf(UID.mentor, "someone")), true);
  });

  it("a member cannot get someone else's pair's missing match", async () => {
    await expectAllowed(missing("mentee", matchIdOf(UID.mentor, UID.owner + "x")), false);
  });

  it("a demoted admin's old token cannot get someone else's missing match", async () => {
    await expectAllowed(missing("demotedAdmin", matchIdOf(UID.mentor, "someone")), false);
  });

  for (const [name, id] of [
    ["three parts (a_b_c) naming the caller", `${UID.mentee}_b_c`],
    ["three parts with the caller in the middle", `a_${UID.mentee}_c`],
    ["the caller's uid and an empty half (uid_)", `${UID.mentee}_`],
    ["an empty first half (_uid)", `_${UID.mentee}`],
    ["the caller paired with themselves (uid_uid)", `${UID.mentee}_${UID.mentee}`],
    ["the caller's uid alone, no separator", UID.mentee],
    ["the caller's uid as a prefix of a longer one", `${UID.mentee}x_${UID.mentor}`],
  ] as const)
    it(`refuses a malformed id: ${name}`, async () => {
      await expectAllowed(missing("mentee", id), false);
    });

  it("an unverified person cannot get their own pair's missing match", async () => {
    await expectAllowed(missing("unverified", matchIdOf(OTHER_MENTOR + "2", UID.unverified)), false);
  });

  it("a person without a role cannot get their own pair's missing match", async () => {
    await expectAllowed(missing("other", matchIdOf(OTHER_MENTOR + "2", UID.other)), false);
  });

  it("anonymous cannot get a missing match", async () => {
    await expectAllowed(missing("anonymous", matchIdOf(OTHER_MENTOR + "2", UID.mentee)), false);
  });

  // Once it exists the participants rule decides: an id naming the caller does not open someone else's document.
  it("an existing match whose id names the caller but whose participants do not is refused", async () => {
    const id = matchIdOf(UID.mentor, UID.mentee);
    await suite.seed({ [paths.match(id)]: match(OTHER_MENTOR, UID.owner) });
    await expectAllowed(missing("mentee", id), false);
  });

  it("the pair cannot list the missing match's collection without the participants filter", async () => {
    await expectAllowed(getDocs(query(collection(suite.db("mentee"), paths.matches()), where("mentorId", "==", "someone"))), false);
  });
});

// ---- the two transitions clients make: the mentor declines, the mentee cancels a pending request --------------

const decline = (extra: DocumentData = {}): DocumentData => ({
  status: "declined",
  responseMessage: "Sorry, I'm fully booked this quarter.",
  respondedAt: serverTimestamp(),
  updatedAt: serverTimestamp(),
  ...extra,
});
const cancel = (extra: DocumentData = {}): DocumentData => ({ status: "cancelled", updatedAt: serverTimestamp(), ...extra });

/** `actor` writes `data` to `path`; a refusal must leave the document exactly as it was. */
async function expectUpdate(actor: Actor, path: string, data: DocumentData, allowed: boolean): Promise<void> {
  const before = await suite.read(path);
  await expectAllowed(updateDoc(doc(suite.db(actor), path), data), allowed);
  if (!allowed) expect(await suite.read(path)).toEqual(before);
}

describe("matches: the fixture is the stored shape", () => {
  it("parses with the shared matchDocSchema", () => {
    expect(matchDocSchema.safeParse(match(UID.mentor, UID.owner)).success).toBe(true);
    expect(matchDocSchema.safeParse(match(UID.mentor, UID.owner, { chatSync: "done", chatSyncAt: PAST })).success).toBe(true);
  });
});

describe("matches: who may decline or cancel the owner's pending request", () => {
  const mayDecline: Actor[] = ["mentor"];
  const mayCancel: Actor[] = ["owner"];
  for (const actor of ACTORS) {
    const declines = mayDecline.includes(actor);
    const cancels = mayCancel.includes(actor);
    it(`${actor} ${declines ? "can" : "cannot"} decline it`, async () => {
      await expectUpdate(actor, OWNER_MATCH, decline(), declines);
      if (declines)
        expect(await suite.read(OWNER_MATCH)).toMatchObject({
          status: "declined",
          responseMessage: "Sorry, I'm fully booked this quarter.",
          mentorId: UID.mentor,
          menteeId: UID.owner,
          responseCounted: false,
        });
    });
    it(`${actor} ${cancels ? "can" : "cannot"} cancel it`, async () => {
      await expectUpdate(actor, OWNER_MATCH, cancel(), cancels);
      if (cancels) expect(await suite.read(OWNER_MATCH)).toMatchObject({ status: "cancelled", respondedAt: null });
    });
  }

  it("the mentor can decline without a message", async () => {
    await expectUpdate("mentor", OWNER_MATCH, { status: "declined", respondedAt: serverTimestamp(), updatedAt: serverTimestamp() }, true);
    expect((await suite.read(OWNER_MATCH))?.responseMessage).toBe("");
  });

  it(`the mentor can decline with a message of exactly ${LIMITS.matchMessage} characters`, async () => {
    await expectUpdate("mentor", OWNER_MATCH, decline({ responseMessage: "x".repeat(LIMITS.matchMessage) }), true);
  });

  // A request re-opened after an ended round carries that round's chat outbox; the client leaves it alone.
  it("the mentor can decline a re-opened request that carries the chat outbox, which stays as it was", async () => {
    await suite.seed({ [OWNER_MATCH]: match(UID.mentor, UID.owner, { round: 2, chatSync: "pending", chatSyncAt: PAST }) });
    await expectUpdate("mentor", OWNER_MATCH, decline(), true);
    expect(await suite.read(OWNER_MATCH)).toMatchObject({ status: "declined", chatSync: "pending", chatSyncAt: PAST });
  });

  it("the mentee cannot clear the chat outbox while cancelling", async () => {
    await suite.seed({ [OWNER_MATCH]: match(UID.mentor, UID.owner, { round: 2, chatSync: "pending", chatSyncAt: PAST }) });
    await expectUpdate("owner", OWNER_MATCH, cancel({ chatSync: deleteField() }), false);
  });

  it("the mentor can decline with a merge set of the same fields", async () => {
    const before = await suite.read(OWNER_MATCH);
    await expectAllowed(setDoc(doc(suite.db("mentor"), OWNER_MATCH), decline(), { merge: true }), true);
    const { status: _status, responseMessage: _message, respondedAt: _respondedAt, updatedAt: _updatedAt, ...untouched } = before!;
    expect(await suite.read(OWNER_MATCH)).toMatchObject({ ...untouched, status: "declined" });
  });
});

describe("matches: the current role decides who declines; participants are checked by uid", () => {
  it("a demoted mentor's old token cannot decline a request made to them", async () => {
    await expectUpdate("demotedMentor", DEMOTED_MENTOR_MATCH, decline(), false);
  });

  it("the same token can decline once the stored role says mentor again", async () => {
    await suite.setStoredRole("demotedMentor", "mentor");
    await expectUpdate("demotedMentor", DEMOTED_MENTOR_MATCH, decline(), true);
  });

  it("a mentor whose stored profile is gone cannot decline", async () => {
    await suite.remove(paths.user(UID.mentor));
    await expectUpdate("mentor", OWNER_MATCH, decline(), false);
  });

  it("the mentor's token cannot decline once the stored role says mentee", async () => {
    await suite.setStoredRole("mentor", "mentee");
    await expectUpdate("mentor", OWNER_MATCH, decline(), false);
  });

  it("the mentee of that request can still cancel it (their role is not what makes it theirs)", async () => {
    await expectUpdate("mentee", DEMOTED_MENTOR_MATCH, cancel(), true);
  });

  it("a demoted admin can cancel a request they made", async () => {
    await expectUpdate("demotedAdmin", DEMOTED_ADMIN_MATCH, cancel(), true);
  });

  it("a participant whose email is not verified cannot cancel", async () => {
    await expectUpdate("unverified", UNVERIFIED_MATCH, cancel(), false);
  });

  it("a participant with no role claim cannot cancel", async () => {
    await expectUpdate("other", NO_ROLE_MATCH, cancel(), false);
  });

  it("the mentor cannot decline another mentor's request", async () => {
    await suite.seed({ [OTHER_MATCH]: match(OTHER_MENTOR, UID.mentee) });
    await expectUpdate("mentor", OTHER_MATCH, decline(), false);
  });
});

describe("matches: a decline or cancel changes exactly its fields", () => {
  const cases: [string, Actor, DocumentData][] = [
    ["the mentor accepts directly (pending → accepted needs acceptMatch)", "mentor", decline({ status: "accepted", responseMessage: "" })],
    ["the mentor ends a pending request", "mentor", decline({ status: "ended" })],
    ["the mentor expires a pending request", "mentor", decline({ status: "expired" })],
    ["the mentor cancels (the mentee's transition)", "mentor", cancel()],
    ["the mentee declines (the mentor's transition)", "owner", decline()],
    ["the mentee accepts their own request", "owner", decline({ status: "accepted" })],
    ["a decline that also changes mentorId", "mentor", decline({ mentorId: UID.admin })],
    ["a decline that also changes menteeId", "mentor", decline({ menteeId: UID.mentee })],
    ["a decline that adds someone to participants", "mentor", decline({ participants: [UID.mentor, UID.owner, UID.mentee] })],
    ["a decline that bumps the round", "mentor", decline({ round: 2 })],
    ["a decline that edits the mentee's note", "mentor", decline({ message: "I never asked." })],
    ["a decline that edits the goals", "mentor", decline({ goals: [] })],
    ["a decline that moves expiresAt", "mentor", decline({ expiresAt: serverTimestamp() })],
    ["a decline that marks its own answer as counted", "mentor", decline({ responseCounted: true })],
    ["a decline that marks the chat synced", "mentor", decline({ chatSync: "done" })],
    ["a decline that stamps the chat outbox", "mentor", decline({ chatSyncAt: serverTimestamp() })],
    ["a cancel that asks for a chat sync", "owner", cancel({ chatSync: "pending" })],
    ["a decline that sets endedBy", "mentor", decline({ endedBy: UID.mentor })],
    ["a decline with an unknown field", "mentor", decline({ priority: "high" })],
    ["a decline that removes the response message", "mentor", decline({ responseMessage: deleteField() })],
    [`a response message over ${LIMITS.matchMessage} characters`, "mentor", decline({ responseMessage: "x".repeat(LIMITS.matchMessage + 1) })],
    ["a response message that is not text", "mentor", decline({ responseMessage: 42 })],
    ["respondedAt in the past", "mentor", decline({ respondedAt: PAST })],
    ["respondedAt a client clock's time", "mentor", decline({ respondedAt: Timestamp.now() })],
    ["a decline without respondedAt", "mentor", { status: "declined", updatedAt: serverTimestamp() }],
    ["updatedAt not the request time", "mentor", decline({ updatedAt: LATER })],
    ["a cancel with a response message", "owner", cancel({ responseMessage: "changed my mind" })],
    ["a cancel that stamps respondedAt", "owner", cancel({ respondedAt: serverTimestamp() })],
    ["a cancel that edits the note", "owner", cancel({ message: "Edited." })],
    ["a cancel with updatedAt in the past", "owner", cancel({ updatedAt: PAST })],
    ["a pending request set to pending again", "owner", { status: "pending", updatedAt: serverTimestamp() }],
  ];
  for (const [name, actor, data] of cases)
    it(`refuses ${name}`, async () => {
      await expectUpdate(actor, OWNER_MATCH, data, false);
    });
});

describe("matches: only a pending request can be declined or cancelled", () => {
  for (const status of ["accepted", "declined", "cancelled", "expired", "ended"] as const) {
    it(`the mentor cannot decline a ${status} match`, async () => {
      await suite.seed({ [OWNER_MATCH]: match(UID.mentor, UID.owner, { status, respondedAt: PAST }) });
      await expectUpdate("mentor", OWNER_MATCH, decline(), false);
    });
    it(`the mentee cannot cancel a ${status} match`, async () => {
      await suite.seed({ [OWNER_MATCH]: match(UID.mentor, UID.owner, { status, respondedAt: PAST }) });
      await expectUpdate("owner", OWNER_MATCH, cancel(), false);
    });
  }

  it("the mentee cannot end an accepted match from the client (endMatch does, with the count)", async () => {
    await expectUpdate("mentee", OTHER_MATCH, { status: "ended", endedAt: serverTimestamp(), endedBy: UID.mentee, updatedAt: serverTimestamp() }, false);
  });

  it("a cancelled request cannot be re-opened from the client (requestMatch does)", async () => {
    await suite.seed({ [OWNER_MATCH]: match(UID.mentor, UID.owner, { status: "cancelled" }) });
    await expectUpdate("owner", OWNER_MATCH, { status: "pending", updatedAt: serverTimestamp() }, false);
  });
});
