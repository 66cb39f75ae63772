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
import { describe, expect, it } from "vitest";
import {
  DEPARTMENTS,
  IANA_TIME_ZONES,
  LIMITS,
  PROFILE_SERVER_FIELDS,
  SINGLE_LINE_PATTERN,
  isIanaTimeZone,
  paths,
  storedTagSchema,
} from "@mentormatch/shared";
import {
  UID,
  describeRoleMatrix,
  expectAllowed,
  profileDoc,
  useRulesSuite,
  type SignedInActor,
} from "./helpers.js";

// Every actor's own profile is seeded by the helper (owner, mentee and the demoted ones as mentees, mentor as mentor,
// admin as admin; "other" and "unverified" as mentees whose tokens cannot act on it yet).
const suite = useRulesSuite("users", () => ({}));

const ownerProfile = () => doc(suite.db("owner"), paths.user(UID.owner));

/** An actor's edit of their own profile: the given fields plus the required `updatedAt`. */
const editAs = (actor: SignedInActor, fields: DocumentData) =>
  updateDoc(doc(suite.db(actor), paths.user(UID[actor])), { ...fields, updatedAt: serverTimestamp() });
const editOwn = (fields: DocumentData) => editAs("owner", fields);
const editOwnAsMentor = (fields: DocumentData) => editAs("mentor", fields);
const storedProfile = (actor: SignedInActor) => suite.read(paths.user(UID[actor]));

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
      // Not members: no role claim yet, or an email not verified.
      other: [],
      unverified: [],
      mentor: ["get", "list"],
      mentee: ["get", "list"],
      admin: ["get", "list"],
      // Still members (their token holds a role), so the directory stays open to them.
      demotedAdmin: ["get", "list"],
      demotedMentor: ["get", "list"],
    },
  );
});

