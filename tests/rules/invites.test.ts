import {
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
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { inviteIdOf, paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

// An invitation the admin sent to an outside address, not accepted yet; ids as inviteUser derives them.
const INVITE = paths.invite(inviteIdOf("guest@example.org"));
const NEW_INVITE = paths.invite(inviteIdOf("mallory@example.org"));

const invite = (overrides: DocumentData = {}): DocumentData => ({
  email: "guest@example.org",
  invitedBy: UID.admin,
  invitedByName: `User ${UID.admin}`,
  createdAt: PAST,
  acceptedAt: null,
  acceptedUid: null,
  ...overrides,
});

const suite = useRulesSuite("invites", () => ({ [INVITE]: invite() }));

/** The People page's query: newest invitations first. */
const newestFirst = (db: ReturnType<typeof suite.db>) =>
  query(collection(db, paths.invites()), orderBy("createdAt", "desc"));

describe("invites: role matrix (admins with a current role read; only functions write)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "an invitation", run: (db) => getDoc(doc(db, INVITE)) },
      list: { what: "the newest invitations", run: (db) => getDocs(newestFirst(db)) },
      create: {
        what: "an invitation for an outside address",
        run: (db, actor) =>
          setDoc(
            doc(db, NEW_INVITE),
            invite({ email: "mallory@example.org", invitedBy: suite.uid(actor), createdAt: serverTimestamp() }),
          ),
      },
      update: {
        what: "mark an invitation accepted",
        run: (db, actor) =>
          updateDoc(doc(db, INVITE), { acceptedAt: serverTimestamp(), acceptedUid: suite.uid(actor) }),
      },
      delete: { what: "revoke an invitation", run: (db) => deleteDoc(doc(db, INVITE)) },
    },
    {
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
    },
  );
});

describe("invites: only functions write, even for an admin", () => {
  it("an admin cannot invite directly (inviteUser checks and records it)", async () => {
    await expectAllowed(setDoc(doc(suite.db("admin"), NEW_INVITE), invite({ email: "mallory@example.org" })), false);
    expect(await suite.read(NEW_INVITE)).toBeUndefined();
  });

  it("an admin cannot revoke directly (revokeInvite records it)", async () => {
    await expectAllowed(deleteDoc(doc(suite.db("admin"), INVITE)), false);
    expect(await suite.read(INVITE)).toBeDefined();
  });

  // An account waiting for verification is who an invitation is for; it must not be able to accept one itself.
  it("a user waiting for verification cannot accept an invitation", async () => {
    await expectAllowed(
      updateDoc(doc(suite.db("unverified"), INVITE), { acceptedAt: serverTimestamp(), acceptedUid: UID.unverified }),
      false,
    );
    expect((await suite.read(INVITE))?.acceptedUid).toBeNull();
  });
});

// The same token and client before and after the stored role changes: the old admin token stops at once.
describe("invites: an admin's token minted before a role change", () => {
  it("gets an invitation while the profile says admin, and not once it says mentee", async () => {
    const admin = suite.db("admin");
    await expectAllowed(getDoc(doc(admin, INVITE)), true);

    await suite.setStoredRole("admin", "mentee");
    await expectAllowed(getDoc(doc(admin, INVITE)), false);
  });

  it("lists the invitations while the profile says admin, and not once it says mentee", async () => {
    const admin = suite.db("admin");
    await expectAllowed(getDocs(newestFirst(admin)), true);

    await suite.setStoredRole("admin", "mentee");
    await expectAllowed(getDocs(newestFirst(admin)), false);
  });
});
