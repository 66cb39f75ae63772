import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  type DocumentData,
} from "firebase/firestore";
import { describe, it } from "vitest";
import { DEPARTMENTS, LIMITS, PROFILE_SERVER_FIELDS, paths } from "@mentormatch/shared";
import { UID, describeRoleMatrix, expectAllowed, profileDoc, useRulesSuite } from "./helpers.js";

const suite = useRulesSuite("users", () => ({
  [paths.user(UID.owner)]: profileDoc(UID.owner, "mentee"),
  [paths.user(UID.mentor)]: profileDoc(UID.mentor, "mentor"),
  [paths.user(UID.mentee)]: profileDoc(UID.mentee, "mentee"),
  // registerAccount has run but this user's token has not been refreshed, so the profile exists without a claim.
  [paths.user(UID.other)]: profileDoc(UID.other, "mentee"),
}));

const ownerProfile = () => doc(suite.db("owner"), paths.user(UID.owner));
const mentorOwnProfile = () => doc(suite.db("mentor"), paths.user(UID.mentor));

/** An owner's edit of their own profile: the given fields plus the required `updatedAt`. */
const editOwn = (fields: DocumentData) => updateDoc(ownerProfile(), { ...fields, updatedAt: serverTimestamp() });
const editOwnAsMentor = (fields: DocumentData) =>
  updateDoc(mentorOwnProfile(), { ...fields, updatedAt: serverTimestamp() });

const chars = (n: number, c = "a") => c.repeat(n);
const tags = (count: number, length: number) => Array.from({ length: count }, (_, i) => `${i}`.padEnd(length, "t"));

describe("users/{uid}: role matrix (the profile belongs to the owner, a mentee)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the owner's profile", run: (db) => getDoc(doc(db, paths.user(UID.owner))) },
      list: {
        what: "the mentor directory query",
        run: (db) =>
          getDocs(query(collection(db, paths.users()), where("role", "==", "mentor"), orderBy("displayName"))),
      },
      create: {
        what: "their own profile, claiming admin",
        run: async (db, actor) => {
          const uid = suite.uid(actor);
          await suite.remove(paths.user(uid));
          return setDoc(doc(db, paths.user(uid)), profileDoc(uid, "admin"));
        },
      },
      update: {
        what: "the owner's bio",
        run: (db) => updateDoc(doc(db, paths.user(UID.owner)), { bio: "Hello", updatedAt: serverTimestamp() }),
      },
      delete: { what: "the owner's profile", run: (db) => deleteDoc(doc(db, paths.user(UID.owner))) },
    },
    {
      anonymous: [],
      owner: ["get", "list", "update"],
      other: ["get", "list"],
      mentor: ["get", "list"],
      mentee: ["get", "list"],
      admin: ["get", "list"],
    },
  );
});

describe("users/{uid}: owner edits within the limits", () => {
  it("can set every editable field at its maximum size", async () => {
    await expectAllowed(
      editOwn({
        displayName: chars(LIMITS.displayName),
        title: chars(LIMITS.title),
        department: "Engineering",
        expertise: tags(LIMITS.expertiseCount, LIMITS.tag),
        learningGoals: tags(LIMITS.learningGoalsCount, LIMITS.learningGoal),
        bio: chars(LIMITS.bio),
        avatarUrl: `https://example.com/${chars(LIMITS.avatarUrl - "https://example.com/".length)}`,
        timezone: chars(LIMITS.timezone),
        capacity: 0,
        acceptingRequests: false,
      }),
      true,
    );
  });

  it("can clear the optional fields", async () => {
    await expectAllowed(
      editOwn({ title: "", department: "", expertise: [], learningGoals: [], bio: "", avatarUrl: "" }),
      true,
    );
  });

  // The rules repeat DEPARTMENTS by hand; this fails if constants.ts gains one the rules do not know.
  it("can pick every department in DEPARTMENTS", async () => {
    for (const department of DEPARTMENTS) await expectAllowed(editOwn({ department }), true);
  });

  it("cannot pick a department outside DEPARTMENTS", async () => {
    await expectAllowed(editOwn({ department: "Astrology" }), false);
  });

  it("can change only updatedAt (a save with no edits)", async () => {
    await expectAllowed(editOwn({}), true);
  });
});

