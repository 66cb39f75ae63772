import {
  Timestamp,
  collection,
  deleteDoc,
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
import { miniRequestDocSchema, paths } from "@mentormatch/shared";
import { miniRequestDoc } from "../mini-request-doc.js";
import { PAST, UID, describeRoleMatrix, expectAllowed, itRefusesOnceDemoted, useRulesSuite, type Actor } from "./helpers.js";

// The owner (a mentee) has three requests: one open on the board, one claimed by the mentor actor (the claimer), one
// claimed by a second mentor who is not an actor. A closed one of each end state shows the board hides them.
const OTHER_MENTOR = "otto";
const OPEN = paths.miniRequest("r-open");
const CLAIMED_BY_MENTOR = paths.miniRequest("r-mark");
const CLAIMED_BY_OTHER = paths.miniRequest("r-otto");
const EXPIRED = paths.miniRequest("r-expired");
const CANCELLED = paths.miniRequest("r-cancelled");
const LATER = Timestamp.fromDate(new Date("2030-01-08T00:00:00Z"));

/** A request as postMiniRequest writes it (a test below checks it parses with the shared miniRequestDocSchema). */
const miniRequest = (overrides: DocumentData = {}): DocumentData =>
  miniRequestDoc(
    {
      studentId: UID.owner,
      studentName: `User ${UID.owner}`,
      nowMs: PAST.toMillis(),
      timestamp: Timestamp.fromDate,
      fields: {
        title: "Mock interview for a data role",
        sessionType: "interview_prep",
        description: "I have an interview on Friday and want to practise SQL questions.",
        durationMinutes: 45,
        urgency: "high",
        timezone: "Europe/London",
        tags: ["sql"],
      },
    },
    { expiresAt: LATER, ...overrides },
  );

const claimedBy = (uid: string): DocumentData => ({
  status: "claimed",
  claimedBy: uid,
  claimedByName: `User ${uid}`,
  claimedAt: PAST,
  scheduleBy: LATER,
  firstClaimedAt: PAST,
});

const suite = useRulesSuite("mini-requests", () => ({
  [OPEN]: miniRequest(),
  [CLAIMED_BY_MENTOR]: miniRequest(claimedBy(UID.mentor)),
  [CLAIMED_BY_OTHER]: miniRequest(claimedBy(OTHER_MENTOR)),
  [EXPIRED]: miniRequest({ status: "expired", expiredAt: PAST }),
  [CANCELLED]: miniRequest({ status: "cancelled", cancelledBy: UID.owner, cancelledAt: PAST }),
}));

const requests = (actor: Actor) => collection(suite.db(actor), paths.miniRequests());
/** The mentors' board, as web/src/data/mini-requests.ts asks: open ones only. */
const board = (actor: Actor) => query(requests(actor), where("status", "==", "open"), where("expiresAt", ">", PAST), orderBy("expiresAt"));
const ids = async (q: ReturnType<typeof query>) => (await getDocs(q)).docs.map((d) => d.id).sort();

describe("miniRequests: role matrix (the board's open request; only functions write)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "an open request", run: (db) => getDoc(doc(db, OPEN)) },
      list: { what: "the board (status == open)", run: (_db, actor) => getDocs(board(actor)) },
      create: {
        what: "a request in their own name, as postMiniRequest would write it",
        leaves: paths.miniRequest("r-new"),
        run: (db, actor) =>
          setDoc(doc(db, paths.miniRequest("r-new")), miniRequest({ studentId: suite.uid(actor), createdAt: serverTimestamp(), updatedAt: serverTimestamp() })),
      },
      update: {
        what: "claim the open request for themselves",
        leaves: OPEN,
        run: (db, actor) => updateDoc(doc(db, OPEN), { status: "claimed", claimedBy: suite.uid(actor), claimedAt: serverTimestamp(), updatedAt: serverTimestamp() }),
      },
      delete: { what: "the open request", leaves: OPEN, run: (db) => deleteDoc(doc(db, OPEN)) },
    },
    {
      anonymous: [],
      // The student reads their own by id; the board's list is for mentors (their own list says studentId ==).
      owner: ["get"],
      other: [],
      unverified: [],
      mentor: ["get", "list"],
      mentee: [],
      admin: ["get", "list"],
      // Tokens that still claim admin / mentor, over profiles that say mentee.
      demotedAdmin: [],
      demotedMentor: [],
    },
  );
});

