import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { describe, it } from "vitest";
import { EMAIL_KINDS, defaultEmailPrefs, paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, settingsDoc, useRulesSuite } from "./helpers.js";

const OWNER_SETTINGS = paths.userSettings(UID.owner);
const OWNER_OTHER_PRIVATE = `users/${UID.owner}/private/tokens`;

const suite = useRulesSuite("user-settings", () => ({
  [OWNER_SETTINGS]: settingsDoc(UID.owner),
  [paths.userSettings(UID.mentee)]: settingsDoc(UID.mentee),
  // Only "settings" is opened to its owner; any other private document stays functions-only.
  [OWNER_OTHER_PRIVATE]: { secret: "functions only", createdAt: PAST },
}));

const ownerSettings = () => doc(suite.db("owner"), OWNER_SETTINGS);
const prefsWith = (changes: DocumentData) => ({ ...defaultEmailPrefs(), ...changes });

describe("users/{uid}/private/settings: role matrix (the settings belong to the owner)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the owner's settings", run: (db) => getDoc(doc(db, OWNER_SETTINGS)) },
      list: {
        what: "the owner's private collection",
        run: (db) => getDocs(collection(db, `users/${UID.owner}/private`)),
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
      mentor: [],
      mentee: [],
      admin: [],
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
});

describe("users/{uid}/private/{other}: only settings is opened", () => {
  it("the owner cannot get another private document", async () => {
    await expectAllowed(getDoc(doc(suite.db("owner"), OWNER_OTHER_PRIVATE)), false);
  });

  it("the owner cannot update another private document", async () => {
    await expectAllowed(updateDoc(doc(suite.db("owner"), OWNER_OTHER_PRIVATE), { secret: "mine" }), false);
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
