import {
  collection,
  deleteDoc,
  doc,
  documentId,
  getDoc,
  getDocs,
  query,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { EMAIL_KINDS, defaultEmailPrefs, paths } from "@mentormatch/shared";
import {
  PAST,
  UID,
  describeRoleMatrix,
  expectAllowed,
  registrationDoc,
  settingsDoc,
  useRulesSuite,
  type SignedInActor,
} from "./helpers.js";

const OWNER_SETTINGS = paths.userSettings(UID.owner);
const OWNER_REGISTRATION = paths.userRegistration(UID.owner);
const OWNER_SECRET = `users/${UID.owner}/private/secret`;
const OPEN_PRIVATE_IDS = ["settings", "registration"];

const suite = useRulesSuite("user-settings", () => ({
  [OWNER_SETTINGS]: settingsDoc(UID.owner),
  [OWNER_REGISTRATION]: registrationDoc(UID.owner, { status: "complete" }),
  [paths.userSettings(UID.mentee)]: settingsDoc(UID.mentee),
  // Only settings and registration are opened to their owner; any other private document stays functions-only.
  [OWNER_SECRET]: { secret: "functions only", createdAt: PAST },
  // registerAccount writes settings with the profile, so both non-members have one: a refusal is the rules', not a
  // missing document's. Their registrations are what the app shows while they wait.
  [paths.userSettings(UID.other)]: settingsDoc(UID.other),
  [paths.userRegistration(UID.other)]: registrationDoc(UID.other, { status: "complete" }),
  [paths.userSettings(UID.unverified)]: settingsDoc(UID.unverified),
  [paths.userRegistration(UID.unverified)]: registrationDoc(UID.unverified),
}));

const privateOf = (actor: SignedInActor, uid = UID[actor]) => collection(suite.db(actor), `users/${uid}/private`);
const ownerSettings = () => doc(suite.db("owner"), OWNER_SETTINGS);
const prefsWith = (changes: DocumentData) => ({ ...defaultEmailPrefs(), ...changes });

describe("users/{uid}/private/settings: role matrix (the settings belong to the owner)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the owner's settings", run: (db) => getDoc(doc(db, OWNER_SETTINGS)) },
      list: {
        what: "the owner's private collection, filtered to settings and registration",
        run: (db) =>
          getDocs(query(collection(db, `users/${UID.owner}/private`), where(documentId(), "in", OPEN_PRIVATE_IDS))),
      },
      create: {
        what: "the owner's settings",
        run: async (db) => {
          await suite.remove(OWNER_SETTINGS);
          return setDoc(doc(db, OWNER_SETTINGS), settingsDoc(UID.owner));
        },
      },
      update: {
        what: "the owner's email preferences",
        run: (db) => updateDoc(doc(db, OWNER_SETTINGS), { emailPrefs: prefsWith({ reminders: false }) }),
      },
      delete: { what: "the owner's settings", run: (db) => deleteDoc(doc(db, OWNER_SETTINGS)) },
    },
    {
      anonymous: [],
      owner: ["get", "list", "update"],
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

describe("users/{uid}/private/settings: emailPrefs", () => {
  // The rules spell out EMAIL_KINDS by hand; a kind added to constants.ts without the rules fails here.
  it("can switch every kind in EMAIL_KINDS off", async () => {
    const allOff = Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, false]));
    await expectAllowed(updateDoc(ownerSettings(), { emailPrefs: allOff }), true);
  });

  it("can switch one kind with a field-path update", async () => {
    await expectAllowed(updateDoc(ownerSettings(), { "emailPrefs.sessions": false }), true);
  });

  it("cannot add a key that is not an email kind", async () => {
    await expectAllowed(updateDoc(ownerSettings(), { emailPrefs: prefsWith({ marketing: true }) }), false);
  });

  it("cannot leave out an email kind", async () => {
    const { feedback: _feedback, ...missingOne } = defaultEmailPrefs();
    await expectAllowed(updateDoc(ownerSettings(), { emailPrefs: missingOne }), false);
  });

  it("cannot set a preference to a non-bool", async () => {
    await expectAllowed(updateDoc(ownerSettings(), { emailPrefs: prefsWith({ account: "yes" }) }), false);
  });

  it("cannot replace emailPrefs with a bool", async () => {
    await expectAllowed(updateDoc(ownerSettings(), { emailPrefs: false }), false);
  });

  it("cannot change the email address functions keep", async () => {
    await expectAllowed(updateDoc(ownerSettings(), { email: "mallory@example.com" }), false);
  });

  it("cannot add another field", async () => {
    await expectAllowed(updateDoc(ownerSettings(), { emailPrefs: defaultEmailPrefs(), isAdmin: true }), false);
  });

  // The calendar feed's date is written by createCalendarFeed with the feed itself: a client could otherwise show a
  // feed as on that does not exist, or hide one that does.
  it("cannot set or clear calendarFeedCreatedAt, alone or with a preference change", async () => {
    await expectAllowed(updateDoc(ownerSettings(), { calendarFeedCreatedAt: PAST }), false);
    await expectAllowed(updateDoc(ownerSettings(), { emailPrefs: prefsWith({ reminders: false }), calendarFeedCreatedAt: null }), false);
    expect((await suite.read(OWNER_SETTINGS))?.calendarFeedCreatedAt).toBeUndefined();
  });

  it("a user whose email is not verified cannot change their own preferences", async () => {
    const db = suite.db("unverified");
    await expectAllowed(
      updateDoc(doc(db, paths.userSettings(UID.unverified)), { emailPrefs: prefsWith({ reminders: false }) }),
      false,
    );
  });
});

