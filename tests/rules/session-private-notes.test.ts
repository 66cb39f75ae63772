import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { SESSIONS, matchIdOf, paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite, type Actor } from "./helpers.js";

// Two sessions between the owner (a mentee) and the mentor: the first has both people's notes, the second none yet.
const S1 = "s-notes";
const S2 = "s-fresh";
const START = Date.parse("2030-03-04T10:00:00Z");

const session = (status = "accepted"): DocumentData => ({
  kind: "match",
  matchId: matchIdOf(UID.mentor, UID.owner),
  mentorId: UID.mentor,
  menteeId: UID.owner,
  participants: [UID.mentor, UID.owner],
  proposedBy: UID.owner,
  startAt: Timestamp.fromMillis(START),
  endAt: Timestamp.fromMillis(START + 30 * 60_000),
  durationMinutes: 30,
  timezone: "Europe/London",
  agenda: "",
  meetingLink: "",
  status,
  version: 1,
  responseNote: "",
  respondedAt: null,
  cancelledBy: null,
  cancelReason: "",
  cancelledAt: null,
  confirmedAt: PAST,
  remindersSent: {},
  nextReminderAt: null,
  lockIds: [],
  mentorName: "Mark",
  menteeName: "Alice",
  createdAt: PAST,
  updatedAt: PAST,
});

const note = (sessionId: string, uid: string) => paths.sessionPrivateNote(sessionId, uid);

const suite = useRulesSuite("session-private-notes", () => ({
  [paths.session(S1)]: session("completed"),
  [paths.session(S2)]: session(),
  [note(S1, UID.owner)]: { text: "Ask about the CV next time", updatedAt: PAST },
  [note(S1, UID.mentor)]: { text: "Alice is shy about salary talk", updatedAt: PAST },
}));

const own = (actor: Actor, sessionId: string) => note(sessionId, suite.uid(actor));
const write = (text: unknown, extra: DocumentData = {}) => ({ text, updatedAt: serverTimestamp(), ...extra });

describe("sessions/{id}/private/{uid}: role matrix (each participant their own notes)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "their own notes on the first session", run: (db, actor) => getDoc(doc(db, own(actor, S1))) },
      list: { what: "every note on the first session", run: (db) => getDocs(collection(db, paths.session(S1), "private")) },
      create: {
        what: "their own notes on the second session",
        run: (db, actor) => setDoc(doc(db, own(actor, S2)), write("First thoughts")),
        leaves: note(S2, UID.mentee),
      },
      update: {
        what: "their own notes on the first session",
        run: (db, actor) => updateDoc(doc(db, own(actor, S1)), write("Changed my mind")),
        leaves: note(S1, UID.owner),
      },
      delete: { what: "their own notes on the first session", run: (db, actor) => deleteDoc(doc(db, own(actor, S1))), leaves: note(S1, UID.owner) },
    },
    {
      anonymous: [],
      owner: ["get", "create", "update"],
      other: [],
      unverified: [],
      mentor: ["get", "create", "update"],
      mentee: [],
      // Admins see sessions, but not what each person wrote for themselves.
      admin: [],
      demotedAdmin: [],
      demotedMentor: [],
    },
  );
});

describe("sessions/{id}/private/{uid}: attacks (refused, the notes left as they were)", () => {
  const attack = (actor: Actor, what: string, path: string, change: (path: string) => Promise<unknown>) =>
    it(`${actor}: ${what}`, async () => {
      const before = await suite.read(path);
      await expectAllowed(change(path), false);
      expect(await suite.read(path)).toEqual(before);
    });
  const db = (actor: Actor) => suite.db(actor);

  it("mentor: cannot read the owner's notes on a session they share", async () => {
    await expectAllowed(getDoc(doc(db("mentor"), note(S1, UID.owner))), false);
  });
  it("owner: cannot read the mentor's notes", async () => {
    await expectAllowed(getDoc(doc(db("owner"), note(S1, UID.mentor))), false);
  });
  attack("mentor", "overwrites the owner's notes", note(S1, UID.owner), (path) => setDoc(doc(db("mentor"), path), write("Hacked")));
  attack("mentee", "a non-participant writes notes under their own uid", note(S1, UID.mentee), (path) => setDoc(doc(db("mentee"), path), write("I was here")));
  attack("admin", "an admin writes notes on someone's session", note(S1, UID.admin), (path) => setDoc(doc(db("admin"), path), write("Audit")));
  attack("owner", "notes over the limit", note(S1, UID.owner), (path) => updateDoc(doc(db("owner"), path), write("x".repeat(SESSIONS.notesMax + 1))));
  attack("owner", "notes that are not text", note(S1, UID.owner), (path) => updateDoc(doc(db("owner"), path), write(42)));
  attack("owner", "an unknown field", note(S1, UID.owner), (path) => updateDoc(doc(db("owner"), path), write("ok", { sharedWith: [UID.mentor] })));
  attack("owner", "a forged updatedAt", note(S1, UID.owner), (path) => updateDoc(doc(db("owner"), path), { text: "ok", updatedAt: PAST }));
  attack("owner", "no updatedAt", note(S2, UID.owner), (path) => setDoc(doc(db("owner"), path), { text: "ok" }));
  attack("owner", "notes on a session that does not exist", note("s-missing", UID.owner), (path) => setDoc(doc(db("owner"), path), write("ok")));

  it("owner: notes of exactly the limit are accepted", async () => {
    await expectAllowed(updateDoc(doc(db("owner"), note(S1, UID.owner)), write("x".repeat(SESSIONS.notesMax))), true);
    expect((await suite.read(note(S1, UID.owner)))?.text).toHaveLength(SESSIONS.notesMax);
  });
});