describe("miniRequests: the seeded documents are what postMiniRequest and claimMiniRequest write", () => {
  it("parse with the shared miniRequestDocSchema", () => {
    for (const data of [miniRequest(), miniRequest(claimedBy(UID.mentor)), miniRequest({ status: "expired", expiredAt: PAST })])
      expect(miniRequestDocSchema.safeParse(data).success).toBe(true);
  });
});

describe("miniRequests: the student (owner)", () => {
  it("gets each of their requests in every state, claimed by anyone", async () => {
    for (const path of [OPEN, CLAIMED_BY_MENTOR, CLAIMED_BY_OTHER, EXPIRED, CANCELLED]) await expectAllowed(getDoc(doc(suite.db("owner"), path)), true);
  });

  it("lists their own with studentId == self, and sees all five", async () => {
    expect(await ids(query(requests("owner"), where("studentId", "==", UID.owner)))).toEqual(["r-cancelled", "r-expired", "r-mark", "r-open", "r-otto"]);
  });

  it("another mentee cannot get the owner's request or run the owner's list", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentee"), CLAIMED_BY_MENTOR)), false);
    await expectAllowed(getDocs(query(requests("mentee"), where("studentId", "==", UID.owner))), false);
  });

  it("an unverified student cannot read even their own", async () => {
    await suite.seed({ [paths.miniRequest("r-uma")]: miniRequest({ studentId: UID.unverified }) });
    await expectAllowed(getDoc(doc(suite.db("unverified"), paths.miniRequest("r-uma"))), false);
  });
});

describe("miniRequests: mentors", () => {
  it("the board lists only open requests", async () => {
    expect(await ids(board("mentor"))).toEqual(["r-open"]);
  });

  it("a list without the status filter is refused", async () => {
    await expectAllowed(getDocs(requests("mentor")), false);
    await expectAllowed(getDocs(query(requests("mentor"), where("sessionType", "==", "interview_prep"))), false);
    await expectAllowed(getDocs(query(requests("mentor"), where("status", "in", ["open", "claimed"]))), false);
  });

  it("a mentor cannot get a claimed request they do not hold", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), CLAIMED_BY_OTHER)), false);
  });

  it("nor an expired or cancelled one", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), EXPIRED)), false);
    await expectAllowed(getDoc(doc(suite.db("mentor"), CANCELLED)), false);
  });

  it("the claimer gets the request they hold, and lists their own with claimedBy == self", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), CLAIMED_BY_MENTOR)), true);
    expect(await ids(query(requests("mentor"), where("claimedBy", "==", UID.mentor)))).toEqual(["r-mark"]);
  });

  it("a mentor cannot list another mentor's claims, nor every claimed request", async () => {
    await expectAllowed(getDocs(query(requests("mentor"), where("claimedBy", "==", OTHER_MENTOR))), false);
    await expectAllowed(getDocs(query(requests("mentor"), where("status", "==", "claimed"))), false);
  });

  it("the claimer keeps reading it after a cancellation (their history)", async () => {
    await suite.seed({ [CLAIMED_BY_MENTOR]: miniRequest({ ...claimedBy(UID.mentor), status: "cancelled", cancelledBy: UID.owner, cancelledAt: PAST }) });
    await expectAllowed(getDoc(doc(suite.db("mentor"), CLAIMED_BY_MENTOR)), true);
  });

  it("the board closes the moment the stored role stops saying mentor, whatever the token says", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), OPEN)), true);
    await suite.setStoredRole("mentor", "mentee");
    await expectAllowed(getDoc(doc(suite.db("mentor"), OPEN)), false);
    await expectAllowed(getDocs(board("mentor")), false);
  });

  it("a demoted mentor's old token cannot browse the board", async () => {
    await expectAllowed(getDocs(board("demotedMentor")), false);
  });
});

describe("miniRequests: admins", () => {
  it("list every request by any filter", async () => {
    expect(await ids(query(requests("admin"), where("status", "==", "claimed")))).toEqual(["r-mark", "r-otto"]);
    expect((await getDocs(requests("admin"))).size).toBe(5);
  });

  it("a demoted admin's old token cannot list or get a claimed one", async () => {
    await expectAllowed(getDocs(requests("demotedAdmin")), false);
    await expectAllowed(getDoc(doc(suite.db("demotedAdmin"), CLAIMED_BY_OTHER)), false);
  });

  itRefusesOnceDemoted(suite, "gets a claimed request", (db) => getDoc(doc(db, CLAIMED_BY_OTHER)));
  itRefusesOnceDemoted(suite, "lists claimed requests", (db) => getDocs(query(collection(db, paths.miniRequests()), where("status", "==", "claimed"))));
});

