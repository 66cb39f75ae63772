import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where, type DocumentData } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

// Ids are the SHA-256 of each feed's token (hex). Knowing one opens nothing by itself, but a listing of uids and
// creation times, or a document in someone else's name with a hash one chose, would: no client touches these.
const OWNER_HASH = "a".repeat(64);
const MENTOR_HASH = "b".repeat(64);
const OWNER_FEED = paths.calendarFeed(OWNER_HASH);
const MENTOR_FEED = paths.calendarFeed(MENTOR_HASH);

const feed = (uid: string, tokenHash: string, overrides: DocumentData = {}): DocumentData => ({ uid, tokenHash, createdAt: PAST, ...overrides });

const suite = useRulesSuite("calendar-feeds", () => ({ [OWNER_FEED]: feed(UID.owner, OWNER_HASH), [MENTOR_FEED]: feed(UID.mentor, MENTOR_HASH) }));

describe("calendarFeeds: role matrix (no client access at all)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the mentor's feed", run: (db) => getDoc(doc(db, MENTOR_FEED)) },
      list: { what: "every feed", run: (db) => getDocs(collection(db, paths.calendarFeeds())) },
      create: {
        what: "a feed in their own name for a hash they chose",
        leaves: paths.calendarFeed("c".repeat(64)),
        run: (db, actor) => setDoc(doc(db, paths.calendarFeed("c".repeat(64))), feed(suite.uid(actor), "c".repeat(64))),
      },
      update: { what: "point the mentor's feed at themselves", leaves: MENTOR_FEED, run: (db, actor) => updateDoc(doc(db, MENTOR_FEED), { uid: suite.uid(actor) }) },
      delete: { what: "the mentor's feed (turning it off without the callable)", leaves: MENTOR_FEED, run: (db) => deleteDoc(doc(db, MENTOR_FEED)) },
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

describe("calendarFeeds: attacks", () => {
  it("the owner cannot read or query their own feed (the Settings page reads settings.calendarFeedCreatedAt)", async () => {
    await expectAllowed(getDoc(doc(suite.db("owner"), OWNER_FEED)), false);
    await expectAllowed(getDocs(query(collection(suite.db("owner"), paths.calendarFeeds()), where("uid", "==", UID.owner))), false);
  });

  it("a mentee cannot plant a feed in the mentor's name with a token they know", async () => {
    const path = paths.calendarFeed("d".repeat(64));
    await expectAllowed(setDoc(doc(suite.db("mentee"), path), feed(UID.mentor, "d".repeat(64))), false);
    expect(await suite.read(path)).toBeUndefined();
  });

  it("the owner cannot move their feed to another person's sessions", async () => {
    await expectAllowed(updateDoc(doc(suite.db("owner"), OWNER_FEED), { uid: UID.mentor }), false);
    expect(await suite.read(OWNER_FEED)).toEqual(feed(UID.owner, OWNER_HASH));
  });

  it("an admin cannot list feeds either", async () => {
    await expectAllowed(getDocs(collection(suite.db("admin"), paths.calendarFeeds())), false);
  });
});
