import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import {
  connectFirestoreEmulator,
  doc,
  deleteDoc,
  getDoc,
  getFirestore,
  setLogLevel,
  Timestamp,
  writeBatch,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PROJECT_ID, defaultEmailPrefs, defaultProfileFields, paths, type Role } from "@mentormatch/shared";

const RULES_PATH = fileURLToPath(new URL("../../firestore.rules", import.meta.url));

// Most of these tests expect a denial, which the SDK also logs as a warning: hundreds of lines that would bury
// a real failure in the output. Errors still print.
setLogLevel("error");

/**
 * Who makes a request. "owner" is the person whose data the file is about; the others are distinct people.
 * "other" is signed in and verified but has no role claim yet; "unverified" holds a role claim but has not verified
 * their email; "demotedAdmin" and "demotedMentor" hold a token minted before an admin changed their role to mentee.
 */
export const ACTORS = [
  "anonymous",
  "owner",
  "other",
  "unverified",
  "mentor",
  "mentee",
  "admin",
  "demotedAdmin",
  "demotedMentor",
] as const;
export type Actor = (typeof ACTORS)[number];
export type SignedInActor = Exclude<Actor, "anonymous">;

export const OPERATIONS = ["get", "list", "create", "update", "delete"] as const;
export type Operation = (typeof OPERATIONS)[number];

export const UID: Record<SignedInActor, string> = {
  owner: "alice",
  other: "nora",
  unverified: "uma",
  mentor: "mark",
  mentee: "mia",
  admin: "ada",
  demotedAdmin: "dana",
  demotedMentor: "dave",
};

/** The owner is a mentee, so "owner" and "mentor" never coincide. Members need a verified email and a role. */
const CLAIMS: Record<SignedInActor, Record<string, unknown>> = {
  owner: { role: "mentee", email_verified: true },
  other: { email_verified: true },
  unverified: { role: "mentee", email_verified: false },
  mentor: { role: "mentor", email_verified: true },
  mentee: { role: "mentee", email_verified: true },
  admin: { role: "admin", email_verified: true },
  demotedAdmin: { role: "admin", email_verified: true },
  demotedMentor: { role: "mentor", email_verified: true },
};

/**
 * The role on each actor's stored profile, which privileged rules read. "other" and "unverified" have a mentee
 * profile too (registerAccount has run; the token lags behind or the email is not verified), so any refusal they
 * meet comes from their token and not from a missing profile. The demoted actors' profiles say mentee while their
 * tokens still claim the old role.
 */
export const STORED_ROLE: Record<SignedInActor, Role> = {
  owner: "mentee",
  other: "mentee",
  unverified: "mentee",
  mentor: "mentor",
  mentee: "mentee",
  admin: "admin",
  demotedAdmin: "mentee",
  demotedMentor: "mentee",
};

export const PAST = Timestamp.fromDate(new Date("2025-01-01T00:00:00Z"));

/** A profile as functions write it. */
export function profileDoc(uid: string, role: Role, overrides: DocumentData = {}): DocumentData {
  return {
    ...defaultProfileFields({ displayName: `User ${uid}`, timezone: "Europe/London", role }),
    uid,
    role,
    activeMenteeCount: 0,
    ratingAvg: 0,
    ratingCount: 0,
    sessionCount: 0,
    searchTokens: [],
    createdAt: PAST,
    updatedAt: PAST,
    ...overrides,
  };
}

/** Every signed-in actor's own profile, with the role in STORED_ROLE: rules get() the caller's profile. */
export function actorProfiles(): Record<string, DocumentData> {
  return Object.fromEntries(
    (Object.keys(STORED_ROLE) as SignedInActor[]).map((actor) => [
      paths.user(UID[actor]),
      profileDoc(UID[actor], STORED_ROLE[actor]),
    ]),
  );
}

export function settingsDoc(uid: string): DocumentData {
  return { email: `${uid}@example.com`, emailPrefs: defaultEmailPrefs(), createdAt: PAST };
}

/** A sign-up waiting for its email to be verified, as registerAccount writes it. */
export function registrationDoc(uid: string, overrides: DocumentData = {}): DocumentData {
  return {
    email: `${uid}@example.com`,
    role: "mentee",
    displayName: `User ${uid}`,
    timezone: "Europe/London",
    status: "awaiting_verification",
    verificationSentAt: PAST,
    createdAt: PAST,
    updatedAt: PAST,
    ...overrides,
  };
}

