import { Timestamp, collection, deleteDoc, doc, getDoc, getDocs, limit, orderBy, query, serverTimestamp, setDoc, updateDoc, where, type DocumentData } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { FEEDBACK, feedbackDocSchema, paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite, type Actor } from "./helpers.js";

// A completed session between the owner (a mentee) and the mentor. The owner's feedback on the mentor is still
// hidden (the mentor has not answered, the 7 days have not passed); the mentor's on the owner is visible.
const FUTURE = Timestamp.fromDate(new Date("2099-01-01T00:00:00Z"));
const OWNER_ABOUT_MENTOR = paths.feedback("s-done", UID.owner);
const MENTOR_ABOUT_OWNER = paths.feedback("s-done", UID.mentor);
const VISIBLE_ABOUT_MENTOR = paths.feedback("s-old", UID.mentee);

const feedback = (fromUid: string, toUid: string, toRole: "mentor" | "mentee", overrides: DocumentData = {}): DocumentData => ({
  sessionId: "s-done",
  kind: "session",
  fromUid,
  toUid,
  toRole,
  fromName: `User ${fromUid}`,
  rating: 5,
  comment: "Very helpful",
  createdAt: PAST,
  visibleAt: FUTURE,
  visible: false,
  countedAt: toRole === "mentor" ? PAST : null,
  ...overrides,
});

const suite = useRulesSuite("feedback", () => ({
  [paths.session("s-done")]: { participants: [UID.mentor, UID.owner], mentorId: UID.mentor, menteeId: UID.owner, status: "completed" },
  [OWNER_ABOUT_MENTOR]: feedback(UID.owner, UID.mentor, "mentor"),
  [MENTOR_ABOUT_OWNER]: feedback(UID.mentor, UID.owner, "mentee", { visibleAt: PAST, visible: true, rating: 4 }),
  [VISIBLE_ABOUT_MENTOR]: feedback(UID.mentee, UID.mentor, "mentor", { sessionId: "s-old", visibleAt: PAST, visible: true }),
}));

/** The mentor's profile: recent visible feedback about them, newest first (web/src/data/feedback.ts). */
const recentAbout = (actor: Actor, uid: string) =>
  query(
    collection(suite.db(actor), paths.feedbackList()),
    where("toUid", "==", uid),
    where("toRole", "==", "mentor"),
    where("visible", "==", true),
    orderBy("visibleAt", "desc"),
    limit(FEEDBACK.recentLimit),
  );

const members: Actor[] = ["owner", "mentor", "mentee", "admin", "demotedAdmin", "demotedMentor"];

describe("feedback: role matrix (only submitFeedback writes)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "visible feedback about a mentor", run: (db) => getDoc(doc(db, VISIBLE_ABOUT_MENTOR)) },
      list: {
        what: "their own feedback (fromUid == self)",
        run: (db, actor) => getDocs(query(collection(db, paths.feedbackList()), where("fromUid", "==", suite.uid(actor)))),
      },
      create: {
        what: "a 5-star feedback in their own name",
        leaves: paths.feedback("s-done", "x"),
        run: (db, actor) => setDoc(doc(db, paths.feedback("s-done", suite.uid(actor))), feedback(suite.uid(actor), UID.mentor, "mentor", { createdAt: serverTimestamp() })),
      },
      update: { what: "make the owner's feedback visible now", leaves: OWNER_ABOUT_MENTOR, run: (db) => updateDoc(doc(db, OWNER_ABOUT_MENTOR), { visibleAt: serverTimestamp() }) },
      delete: { what: "the visible feedback about the mentor", leaves: VISIBLE_ABOUT_MENTOR, run: (db) => deleteDoc(doc(db, VISIBLE_ABOUT_MENTOR)) },
    },
    {
      anonymous: [],
      owner: ["get", "list"],
      other: [],
      unverified: [],
      mentor: ["get", "list"],
      mentee: ["get", "list"],
      admin: ["get", "list"],
      demotedAdmin: ["get", "list"],
      demotedMentor: ["get", "list"],
    },
  );
});

