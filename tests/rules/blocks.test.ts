import { collection, deleteDoc, doc, getDoc, getDocs, limit, query, setDoc, updateDoc, where, type DocumentData } from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { blockIdOf, paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite, type Actor, type Operation } from "./helpers.js";

// The owner (a mentee) blocked the mentor; blockUser wrote this. Only the blocker reads it: the blocked person must
// not learn of it, and nobody, not even the blocker, writes it except through blockUser / unblockUser.
const BLOCK = paths.block(blockIdOf(UID.owner, UID.mentor));

const block = (overrides: DocumentData = {}): DocumentData => ({
  blockerUid: UID.owner,
  blockedUid: UID.mentor,
  blockedName: `User ${UID.mentor}`,
  createdAt: PAST,
  ...overrides,
});

const suite = useRulesSuite("blocks", () => ({ [BLOCK]: block() }));

/** Settings' "Blocked people": the owner's blocks. Run by anyone, it asks for the owner's list. */
const ownersBlocks = (db: ReturnType<typeof suite.db>) =>
  query(collection(db, paths.blocks()), where("blockerUid", "==", UID.owner), limit(100));

const ALLOWED: Record<Actor, readonly Operation[]> = {
  anonymous: [],
  owner: ["get", "list"],
  other: [],
  unverified: [],
  mentor: [],
  mentee: [],
  admin: [],
  demotedAdmin: [],
  demotedMentor: [],
};

describe("blocks: role matrix (the blocker reads their own; only functions write)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the owner's block", run: (db) => getDoc(doc(db, BLOCK)) },
      list: { what: "the owner's blocks", run: (db) => getDocs(ownersBlocks(db)) },
      create: {
        what: "a block of the owner by themselves",
        run: (db, actor) => setDoc(doc(db, paths.block(blockIdOf(suite.uid(actor), UID.owner))), block({ blockerUid: suite.uid(actor), blockedUid: UID.owner })),
      },
      update: { what: "the block's blocked person", leaves: BLOCK, run: (db) => updateDoc(doc(db, BLOCK), { blockedUid: UID.mentee }) },
      delete: { what: "the block (unblocking without the callable)", leaves: BLOCK, run: (db) => deleteDoc(doc(db, BLOCK)) },
    },
    ALLOWED,
  );
});

describe("blocks: attacks", () => {
  it("the blocked person cannot find out: neither a get nor a query for blocks naming them", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), BLOCK)), false);
    await expectAllowed(getDocs(query(collection(suite.db("mentor"), paths.blocks()), where("blockedUid", "==", UID.mentor))), false);
  });

  it("any member lists their own blocks (none here), but an unfiltered list is refused, even to the owner", async () => {
    await expectAllowed(getDocs(query(collection(suite.db("mentee"), paths.blocks()), where("blockerUid", "==", UID.mentee))), true);
    await expectAllowed(getDocs(query(collection(suite.db("owner"), paths.blocks()), limit(10))), false);
  });

  it("an admin cannot read people's blocks", async () => {
    await expectAllowed(getDoc(doc(suite.db("admin"), BLOCK)), false);
    await expectAllowed(getDocs(ownersBlocks(suite.db("admin"))), false);
  });

  it("the owner cannot write a block in their own name with a chosen id (that would skip ending the match)", async () => {
    const path = paths.block(blockIdOf(UID.owner, UID.mentee));
    await expectAllowed(setDoc(doc(suite.db("owner"), path), block({ blockedUid: UID.mentee })), false);
    expect(await suite.read(path)).toBeUndefined();
  });

  it("the owner cannot point their block at someone else or add fields", async () => {
    await expectAllowed(updateDoc(doc(suite.db("owner"), BLOCK), { blockerUid: UID.mentee }), false);
    await expectAllowed(updateDoc(doc(suite.db("owner"), BLOCK), { note: "x".repeat(5000) }), false);
    expect(await suite.read(BLOCK)).toEqual(block());
  });

  it("a block held by someone else under an id naming the owner is still not the owner's to read", async () => {
    const forged = paths.block(blockIdOf(UID.owner, UID.mentee));
    await suite.seed({ [forged]: block({ blockerUid: UID.mentee, blockedUid: UID.owner }) });
    await expectAllowed(getDoc(doc(suite.db("owner"), forged)), false);
    await expectAllowed(getDoc(doc(suite.db("mentee"), forged)), true);
  });
});