function emulatorHost(): { host: string; port: number } {
  const value = process.env.FIRESTORE_EMULATOR_HOST;
  if (!value) {
    throw new Error(
      "FIRESTORE_EMULATOR_HOST is not set: run through `node scripts/emulators.mjs exec --only firestore -- …`.",
    );
  }
  const colon = value.lastIndexOf(":");
  return { host: value.slice(0, colon), port: Number(value.slice(colon + 1)) };
}

export interface RulesSuite {
  /** A Firestore client acting as `actor`; contexts are made once per file and reused. */
  db(actor: Actor): Firestore;
  uid(actor: Actor): string;
  /** Writes documents bypassing the rules, as functions would. */
  seed(docs: Record<string, DocumentData>): Promise<void>;
  /** Deletes a document bypassing the rules, so a test can attempt to create it. */
  remove(path: string): Promise<void>;
  /** Reads a document bypassing the rules, so a test can check a refused write left it alone. */
  read(path: string): Promise<DocumentData | undefined>;
  /**
   * Changes the role on `actor`'s stored profile as setUserRole does (a mentor starts at capacity 3 and open to
   * requests, anyone else at 0 and closed), leaving their token, and the client already made for it, as it was.
   */
  setStoredRole(actor: SignedInActor, role: Role): Promise<void>;
}

/**
 * Registers the hooks for one test file: one environment per file, data cleared and `initialDocs` seeded before
 * every test, over the actors' own profiles (actorProfiles) where `initialDocs` does not name the same path.
 * clearFirestore wipes a whole project and vitest runs files in parallel, so each file gets its own demo project
 * (`demo-` ids never reach a real one) rather than racing the others on a shared one.
 */
export function useRulesSuite(name: string, initialDocs: () => Record<string, DocumentData>): RulesSuite {
  let env: RulesTestEnvironment | undefined;
  // One client for the whole file that the emulator lets past the rules (the "owner" token
  // withSecurityRulesDisabled uses), instead of a new app for every seed, read and delete of every test.
  let ownerApp: FirebaseApp | undefined;
  let ownerDb: Firestore | undefined;
  const clients = new Map<Actor, Firestore>();
  const requireEnv = () => {
    if (!env) throw new Error("the rules test environment is not initialised");
    return env;
  };
  const owner = () => {
    if (!ownerDb) throw new Error("the rules test environment is not initialised");
    return ownerDb;
  };

  const suite: RulesSuite = {
    db(actor) {
      let client = clients.get(actor);
      if (!client) {
        const context =
          actor === "anonymous"
            ? requireEnv().unauthenticatedContext()
            : requireEnv().authenticatedContext(UID[actor], CLAIMS[actor]);
        // The context hands out the compat instance; the modular functions accept it at runtime.
        client = context.firestore() as unknown as Firestore;
        clients.set(actor, client);
      }
      return client;
    },
    uid(actor) {
      return actor === "anonymous" ? "anonymous" : UID[actor];
    },
    async seed(docs) {
      // One commit per 500 documents (a batch's limit): one round trip where a write per document took one each.
      const entries = Object.entries(docs);
      for (let start = 0; start < entries.length; start += 500) {
        const batch = writeBatch(owner());
        for (const [path, data] of entries.slice(start, start + 500)) batch.set(doc(owner(), path), data);
        await batch.commit();
      }
    },
    async remove(path) {
      await deleteDoc(doc(owner(), path));
    },
    async read(path) {
      return (await getDoc(doc(owner(), path))).data();
    },
    async setStoredRole(actor, role) {
      await suite.seed({ [paths.user(UID[actor])]: profileDoc(UID[actor], role) });
    },
  };

  beforeAll(async () => {
    const projectId = `${DEMO_PROJECT_ID}-rules-${name}`;
    const { host, port } = emulatorHost();
    env = await initializeTestEnvironment({ projectId, firestore: { rules: readFileSync(RULES_PATH, "utf8"), host, port } });
    ownerApp = initializeApp({ projectId }, `rules-owner-${name}-${Date.now()}`);
    ownerDb = getFirestore(ownerApp);
    connectFirestoreEmulator(ownerDb, host, port, { mockUserToken: "owner" });
  });

  beforeEach(async () => {
    await requireEnv().clearFirestore();
    await suite.seed({ ...actorProfiles(), ...initialDocs() });
  });

  afterAll(async () => {
    if (ownerApp) await deleteApp(ownerApp);
    await env?.cleanup();
  });

  return suite;
}