describe("miniRequests: attacks (every one is refused and leaves the request as it was)", () => {
  const attack = (actor: Actor, what: string, change: () => Promise<unknown>, path = OPEN) =>
    it(`${actor}: ${what}`, async () => {
      const before = await suite.read(path);
      await expectAllowed(change(), false);
      expect(await suite.read(path)).toEqual(before);
    });
  const db = (actor: Actor) => suite.db(actor);

  attack("mentor", "claims the open request by writing only claimedBy", () => updateDoc(doc(db("mentor"), OPEN), { claimedBy: UID.mentor }));
  attack("mentor", "steals another mentor's claim", () => updateDoc(doc(db("mentor"), CLAIMED_BY_OTHER), { claimedBy: UID.mentor, claimedByName: "Mark" }), CLAIMED_BY_OTHER);
  attack("mentor", "schedules their claim without a session", () => updateDoc(doc(db("mentor"), CLAIMED_BY_MENTOR), { status: "scheduled", sessionId: "s-fake" }), CLAIMED_BY_MENTOR);
  attack("mentor", "pushes their own scheduling deadline back", () =>
    updateDoc(doc(db("mentor"), CLAIMED_BY_MENTOR), { scheduleBy: Timestamp.fromDate(new Date("2031-01-01T00:00:00Z")) }), CLAIMED_BY_MENTOR,
  );
  attack("mentor", "gives a claim back without the callable (releasedBy untouched)", () =>
    updateDoc(doc(db("mentor"), CLAIMED_BY_MENTOR), { status: "open", claimedBy: null }), CLAIMED_BY_MENTOR,
  );
  attack("mentor", "marks the claim completed", () => updateDoc(doc(db("mentor"), CLAIMED_BY_MENTOR), { status: "completed", completedAt: serverTimestamp() }), CLAIMED_BY_MENTOR);
  attack("owner", "cancels without the callable (the claimer would not be told)", () =>
    updateDoc(doc(db("owner"), CLAIMED_BY_MENTOR), { status: "cancelled", cancelledBy: UID.owner, cancelledAt: serverTimestamp() }), CLAIMED_BY_MENTOR,
  );
  attack("owner", "keeps the request on the board longer", () => updateDoc(doc(db("owner"), OPEN), { expiresAt: Timestamp.fromDate(new Date("2031-01-01T00:00:00Z")) }));
  attack("owner", "re-opens an expired request", () => updateDoc(doc(db("owner"), EXPIRED), { status: "open", expiredAt: null }), EXPIRED);
  attack("owner", "raises the urgency rank to jump the board", () => updateDoc(doc(db("owner"), OPEN), { urgency: "urgent", urgencyRank: 3 }));
  attack("owner", "stuffs the search tokens", () => updateDoc(doc(db("owner"), OPEN), { searchTokens: ["#sql", "free", "money"] }));
  attack("owner", "swaps the resume link for a javascript: one", () => updateDoc(doc(db("owner"), OPEN), { resumeUrl: "javascript:alert(1)" }));
  attack("owner", "adds an unknown field", () => updateDoc(doc(db("owner"), OPEN), { paid: true }));
  attack("owner", "overwrites the request with set()", () => setDoc(doc(db("owner"), OPEN), miniRequest({ title: "Something else entirely" })));
  attack("owner", "deletes their claimed request", () => deleteDoc(doc(db("owner"), CLAIMED_BY_MENTOR)), CLAIMED_BY_MENTOR);
  attack("admin", "rewrites a request", () => updateDoc(doc(db("admin"), OPEN), { status: "cancelled" }));
  attack("admin", "deletes a request", () => deleteDoc(doc(db("admin"), CLAIMED_BY_OTHER)), CLAIMED_BY_OTHER);

  it("owner: creates an already-claimed request for a friend", async () => {
    const path = paths.miniRequest("r-friend");
    await expectAllowed(setDoc(doc(db("owner"), path), miniRequest({ ...claimedBy(UID.mentor), createdAt: serverTimestamp() })), false);
    expect(await suite.read(path)).toBeUndefined();
  });

  it("mentor: creates a request in the owner's name", async () => {
    const path = paths.miniRequest("r-forged");
    await expectAllowed(setDoc(doc(db("mentor"), path), miniRequest()), false);
    expect(await suite.read(path)).toBeUndefined();
  });
});
