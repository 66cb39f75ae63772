import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  Timestamp,
  updateDoc,
  where,
  type DocumentData,
} from "firebase/firestore";
import { describe, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

const UNREAD = paths.notification(UID.owner, "unread");
const READ = paths.notification(UID.owner, "read");

const notification = (overrides: DocumentData = {}): DocumentData => ({
  kind: "match_requested",
  text: "Mark would like to mentor you.",
  link: "/matches",
  read: false,
  createdAt: PAST,
  readAt: null,
  ...overrides,
});

const suite = useRulesSuite("notifications", () => ({
  [UNREAD]: notification(),
  [READ]: notification({ read: true, readAt: PAST }),
  [paths.notification(UID.mentee, "theirs")]: notification(),
  // Non-members' own notifications (the welcome one registerAccount writes): their token cannot open them yet.
  [paths.notification(UID.other, "welcome")]: notification({ kind: "welcome" }),
  [paths.notification(UID.unverified, "welcome")]: notification({ kind: "welcome" }),
}));

const markRead = { read: true, readAt: serverTimestamp() };
const ownerDoc = (path: string) => doc(suite.db("owner"), path);

describe("users/{uid}/notifications: role matrix (the notifications belong to the owner)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "an unread notification", run: (db) => getDoc(doc(db, UNREAD)) },
      list: {
        what: "the owner's notifications, newest first",
        run: (db) => getDocs(query(collection(db, paths.notifications(UID.owner)), orderBy("createdAt", "desc"))),
      },
      create: {
        what: "a notification for the owner",
        run: (db) =>
          addDoc(collection(db, paths.notifications(UID.owner)), notification({ createdAt: serverTimestamp() })),
      },
      update: { what: "mark one read", run: (db) => updateDoc(doc(db, UNREAD), markRead) },
      delete: { what: "a notification", run: (db) => deleteDoc(doc(db, UNREAD)) },
    },
    {
      anonymous: [],
      owner: ["get", "list", "update", "delete"],
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

describe("users/{uid}/notifications: marking read", () => {
  it("the owner can run the unread-count query", async () => {
    const db = suite.db("owner");
    await expectAllowed(
      getDocs(query(collection(db, paths.notifications(UID.owner)), where("read", "==", false), limit(100))),
      true,
    );
  });

  it("cannot mark one unread again", async () => {
    await expectAllowed(updateDoc(ownerDoc(READ), { read: false, readAt: null }), false);
  });

  it("cannot re-mark a read notification with a new readAt", async () => {
    await expectAllowed(updateDoc(ownerDoc(READ), markRead), false);
  });

  it("cannot mark read without readAt", async () => {
    await expectAllowed(updateDoc(ownerDoc(UNREAD), { read: true }), false);
  });

  it("cannot set readAt from the client clock", async () => {
    await expectAllowed(updateDoc(ownerDoc(UNREAD), { read: true, readAt: Timestamp.now() }), false);
  });

  it("cannot set read to a string", async () => {
    await expectAllowed(updateDoc(ownerDoc(UNREAD), { read: "true", readAt: serverTimestamp() }), false);
  });

  it("cannot set readAt without marking it read", async () => {
    await expectAllowed(updateDoc(ownerDoc(UNREAD), { readAt: serverTimestamp() }), false);
  });

  it("cannot change the text while marking it read", async () => {
    await expectAllowed(updateDoc(ownerDoc(UNREAD), { ...markRead, text: "You are now an admin." }), false);
  });

  it("cannot change the link", async () => {
    await expectAllowed(updateDoc(ownerDoc(UNREAD), { ...markRead, link: "https://evil.example.com" }), false);
  });

  it("cannot change the kind", async () => {
    await expectAllowed(updateDoc(ownerDoc(UNREAD), { ...markRead, kind: "announcement" }), false);
  });

  it("cannot add a field", async () => {
    await expectAllowed(updateDoc(ownerDoc(UNREAD), { ...markRead, pinned: true }), false);
  });

  it("the owner cannot read another user's notifications", async () => {
    await expectAllowed(getDocs(collection(suite.db("owner"), paths.notifications(UID.mentee))), false);
  });

  it("the owner cannot mark another user's notification read", async () => {
    await expectAllowed(updateDoc(doc(suite.db("owner"), paths.notification(UID.mentee, "theirs")), markRead), false);
  });

  it("a mentee can mark their own notification read", async () => {
    await expectAllowed(updateDoc(doc(suite.db("mentee"), paths.notification(UID.mentee, "theirs")), markRead), true);
  });
});

// A member's own notifications only: an account without a role or a verified email reads nothing but its registration.
for (const actor of ["other", "unverified"] as const) {
  describe(`users/{uid}/notifications: ${actor} and their own notifications`, () => {
    const own = () => doc(suite.db(actor), paths.notification(UID[actor], "welcome"));

    it("cannot get one", async () => {
      await expectAllowed(getDoc(own()), false);
    });

    it("cannot list them", async () => {
      await expectAllowed(getDocs(collection(suite.db(actor), paths.notifications(UID[actor]))), false);
    });

    it("cannot mark one read", async () => {
      await expectAllowed(updateDoc(own(), markRead), false);
    });

    it("cannot delete one", async () => {
      await expectAllowed(deleteDoc(own()), false);
    });
  });
}