describe("feedback: who reads what, and when", () => {
  const canGet = async (actor: Actor, path: string, allowed: boolean) => expectAllowed(getDoc(doc(suite.db(actor), path)), allowed);

  it("the author reads their own hidden feedback", async () => {
    await canGet("owner", OWNER_ABOUT_MENTOR, true);
  });

  it("the subject cannot read it before it is visible, and can once visibleAt has passed (before the job runs)", async () => {
    await canGet("mentor", OWNER_ABOUT_MENTOR, false);
    await suite.seed({ [OWNER_ABOUT_MENTOR]: feedback(UID.owner, UID.mentor, "mentor", { visibleAt: PAST }) });
    await canGet("mentor", OWNER_ABOUT_MENTOR, true);
  });

  it("the subject can read it once the second of the pair made it visible", async () => {
    await suite.seed({ [OWNER_ABOUT_MENTOR]: feedback(UID.owner, UID.mentor, "mentor", { visible: true }) });
    await canGet("mentor", OWNER_ABOUT_MENTOR, true);
  });

  it("other members read visible feedback about a mentor, never hidden feedback", async () => {
    await canGet("mentee", VISIBLE_ABOUT_MENTOR, true);
    await canGet("mentee", OWNER_ABOUT_MENTOR, false);
    await canGet("demotedMentor", OWNER_ABOUT_MENTOR, false);
  });

  it("feedback about a mentee is for them (and admins) only, even once visible", async () => {
    await canGet("owner", MENTOR_ABOUT_OWNER, true);
    await canGet("mentee", MENTOR_ABOUT_OWNER, false);
    await canGet("admin", MENTOR_ABOUT_OWNER, true);
    await canGet("demotedAdmin", MENTOR_ABOUT_OWNER, false);
  });

  it("an admin reads hidden feedback; a demoted admin's old token cannot", async () => {
    await canGet("admin", OWNER_ABOUT_MENTOR, true);
    await canGet("demotedAdmin", OWNER_ABOUT_MENTOR, false);
  });

  it("signed-out people and accounts without a role read nothing", async () => {
    for (const actor of ["anonymous", "other", "unverified"] as const) await canGet(actor, VISIBLE_ABOUT_MENTOR, false);
  });

  it("any member lists a mentor's recent visible feedback, and gets only the visible ones", async () => {
    for (const actor of members) await expectAllowed(getDocs(recentAbout(actor, UID.mentor)), true);
    expect((await getDocs(recentAbout("mentee", UID.mentor))).docs.map((d) => d.ref.path)).toEqual([VISIBLE_ABOUT_MENTOR]);
  });

  it("a list without visible == true is refused (it could return hidden feedback), even bounded by visibleAt", async () => {
    await expectAllowed(getDocs(query(collection(suite.db("mentee"), paths.feedbackList()), where("toUid", "==", UID.mentor))), false);
    await expectAllowed(
      getDocs(query(collection(suite.db("mentee"), paths.feedbackList()), where("toUid", "==", UID.mentor), where("visibleAt", "<=", Timestamp.now()))),
      false,
    );
  });

  it("the subject lists visible feedback about them; another mentee cannot list feedback about a mentee", async () => {
    const aboutOwner = (actor: Actor) => query(collection(suite.db(actor), paths.feedbackList()), where("toUid", "==", UID.owner), where("visible", "==", true));
    expect((await getDocs(aboutOwner("owner"))).docs.map((d) => d.ref.path)).toEqual([MENTOR_ABOUT_OWNER]);
    await expectAllowed(getDocs(aboutOwner("mentee")), false);
  });

  it("the seeded documents parse with the shared feedbackDocSchema", () => {
    for (const data of [feedback(UID.owner, UID.mentor, "mentor"), feedback(UID.mentor, UID.owner, "mentee")]) expect(feedbackDocSchema.safeParse(data).success).toBe(true);
  });
});

describe("feedback: attacks (every one refused, nothing written)", () => {
  const fresh = paths.feedback("s-done", UID.owner + "x");
  const attack = (actor: Actor, what: string, path: string, change: () => Promise<unknown>) =>
    it(`${actor}: ${what}`, async () => {
      const before = await suite.read(path);
      await expectAllowed(change(), false);
      expect(await suite.read(path)).toEqual(before);
    });
  const create = (actor: Actor, path: string, data: DocumentData) => () => setDoc(doc(suite.db(actor), path), data);
  const mine = (overrides: DocumentData) => feedback(UID.owner, UID.mentor, "mentor", { createdAt: serverTimestamp(), countedAt: null, ...overrides });

  // The owner has already left feedback on s-done, so a fresh attempt uses another session id.
  const ownNew = paths.feedback("s-new", UID.owner);
  for (const rating of [0, 6, 3.5, "5"]) attack("owner", `a rating of ${JSON.stringify(rating)}`, ownNew, create("owner", ownNew, mine({ sessionId: "s-new", rating })));
  attack("owner", "feedback on a session that is not completed", ownNew, create("owner", ownNew, mine({ sessionId: "s-new" })));
  attack("mentee", "feedback on a session they were not part of", paths.feedback("s-done", UID.mentee), create("mentee", paths.feedback("s-done", UID.mentee), feedback(UID.mentee, UID.mentor, "mentor")));
  attack("owner", "feedback in someone else's name", fresh, create("owner", fresh, mine({ fromUid: UID.mentee })));
  attack("owner", "a second feedback on the same session (overwriting the first)", OWNER_ABOUT_MENTOR, create("owner", OWNER_ABOUT_MENTOR, mine({ rating: 1 })));
  attack("owner", "moves their feedback to another subject", OWNER_ABOUT_MENTOR, () => updateDoc(doc(suite.db("owner"), OWNER_ABOUT_MENTOR), { toUid: UID.mentee }));
  attack("owner", "an oversize comment", ownNew, create("owner", ownNew, mine({ sessionId: "s-new", comment: "x".repeat(FEEDBACK.commentMax + 1) })));
  attack("owner", "a forged createdAt", ownNew, create("owner", ownNew, mine({ sessionId: "s-new", createdAt: PAST })));
  attack("owner", "marks their feedback as counted, or visible at once", OWNER_ABOUT_MENTOR, () => updateDoc(doc(suite.db("owner"), OWNER_ABOUT_MENTOR), { countedAt: null, visibleAt: PAST, visible: true }));
  attack("mentor", "deletes unwelcome feedback about them", VISIBLE_ABOUT_MENTOR, () => deleteDoc(doc(suite.db("mentor"), VISIBLE_ABOUT_MENTOR)));
  attack("admin", "rewrites a rating", VISIBLE_ABOUT_MENTOR, () => updateDoc(doc(suite.db("admin"), VISIBLE_ABOUT_MENTOR), { rating: 1 }));
});
