import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite, type Actor, type Operation } from "./helpers.js";

// The blocked-word list: every member's app reads it (to refuse a send and mask on display); only setBlockedWords
// writes it, so it is always normalised and audited. Any other config/ document is closed.
const CONFIG = paths.moderationConfig();
const OTHER = "config/secrets";

const config = (overrides: DocumentData = {}): DocumentData => ({
  blockedWords: ["spam", "scam"],
  updatedAt: PAST,
  updatedBy: UID.admin,
  ...overrides,
});

const suite = useRulesSuite("config", () => ({ [CONFIG]: config(), [OTHER]: { key: "not for clients" } }));

// Members are people with a verified address and a role claim: the demoted keep a role (mentee), so they still read.
const MEMBERS_READ: Record<Actor, readonly Operation[]> = {
  anonymous: [],
  owner: ["get"],
  other: [],
  unverified: [],
  mentor: ["get"],
  mentee: ["get"],
  admin: ["get"],
  demotedAdmin: ["get"],
  demotedMentor: ["get"],
};

describe("config: role matrix (members read config/moderation; only functions write)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the blocked-word list", run: (db) => getDoc(doc(db, CONFIG)) },
      list: { what: "every config document", run: (db) => getDocs(collection(db, "config")) },
      create: { what: "a config document", run: (db) => setDoc(doc(db, "config/new"), config()) },
      update: { what: "the word list emptied", leaves: CONFIG, run: (db) => updateDoc(doc(db, CONFIG), { blockedWords: [] }) },
      delete: { what: "the word list", leaves: CONFIG, run: (db) => deleteDoc(doc(db, CONFIG)) },
    },
    MEMBERS_READ,
  );
});

describe("config: attacks", () => {
  it("no member reads another config document", async () => {
    for (const actor of ["owner", "mentor", "admin"] as const) await expectAllowed(getDoc(doc(suite.db(actor), OTHER)), false);
  });

  it("an admin cannot edit the list from the client (setBlockedWords normalises and audits)", async () => {
    await expectAllowed(updateDoc(doc(suite.db("admin"), CONFIG), { blockedWords: ["SPAM ", "x"], updatedBy: UID.admin }), false);
    await expectAllowed(setDoc(doc(suite.db("admin"), CONFIG), config({ blockedWords: [] })), false);
    expect(await suite.read(CONFIG)).toEqual(config());
  });

  it("a member cannot add a field or swap who changed it", async () => {
    await expectAllowed(updateDoc(doc(suite.db("mentee"), CONFIG), { allowList: ["spam"] }), false);
    await expectAllowed(updateDoc(doc(suite.db("mentee"), CONFIG), { updatedBy: UID.mentee }), false);
    expect(await suite.read(CONFIG)).toEqual(config());
  });
});