export async function expectAllowed(request: Promise<unknown>, allowed: boolean): Promise<void> {
  if (allowed) await assertSucceeds(request);
  else await assertFails(request);
}

/** One operation in a role matrix. */
export interface MatrixOperation {
  /** What the operation does, for the test's name. */
  what: string;
  run: (db: Firestore, actor: Actor) => Promise<unknown>;
  /**
   * A document a refused attempt must leave exactly as it was (or still absent), read bypassing the rules before and
   * after: a refusal is then shown to have written nothing, not only to have returned an error.
   */
  leaves?: string;
}

export type MatrixOperations = Record<Operation, MatrixOperation>;

/**
 * The role matrix: one `describe` per actor and one `it` per operation, each asserting allowed or denied. `ops`
 * says what each operation does for an actor; `allowed` lists the operations each actor may perform.
 */
export function describeRoleMatrix(
  suite: RulesSuite,
  ops: MatrixOperations,
  allowed: Record<Actor, readonly Operation[]>,
): void {
  for (const actor of ACTORS) {
    describe(actor, () => {
      for (const operation of OPERATIONS) {
        const ok = allowed[actor].includes(operation);
        const { what, run, leaves } = ops[operation];
        it(`${ok ? "can" : "cannot"} ${operation}: ${what}`, async () => {
          const checkLeft = !ok && leaves !== undefined;
          const before = checkLeft ? await suite.read(leaves) : undefined;
          await expectAllowed(run(suite.db(actor), actor), ok);
          if (checkLeft) expect(await suite.read(leaves)).toEqual(before);
        });
      }
    });
  }
}

/**
 * One test: the same admin token and client `read` while the stored profile says admin, and are refused once it says
 * `role`. The token is never refreshed, so the refusal can only come from the stored role, which setUserRole changes
 * at once, and not from the claim, which lags behind until the token is minted again.
 */
export function itRefusesOnceDemoted(
  suite: RulesSuite,
  what: string,
  read: (db: Firestore) => Promise<unknown>,
  role: Role = "mentee",
): void {
  it(`${what} while the profile says admin, and not once it says ${role}`, async () => {
    const admin = suite.db("admin");
    await expectAllowed(read(admin), true);

    await suite.setStoredRole("admin", role);
    await expectAllowed(read(admin), false);
  });
}

/** Admins with a current role read; nobody writes from a client. */
const ADMIN_READS_ONLY: Record<Actor, readonly Operation[]> = {
  anonymous: [],
  owner: [],
  other: [],
  unverified: [],
  mentor: [],
  mentee: [],
  admin: ["get", "list"],
  // The token still claims admin, but the stored profile says mentee.
  demotedAdmin: [],
  demotedMentor: [],
};

/**
 * A collection only functions write and only admins read (the audit log, invitations, the stats): the role matrix,
 * with every refused write checked against the document it names in `leaves`, then the admin reads again with a
 * token that has fallen behind the stored profile. `ops.get` and `ops.list` must succeed for a current admin.
 */
export function describeAdminOnlyCollection(suite: RulesSuite, name: string, ops: MatrixOperations): void {
  describe(`${name}: role matrix (admins with a current role read; only functions write)`, () => {
    describeRoleMatrix(suite, ops, ADMIN_READS_ONLY);
  });

  // The rules read the caller's stored profile for the role, so a stale token is refused the moment the profile
  // changes, whichever role it changes to, and a token is refused when there is no profile to back it.
  describe(`${name}: an admin's token minted before a role change`, () => {
    for (const role of ["mentee", "mentor"] as const) {
      itRefusesOnceDemoted(suite, `gets ${ops.get.what}`, (db) => ops.get.run(db, "admin"), role);
      itRefusesOnceDemoted(suite, `lists ${ops.list.what}`, (db) => ops.list.run(db, "admin"), role);
    }

    it(`cannot get ${ops.get.what} once the admin's profile is gone`, async () => {
      await suite.remove(paths.user(UID.admin));
      await expectAllowed(ops.get.run(suite.db("admin"), "admin"), false);
    });

    // A promotion the token has not caught up with is refused too, until the app refreshes the token.
    it(`a mentee's token cannot get ${ops.get.what} on a profile just promoted to admin`, async () => {
      await suite.setStoredRole("mentee", "admin");
      await expectAllowed(ops.get.run(suite.db("mentee"), "mentee"), false);
    });
  });
}
