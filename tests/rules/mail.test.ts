import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  updateDoc,
  where,
  type DocumentData,
} from "firebase/firestore";
import { describe, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

const OWNER_MAIL = paths.mail("welcome_alice");

const mail = (uid: string): DocumentData => ({
  to: `${uid}@example.com`,
  uid,
  kind: "account",
  subject: "Welcome to MentorMatch",
  html: "<p>Welcome</p>",
  text: "Welcome",
  status: "PENDING",
  attempts: 0,
  leaseExpiresAt: null,
  lastError: null,
  createdAt: PAST,
  sentAt: null,
});

const suite = useRulesSuite("mail", () => ({ [OWNER_MAIL]: mail(UID.owner) }));

describe("mail: role matrix (no client access; the owner is the recipient)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the owner's welcome mail", run: (db) => getDoc(doc(db, OWNER_MAIL)) },
      list: {
        what: "mail addressed to themselves",
        run: (db, actor) => getDocs(query(collection(db, paths.mailbox()), where("uid", "==", suite.uid(actor)))),
      },
      create: {
        what: "a mail to themselves",
        run: (db, actor) => addDoc(collection(db, paths.mailbox()), mail(suite.uid(actor))),
      },
      update: {
        what: "the welcome mail's recipient",
        run: (db) => updateDoc(doc(db, OWNER_MAIL), { to: "mallory@example.com" }),
      },
      delete: { what: "the welcome mail", run: (db) => deleteDoc(doc(db, OWNER_MAIL)) },
    },
    {
      anonymous: [],
      owner: [],
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

describe("mail: the delivery lease", () => {
  it("the recipient cannot take the lease to resend it", async () => {
    await expectAllowed(
      updateDoc(doc(suite.db("owner"), OWNER_MAIL), { status: "PROCESSING", attempts: 1 }),
      false,
    );
  });

  it("an admin cannot read the whole outbox", async () => {
    await expectAllowed(getDocs(collection(suite.db("admin"), paths.mailbox())), false);
  });
});
