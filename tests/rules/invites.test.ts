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
import { inviteIdOf, paths } from "@mentormatch/shared";
import { PAST, UID, describeAdminOnlyCollection, useRulesSuite } from "./helpers.js";

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

// Only functions write, even for an admin: inviteUser and revokeInvite check the address and record what they did.
describeAdminOnlyCollection(suite, "invites", {
  get: { what: "an invitation", run: (db) => getDoc(doc(db, INVITE)) },
  list: { what: "the newest invitations", run: (db) => getDocs(newestFirst(db)) },
  create: {
    what: "an invitation for an outside address",
    leaves: NEW_INVITE,
    run: (db, actor) =>
      setDoc(
        doc(db, NEW_INVITE),
        invite({ email: "mallory@example.org", invitedBy: suite.uid(actor), createdAt: serverTimestamp() }),
      ),
  },
  // An account waiting for verification (unverified) is who an invitation is for; it must not accept one itself.
  update: {
    what: "mark an invitation accepted",
    leaves: INVITE,
    run: (db, actor) => updateDoc(doc(db, INVITE), { acceptedAt: serverTimestamp(), acceptedUid: suite.uid(actor) }),
  },
  delete: { what: "revoke an invitation", leaves: INVITE, run: (db) => deleteDoc(doc(db, INVITE)) },
});