// The longest name in the IANA list: no zone reaches LIMITS.timezone, so the maximum is the longest real one.
const LONGEST_ZONE = IANA_TIME_ZONES.reduce((a, b) => (b.length > a.length ? b : a));

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
        timezone: LONGEST_ZONE,
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

  it("a mentor can set capacity 3 and accept requests in one edit", async () => {
    // Start closed, so both fields really change (a new mentor's profile already holds 3 and true).
    const closed = { capacity: 0, acceptingRequests: false };
    await suite.seed({ [paths.user(UID.mentor)]: profileDoc(UID.mentor, "mentor", closed) });
    await expectAllowed(editOwnAsMentor({ capacity: 3, acceptingRequests: true }), true);
  });

  it("a mentee cannot set capacity above 0 on their own profile", async () => {
    await expectAllowed(editOwn({ capacity: 1 }), false);
  });

  it("a mentee cannot set capacity 3", async () => {
    await expectAllowed(editAs("mentee", { capacity: 3 }), false);
  });

  it("a mentee cannot start accepting requests", async () => {
    await expectAllowed(editAs("mentee", { acceptingRequests: true }), false);
  });

  it("a user with no role claim cannot set capacity above 0", async () => {
    await expectAllowed(editAs("other", { capacity: 3 }), false);
  });

  // A demoted mentor's token still says mentor, but the profile being edited says mentee.
  it("a demoted mentor's old token cannot set capacity 5", async () => {
    await expectAllowed(editAs("demotedMentor", { capacity: 5 }), false);
  });

  it("a demoted mentor's old token cannot start accepting requests", async () => {
    await expectAllowed(editAs("demotedMentor", { acceptingRequests: true }), false);
  });

  it("a demoted mentor's old token can switch a leftover capacity and requests off", async () => {
    const leftover = { capacity: 3, acceptingRequests: true };
    await suite.seed({ [paths.user(UID.demotedMentor)]: profileDoc(UID.demotedMentor, "mentee", leftover) });
    await expectAllowed(editAs("demotedMentor", { capacity: 0, acceptingRequests: false }), true);
  });

  it("a demoted mentor's old token can still edit their other fields", async () => {
    await expectAllowed(editAs("demotedMentor", { bio: "Taking a break from mentoring" }), true);
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

describe("users/{uid}: only members edit, even their own profile", () => {
  it("a user with no role claim cannot edit their own name", async () => {
    await expectAllowed(editAs("other", { displayName: "Nora N" }), false);
  });

  it("a user whose email is not verified cannot edit their own name", async () => {
    await expectAllowed(editAs("unverified", { displayName: "Uma U" }), false);
  });

  it("an anonymous visitor cannot edit the owner's profile", async () => {
    await expectAllowed(
      updateDoc(doc(suite.db("anonymous"), paths.user(UID.owner)), { bio: "Hi", updatedAt: serverTimestamp() }),
      false,
    );
  });
});

// The same token and the same client before and after an admin changes the stored role: the rules compare the
// token with the profile, so the old token stops working at once instead of when it expires.
describe("users/{uid}: a mentor's token minted before a role change", () => {
  it("sets capacity 5 while the profile says mentor, and not once the profile says mentee", async () => {
    await expectAllowed(editOwnAsMentor({ capacity: 5 }), true);
    expect((await storedProfile("mentor"))?.capacity).toBe(5);

    await suite.setStoredRole("mentor", "mentee");
    await expectAllowed(editOwnAsMentor({ capacity: 5 }), false);
    expect(await storedProfile("mentor")).toMatchObject({ role: "mentee", capacity: 0 });
  });

  it("turns acceptingRequests on while the profile says mentor, and not once the profile says mentee", async () => {
    await suite.seed({ [paths.user(UID.mentor)]: profileDoc(UID.mentor, "mentor", { acceptingRequests: false }) });
    await expectAllowed(editOwnAsMentor({ acceptingRequests: true }), true);
    expect((await storedProfile("mentor"))?.acceptingRequests).toBe(true);

    await suite.setStoredRole("mentor", "mentee");
    await expectAllowed(editOwnAsMentor({ acceptingRequests: true }), false);
    expect(await storedProfile("mentor")).toMatchObject({ role: "mentee", acceptingRequests: false });
  });

  // A promotion the token has not caught up with: a mentee's token on a profile that now says mentor.
  it("a mentee's token cannot offer places on a profile just promoted to mentor", async () => {
    await suite.seed({
      [paths.user(UID.owner)]: profileDoc(UID.owner, "mentor", { capacity: 0, acceptingRequests: false }),
    });
    await expectAllowed(editOwn({ capacity: 5 }), false);
    expect((await storedProfile("owner"))?.capacity).toBe(0);
  });
});

describe("users/{uid}: server fields cannot be written by the owner", () => {
  const attempts: Record<(typeof PROFILE_SERVER_FIELDS)[number], unknown> = {
    uid: "mallory",
    role: "admin",
    activeMenteeCount: 5,
    ratingAvg: 5,
    ratingCount: 100,
    ratingScore: 5,
    sessionCount: 50,
    searchTokens: ["n:alice", "x:everything"],
    responseHoursRecent: [0.1, 0.1, 0.1],
    medianResponseHours: 0.1,
    lastActiveAt: serverTimestamp(),
    createdAt: serverTimestamp(),
  };
  for (const [field, value] of Object.entries(attempts)) {
    it(`cannot write ${field}`, async () => {
      await expectAllowed(editOwn({ [field]: value }), false);
    });
  }

  it("cannot promote themselves to admin", async () => {
    await expectAllowed(editOwn({ role: "admin" }), false);
  });

  it("cannot change their uid", async () => {
    await expectAllowed(editOwn({ uid: UID.admin }), false);
  });

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

// Each case is also checked against the shared schema, so the rules and zod cannot drift apart unnoticed.
describe("users/{uid}: displayName is one clean line", () => {
  const cases: [string, string, boolean][] = [
    ["only spaces", "   ", false],
    ["a leading space", " Alice", false],
    ["a trailing space", "Alice ", false],
    ["a newline", "Alice\nSmith", false],
    ["a tab", "Alice\tSmith", false],
    ["a right-to-left override (U+202E) inside", "Alice\u202Eevil", false],
    ["a right-to-left override (U+202E) first", "\u202Eecila", false],
    ["a first-strong isolate (U+2068) inside", "Alice\u2068x", false],
    ["a line separator (U+2028) inside", "Alice\u2028Smith", false],
    ["inner spaces", "Ada King Lovelace", true],
    ["accents", "José Ñúñez", true],
    ["an emoji joined by U+200D", "Ada \u{1F469}\u200D\u{1F4BB}", true],
  ];
  for (const [label, displayName, ok] of cases) {
    it(`${ok ? "can" : "cannot"} set a name with ${label}`, async () => {
      expect(SINGLE_LINE_PATTERN.test(displayName)).toBe(ok);
      await expectAllowed(editOwn({ displayName }), ok);
    });
  }
});

describe("users/{uid}: expertise tags are stored normalised", () => {
  const cases: [string, string, boolean][] = [
    ["an upper-case letter", "React", false],
    ["a leading space", " react", false],
    ["a trailing space", "react ", false],
    ["a double space", "react  native", false],
    ["a tab", "react\tnative", false],
    ["an upper-case non-ASCII letter", "Élan", false],
    ["a single inner space", "react native", true],
    ["a lower-case non-ASCII letter", "élan", true],
    ["punctuation", "c++", true],
  ];
  for (const [label, tag, ok] of cases) {
    it(`${ok ? "can" : "cannot"} set a tag with ${label}`, async () => {
      expect(storedTagSchema.safeParse(tag).success).toBe(ok);
      await expectAllowed(editOwn({ expertise: ["design", tag] }), ok);
    });
  }
});

describe("users/{uid}: learning goals are trimmed", () => {
  it("cannot set a goal with outer spaces", async () => {
    await expectAllowed(editOwn({ learningGoals: ["Speak at a conference", " Lead a team "] }), false);
  });

  it("cannot set a goal with a trailing newline", async () => {
    await expectAllowed(editOwn({ learningGoals: ["Lead a team\n"] }), false);
  });

  it("can set goals with capitals and inner spaces", async () => {
    await expectAllowed(editOwn({ learningGoals: ["Lead a team", "Speak at a conference"] }), true);
  });
});

describe("users/{uid}: timezone is an IANA name", () => {
  const cases: [string, boolean][] = [
    ["<b>x</b>", false],
    ["Mars/Olympus", false],
    ["Europe/london", false],
    ["Europe/London ", false],
    ["Europe/", false],
    ["Asia/Calcutta", true],
    ["Asia/Kolkata", true],
    ["Etc/GMT+5", true],
    ["UTC", true],
    ["America/Argentina/Buenos_Aires", true],
  ];
  for (const [timezone, ok] of cases) {
    it(`${ok ? "can" : "cannot"} set timezone ${JSON.stringify(timezone)}`, async () => {
      expect(isIanaTimeZone(timezone)).toBe(ok);
      await expectAllowed(editOwn({ timezone }), ok);
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

  it("a user with no role claim cannot run the directory query", async () => {
    const db = suite.db("other");
    await expectAllowed(getDocs(query(collection(db, paths.users()), where("role", "==", "mentor"), limit(12))), false);
  });

  it("a user whose email is not verified cannot read even their own profile", async () => {
    await expectAllowed(getDoc(doc(suite.db("unverified"), paths.user(UID.unverified))), false);
  });
});