describe("users/{uid}: capacity belongs to mentors", () => {
  it("a mentor can offer up to the maximum capacity on their own profile", async () => {
    await expectAllowed(editOwnAsMentor({ capacity: LIMITS.capacityMax, acceptingRequests: true }), true);
  });

  it("a mentor cannot exceed the maximum capacity", async () => {
    await expectAllowed(editOwnAsMentor({ capacity: LIMITS.capacityMax + 1 }), false);
  });

  it("a mentor cannot set a negative capacity", async () => {
    await expectAllowed(editOwnAsMentor({ capacity: -1 }), false);
  });

  it("a mentor cannot set a fractional capacity", async () => {
    await expectAllowed(editOwnAsMentor({ capacity: 2.5 }), false);
  });

  it("a mentor cannot set capacity as a string", async () => {
    await expectAllowed(editOwnAsMentor({ capacity: "3" }), false);
  });

  it("a mentee cannot set capacity above 0 on their own profile", async () => {
    await expectAllowed(editOwn({ capacity: 1 }), false);
  });

  it("a user with no role claim cannot set capacity above 0", async () => {
    const db = suite.db("other");
    await expectAllowed(
      updateDoc(doc(db, paths.user(UID.other)), { capacity: 3, updatedAt: serverTimestamp() }),
      false,
    );
  });

  it("a user with no role claim can edit their other fields", async () => {
    const db = suite.db("other");
    await expectAllowed(
      updateDoc(doc(db, paths.user(UID.other)), { displayName: "Nora N", updatedAt: serverTimestamp() }),
      true,
    );
  });

  it("a former mentor, now a mentee, can reset a leftover capacity to 0", async () => {
    await suite.seed({ [paths.user(UID.owner)]: profileDoc(UID.owner, "mentee", { capacity: 3 }) });
    await expectAllowed(editOwn({ capacity: 0, acceptingRequests: false }), true);
  });

  it("a former mentor, now a mentee, can edit other fields without touching a leftover capacity", async () => {
    await suite.seed({ [paths.user(UID.owner)]: profileDoc(UID.owner, "mentee", { capacity: 3 }) });
    await expectAllowed(editOwn({ bio: "Now learning" }), true);
  });
});

describe("users/{uid}: server fields cannot be written by the owner", () => {
  const attempts: Record<(typeof PROFILE_SERVER_FIELDS)[number], unknown> = {
    uid: "mallory",
    role: "admin",
    activeMenteeCount: 5,
    ratingAvg: 5,
    ratingCount: 100,
    sessionCount: 50,
    searchTokens: ["n:alice", "x:everything"],
    createdAt: serverTimestamp(),
  };
  for (const [field, value] of Object.entries(attempts)) {
    it(`cannot write ${field}`, async () => {
      await expectAllowed(editOwn({ [field]: value }), false);
    });
  }

  it("cannot promote themselves to mentor", async () => {
    await expectAllowed(editOwn({ role: "mentor", capacity: 5 }), false);
  });

  it("cannot lower activeMenteeCount to get past capacity", async () => {
    await suite.seed({ [paths.user(UID.mentor)]: profileDoc(UID.mentor, "mentor", { activeMenteeCount: 3 }) });
    await expectAllowed(editOwnAsMentor({ activeMenteeCount: 0 }), false);
  });

  it("cannot add an unknown field", async () => {
    await expectAllowed(editOwn({ isVerified: true }), false);
  });

  it("cannot remove an editable field", async () => {
    await expectAllowed(editOwn({ bio: deleteField() }), false);
  });

  it("cannot replace the whole document with only the editable fields", async () => {
    const { uid: _uid, role: _role, ...editable } = profileDoc(UID.owner, "mentee");
    await expectAllowed(setDoc(ownerProfile(), { ...editable, updatedAt: serverTimestamp() }), false);
  });

  it("can save edits with a merge set", async () => {
    await expectAllowed(
      setDoc(ownerProfile(), { bio: "Merged", updatedAt: serverTimestamp() }, { merge: true }),
      true,
    );
  });
});

