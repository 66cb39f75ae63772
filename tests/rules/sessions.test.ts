import {
  Timestamp,
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
  where,
  writeBatch,
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { matchIdOf, paths, planUpcomingSessionsQuery, sessionDocSchema } from "@mentormatch/shared";
import { lockCellsFor, lockDocId } from "@mentormatch/shared/scheduling";
import { PAST, UID, describeRoleMatrix, expectAllowed, itRefusesOnceDemoted, useRulesSuite, type Actor } from "./helpers.js";

// The owner (a mentee) proposed a session to the mentor in their accepted match. The mentee has a session with a
// second mentor; the demoted admin takes part in one of their own, to show what being a participant opens.
const OTHER_MENTOR = "otto";
const START = Date.parse("2030-03-04T10:00:00Z");
const OWNER_SESSION = paths.session("s-owner");
const OTHER_SESSION = paths.session("s-other");
const DEMOTED_ADMIN_SESSION = paths.session("s-dana");

const at = (ms: number) => Timestamp.fromMillis(ms);

/** A session as bookSession writes it (a test below checks it parses with the shared sessionDocSchema). */
const session = (mentorId: string, menteeId: string, overrides: DocumentData = {}): DocumentData => ({
  kind: "match",
  matchId: matchIdOf(mentorId, menteeId),
  mentorId,
  menteeId,
  participants: [mentorId, menteeId],
  proposedBy: menteeId,
  startAt: at(START),
  endAt: at(START + 30 * 60_000),
  durationMinutes: 30,
  timezone: "Europe/London",
  agenda: "Career plan",
  meetingLink: "https://meet.jit.si/MentorMatch-s-owner-abcdefghijklmnop",
  status: "pending",
  version: 1,
  responseNote: "",
  respondedAt: null,
  cancelledBy: null,
  cancelReason: "",
  cancelledAt: null,
  confirmedAt: null,
  remindersSent: {},
  nextReminderAt: null,
  lockIds: [
    ...lockCellsFor(START, START + 30 * 60_000).map((cell) => lockDocId(mentorId, cell)),
    ...lockCellsFor(START, START + 30 * 60_000).map((cell) => lockDocId(menteeId, cell)),
  ],
  mentorName: `User ${mentorId}`,
  menteeName: `User ${menteeId}`,
  createdAt: PAST,
  updatedAt: PAST,
  ...overrides,
});

const suite = useRulesSuite("sessions", () => ({
  [OWNER_SESSION]: session(UID.mentor, UID.owner),
  [OTHER_SESSION]: session(OTHER_MENTOR, UID.mentee, { status: "accepted", confirmedAt: PAST }),
  [DEMOTED_ADMIN_SESSION]: session(OTHER_MENTOR, UID.demotedAdmin),
}));

/** The participant's query: own sessions (what the web's lists and getBookableSlots' busy query both start from). */
const mine = (actor: Actor, uid = suite.uid(actor)) => {
  const plan = planUpcomingSessionsQuery(uid, START - 86_400_000);
  return query(
    collection(suite.db(actor), paths.sessions()),
    where("participants", "array-contains", plan.participant),
    where("status", "in", plan.statuses),
    where("endAt", ">=", at(plan.endAtFromMs)),
    orderBy(plan.orderBy.field, plan.orderBy.direction),
    limit(plan.limit),
  );
};

describe("sessions: role matrix (the owner proposed to the mentor; only functions write)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the owner's session", run: (db) => getDoc(doc(db, OWNER_SESSION)) },
      list: { what: "every session, unfiltered", run: (db) => getDocs(collection(db, paths.sessions())) },
      create: {
        what: "a pending session in their own name (skipping the locks)",
        leaves: paths.session("s-new"),
        run: (db, actor) => setDoc(doc(db, paths.session("s-new")), session(UID.mentor, suite.uid(actor), { createdAt: serverTimestamp(), updatedAt: serverTimestamp() })),
      },
      update: {
        what: "accept the owner's session",
        leaves: OWNER_SESSION,
        run: (db) => updateDoc(doc(db, OWNER_SESSION), { status: "accepted", confirmedAt: serverTimestamp(), updatedAt: serverTimestamp() }),
      },
      delete: { what: "the owner's session", leaves: OWNER_SESSION, run: (db) => deleteDoc(doc(db, OWNER_SESSION)) },
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

describe("sessions: the seeded documents are what bookSession writes", () => {
  it("parse with the shared sessionDocSchema", () => {
    for (const data of [session(UID.mentor, UID.owner), session(OTHER_MENTOR, UID.mentee, { status: "accepted", confirmedAt: PAST })])
      expect(sessionDocSchema.safeParse(data).success).toBe(true);
  });
});

describe("sessions: participants' queries", () => {
  it("the owner and the mentor list their own upcoming sessions, and see only those", async () => {
    expect((await getDocs(mine("owner"))).docs.map((d) => d.ref.path)).toEqual([OWNER_SESSION]);
    expect((await getDocs(mine("mentor"))).docs.map((d) => d.ref.path)).toEqual([OWNER_SESSION]);
  });

  it("a demoted admin still lists the sessions they take part in", async () => {
    expect((await getDocs(mine("demotedAdmin"))).docs.map((d) => d.ref.path)).toEqual([DEMOTED_ADMIN_SESSION]);
  });

  it("a mentee cannot run the query for the owner's uid", async () => {
    await expectAllowed(getDocs(mine("mentee", UID.owner)), false);
  });

  it("a list without the participants filter is refused, even to a participant", async () => {
    await expectAllowed(getDocs(query(collection(suite.db("mentor"), paths.sessions()), where("mentorId", "==", UID.mentor))), false);
    await expectAllowed(getDocs(query(collection(suite.db("owner"), paths.sessions()), where("status", "==", "pending"))), false);
  });

  it("members without a verified email or a role claim cannot run even their own query", async () => {
    await expectAllowed(getDocs(mine("unverified")), false);
    await expectAllowed(getDocs(mine("other")), false);
  });

  it("an admin lists by status across everyone; a demoted admin's old token cannot", async () => {
    await expectAllowed(getDocs(query(collection(suite.db("admin"), paths.sessions()), where("status", "==", "pending"))), true);
    await expectAllowed(getDocs(query(collection(suite.db("demotedAdmin"), paths.sessions()), where("status", "==", "pending"))), false);
  });
});

describe("sessions: attacks (every one is refused and leaves the session as it was)", () => {
  const attack = (actor: Actor, what: string, change: () => Promise<unknown>, path = OWNER_SESSION) =>
    it(`${actor}: ${what}`, async () => {
      const before = await suite.read(path);
      await expectAllowed(change(), false);
      expect(await suite.read(path)).toEqual(before);
    });
  const owner = () => suite.db("owner");
  const mentor = () => suite.db("mentor");

  attack("mentor", "changes the participants to take someone else's place", () =>
    updateDoc(doc(mentor(), OWNER_SESSION), { participants: [UID.mentor, UID.mentee], menteeId: UID.mentee, updatedAt: serverTimestamp() }),
  );
  attack("owner", "jumps a pending proposal straight to completed", () => updateDoc(doc(owner(), OWNER_SESSION), { status: "completed", updatedAt: serverTimestamp() }));
  attack("owner", "accepts their own proposal", () => updateDoc(doc(owner(), OWNER_SESSION), { status: "accepted", updatedAt: serverTimestamp() }));
  attack("mentor", "declines without the callable (the locks would stay)", () =>
    updateDoc(doc(mentor(), OWNER_SESSION), { status: "declined", responseNote: "No", updatedAt: serverTimestamp() }),
  );
  attack("owner", "moves the time without new locks", () =>
    updateDoc(doc(owner(), OWNER_SESSION), { startAt: at(START + 3_600_000), endAt: at(START + 5_400_000), updatedAt: serverTimestamp() }),
  );
  attack("owner", "lengthens the session to 3 hours", () => updateDoc(doc(owner(), OWNER_SESSION), { endAt: at(START + 3 * 3_600_000), durationMinutes: 180 }));
  attack("owner", "empties the lock list", () => updateDoc(doc(owner(), OWNER_SESSION), { lockIds: [] }));
  attack("owner", "adds an unknown field", () => updateDoc(doc(owner(), OWNER_SESSION), { paid: true }));
  attack("owner", "writes an oversize agenda", () => updateDoc(doc(owner(), OWNER_SESSION), { agenda: "x".repeat(1001) }));
  attack("owner", "swaps the meeting link for a javascript: one", () => updateDoc(doc(owner(), OWNER_SESSION), { meetingLink: "javascript:alert(1)" }));
  attack("owner", "marks reminders as sent", () => updateDoc(doc(owner(), OWNER_SESSION), { remindersSent: { "24h": 1, "1h": 1 } }));
  attack("mentee", "writes notes on a session they are not part of", () => updateDoc(doc(suite.db("mentee"), OWNER_SESSION), { notes: "I was here" }));
  attack("mentor", "cancels someone else's session", () => updateDoc(doc(mentor(), OTHER_SESSION), { status: "cancelled", updatedAt: serverTimestamp() }), OTHER_SESSION);
  attack("admin", "rewrites a session", () => updateDoc(doc(suite.db("admin"), OWNER_SESSION), { status: "cancelled" }));
  attack("owner", "overwrites the session with set()", () => setDoc(doc(owner(), OWNER_SESSION), session(UID.mentor, UID.owner, { status: "accepted" })));

  it("owner: creates a session together with its lock documents in one batch", async () => {
    const id = "s-batch";
    const batch = writeBatch(owner());
    const data = session(UID.mentor, UID.owner, { createdAt: serverTimestamp(), updatedAt: serverTimestamp() });
    batch.set(doc(owner(), paths.session(id)), data);
    for (const lockId of data.lockIds as string[]) batch.set(doc(owner(), paths.sessionLock(lockId)), { sessionId: id });
    await expectAllowed(batch.commit(), false);
    expect(await suite.read(paths.session(id))).toBeUndefined();
  });

  it("a non-participant mentor cannot read the owner's session", async () => {
    await expectAllowed(getDoc(doc(suite.db("demotedMentor"), OWNER_SESSION)), false);
    await expectAllowed(getDoc(doc(suite.db("mentee"), OWNER_SESSION)), false);
  });

  it("a participant needs no stored profile to read (checked by uid first, at no cost)", async () => {
    await suite.remove(paths.user(UID.mentor));
    await expectAllowed(getDoc(doc(mentor(), OWNER_SESSION)), true);
  });
});

describe("sessions: an admin's token minted before a demotion", () => {
  itRefusesOnceDemoted(suite, "gets a session they are not part of", (db) => getDoc(doc(db, OTHER_SESSION)));
  itRefusesOnceDemoted(suite, "lists every session", (db) => getDocs(collection(db, paths.sessions())), "mentor");
});