describe("users/{uid}/private/registration: the owner reads it, nobody writes it", () => {
  it("the owner can get their registration", async () => {
    await expectAllowed(getDoc(doc(suite.db("owner"), OWNER_REGISTRATION)), true);
  });

  it("the owner cannot change their registration", async () => {
    await expectAllowed(updateDoc(doc(suite.db("owner"), OWNER_REGISTRATION), { role: "mentor" }), false);
  });

  it("a user waiting for verification cannot mark their own registration complete", async () => {
    const db = suite.db("unverified");
    await expectAllowed(updateDoc(doc(db, paths.userRegistration(UID.unverified)), { status: "complete" }), false);
  });

  it("the owner cannot delete their registration", async () => {
    await expectAllowed(deleteDoc(doc(suite.db("owner"), OWNER_REGISTRATION)), false);
  });

  it("a mentee cannot get the owner's registration", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentee"), OWNER_REGISTRATION)), false);
  });

  it("an admin cannot get the owner's registration", async () => {
    await expectAllowed(getDoc(doc(suite.db("admin"), OWNER_REGISTRATION)), false);
  });
});

describe("users/{uid}/private/{other}: only settings and registration are opened", () => {
  it("the owner cannot get another private document", async () => {
    await expectAllowed(getDoc(doc(suite.db("owner"), OWNER_SECRET)), false);
  });

  it("the owner cannot update another private document", async () => {
    await expectAllowed(updateDoc(doc(suite.db("owner"), OWNER_SECRET), { secret: "mine" }), false);
  });

  it("the owner cannot create another private document", async () => {
    await expectAllowed(
      setDoc(doc(suite.db("owner"), `users/${UID.owner}/private/extra`), { emailPrefs: defaultEmailPrefs() }),
      false,
    );
  });

  it("a mentee can read their own settings", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentee"), paths.userSettings(UID.mentee))), true);
  });
});

// Rules are not filters: a list of the private collection could include functions-only documents, so it is allowed
// only when the query itself names the open ids.
describe("users/{uid}/private: listing", () => {
  it("the owner cannot list their private collection unfiltered", async () => {
    await expectAllowed(getDocs(privateOf("owner")), false);
  });

  it("the owner can list it filtered to settings and registration, and gets exactly those", async () => {
    const snapshot = await getDocs(query(privateOf("owner"), where(documentId(), "in", OPEN_PRIVATE_IDS)));
    expect(snapshot.docs.map((d) => d.id).sort()).toEqual(["registration", "settings"]);
  });

  it("the owner can list it filtered to settings alone", async () => {
    const snapshot = await getDocs(query(privateOf("owner"), where(documentId(), "==", "settings")));
    expect(snapshot.docs.map((d) => d.id)).toEqual(["settings"]);
  });

  it("the owner cannot list it filtered to include a functions-only id", async () => {
    await expectAllowed(
      getDocs(query(privateOf("owner"), where(documentId(), "in", [...OPEN_PRIVATE_IDS, "secret"]))),
      false,
    );
  });

  it("the owner cannot list it filtered to any id but settings", async () => {
    await expectAllowed(getDocs(query(privateOf("owner"), where(documentId(), "!=", "settings"))), false);
  });

  it("a mentee cannot list the owner's private collection, even filtered", async () => {
    await expectAllowed(
      getDocs(query(privateOf("mentee", UID.owner), where(documentId(), "in", OPEN_PRIVATE_IDS))),
      false,
    );
  });
});

// Until an account has a verified email and a role, its own pending registration is the only thing it may read.
for (const actor of ["other", "unverified"] as const) {
  const who = actor === "other" ? "a user with no role claim" : "a user whose email is not verified";
  describe(`users/{uid}/private: ${who} (${actor})`, () => {
    it("can get their own registration", async () => {
      await expectAllowed(getDoc(doc(suite.db(actor), paths.userRegistration(UID[actor]))), true);
    });

    it("can list their own registration by id", async () => {
      const snapshot = await getDocs(query(privateOf(actor), where(documentId(), "==", "registration")));
      expect(snapshot.docs.map((d) => d.id)).toEqual(["registration"]);
    });

    it("cannot get their own settings", async () => {
      await expectAllowed(getDoc(doc(suite.db(actor), paths.userSettings(UID[actor]))), false);
    });

    it("cannot get their own profile", async () => {
      await expectAllowed(getDoc(doc(suite.db(actor), paths.user(UID[actor]))), false);
    });

    it("cannot get anyone else's profile", async () => {
      await expectAllowed(getDoc(doc(suite.db(actor), paths.user(UID.owner))), false);
    });

    it("cannot get the owner's registration", async () => {
      await expectAllowed(getDoc(doc(suite.db(actor), OWNER_REGISTRATION)), false);
    });
  });
}