describe("users/{uid}: oversize and empty values (each limit + 1)", () => {
  const cases: [string, DocumentData][] = [
    ["displayName over 80", { displayName: chars(LIMITS.displayName + 1) }],
    ["an empty displayName", { displayName: "" }],
    ["title over 100", { title: chars(LIMITS.title + 1) }],
    ["more than 15 expertise tags", { expertise: tags(LIMITS.expertiseCount + 1, 5) }],
    ["an expertise tag over 40", { expertise: [chars(LIMITS.tag + 1)] }],
    ["an oversize expertise tag in the last place", { expertise: [...tags(14, 5), chars(LIMITS.tag + 1)] }],
    ["an empty expertise tag", { expertise: ["react", ""] }],
    // The rules check item sizes over the joined list; an item holding the separator must not pass as two.
    ["an oversize tag split by the rules' list separator", { expertise: [`${chars(30)}\u001f${chars(30)}`] }],
    ["more than 10 learning goals", { learningGoals: tags(LIMITS.learningGoalsCount + 1, 5) }],
    ["a learning goal over 120", { learningGoals: [chars(LIMITS.learningGoal + 1)] }],
    ["an oversize learning goal in the last place", { learningGoals: [...tags(9, 5), chars(LIMITS.learningGoal + 1)] }],
    ["an empty learning goal", { learningGoals: [""] }],
    ["bio over 2000", { bio: chars(LIMITS.bio + 1) }],
    ["avatarUrl over 500", { avatarUrl: `https://example.com/${chars(LIMITS.avatarUrl)}` }],
    ["timezone over 64", { timezone: chars(LIMITS.timezone + 1) }],
    ["an empty timezone", { timezone: "" }],
  ];
  for (const [label, fields] of cases) {
    it(`cannot set ${label}`, async () => {
      await expectAllowed(editOwn(fields), false);
    });
  }
});

describe("users/{uid}: avatar links", () => {
  for (const url of ["http://example.com/a.png", "javascript:alert(1)", "https://", "//example.com/a.png"]) {
    it(`cannot set avatarUrl ${JSON.stringify(url)}`, async () => {
      await expectAllowed(editOwn({ avatarUrl: url }), false);
    });
  }

  it("can set an https avatarUrl", async () => {
    await expectAllowed(editOwn({ avatarUrl: "https://cdn.example.com/alice.png" }), true);
  });
});

describe("users/{uid}: wrong types", () => {
  const cases: [string, DocumentData][] = [
    ["displayName as a number", { displayName: 42 }],
    ["title as null", { title: null }],
    ["department as null", { department: null }],
    ["expertise as a string", { expertise: "react" }],
    ["expertise tags as numbers", { expertise: [1, 2] }],
    ["a number as the last expertise tag", { expertise: [...tags(14, 5), 7] }],
    ["learningGoals as a map", { learningGoals: { first: "Lead a team" } }],
    ["bio as a list", { bio: ["Hello"] }],
    ["avatarUrl as a bool", { avatarUrl: true }],
    ["timezone as a number", { timezone: 0 }],
    ["acceptingRequests as a string", { acceptingRequests: "yes" }],
  ];
  for (const [label, fields] of cases) {
    it(`cannot set ${label}`, async () => {
      await expectAllowed(editOwn(fields), false);
    });
  }
});

describe("users/{uid}: updatedAt must be the request time", () => {
  it("cannot edit without updating updatedAt", async () => {
    await expectAllowed(updateDoc(ownerProfile(), { bio: "No timestamp" }), false);
  });

  it("cannot set updatedAt from the client clock", async () => {
    await expectAllowed(updateDoc(ownerProfile(), { bio: "Client clock", updatedAt: Timestamp.now() }), false);
  });

  it("cannot set updatedAt to a string", async () => {
    await expectAllowed(updateDoc(ownerProfile(), { bio: "String", updatedAt: "now" }), false);
  });
});

describe("users/{uid}: listing", () => {
  it("a signed-in user can page through the directory", async () => {
    const db = suite.db("mentee");
    await expectAllowed(
      getDocs(query(collection(db, paths.users()), where("role", "==", "mentor"), orderBy("displayName"), limit(12))),
      true,
    );
  });

  it("an anonymous visitor cannot run the directory query", async () => {
    const db = suite.db("anonymous");
    await expectAllowed(getDocs(query(collection(db, paths.users()), where("role", "==", "mentor"), limit(12))), false);
  });
});
