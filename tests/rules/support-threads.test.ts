import {
  Timestamp,
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { SUPPORT, paths, planSupportListQuery, supportThreadDocSchema, type SupportListSearch } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, itRefusesOnceDemoted, useRulesSuite, type Actor } from "./helpers.js";

// The owner (a mentee) has an open conversation with the admins; the mentee has one of their own, and the demoted
// admin asked for help too (before their demotion). Non-members have threads as well, to show a thread of one's own
// does not open anything without a verified email and a role.
const OWNER_THREAD = paths.supportThread("owner-thread");
const MENTEE_THREAD = paths.supportThread("mentee-thread");
const DEMOTED_ADMIN_THREAD = paths.supportThread("demoted-admin-thread");
const UNVERIFIED_THREAD = paths.supportThread("unverified-thread");
const NO_ROLE_THREAD = paths.supportThread("no-role-thread");
const LATER = Timestamp.fromDate(new Date("2025-01-02T00:00:00Z"));

/** A thread as openSupportThread writes it, with an admin's answer waiting (the test below checks it parses). */
const thread = (requesterUid: string, overrides: DocumentData = {}): DocumentData => ({
  requesterUid,
  requesterName: `User ${requesterUid}`,
  subject: "I cannot find my mentor's chat",
  status: "open",
  createdAt: PAST,
  updatedAt: LATER,
  lastMessageAt: LATER,
  lastMessagePreview: "Could you check the Messages page again?",
  lastFrom: "admin",
  unreadForRequester: true,
  unreadForAdmins: true,
  messageCount: 2,
  closedBy: null,
  closedAt: null,
  ...overrides,
});

const suite = useRulesSuite("support-threads", () => ({
  [OWNER_THREAD]: thread(UID.owner),
  [MENTEE_THREAD]: thread(UID.mentee),
  [DEMOTED_ADMIN_THREAD]: thread(UID.demotedAdmin),
  [UNVERIFIED_THREAD]: thread(UID.unverified),
  [NO_ROLE_THREAD]: thread(UID.other),
}));

const threads = (db: Firestore) => collection(db, paths.supportThreads());

/** The lists the web app runs, built by the shared planner. */
function plannedQuery(db: Firestore, search: SupportListSearch) {
  const plan = planSupportListQuery(search);
  return query(threads(db), where(plan.where.field, "==", plan.where.value), orderBy(plan.orderBy.field, plan.orderBy.direction), limit(plan.limit));
}
const mine = (db: Firestore, uid: string) => plannedQuery(db, { view: "mine", uid });
const inbox = (db: Firestore) => plannedQuery(db, { view: "inbox", status: "open" });

/** `actor` writes `data` to `path`; a refusal must leave the document exactly as it was. */
async function expectUpdate(actor: Actor, path: string, data: DocumentData, allowed: boolean): Promise<void> {
  const before = await suite.read(path);
  await expectAllowed(updateDoc(doc(suite.db(actor), path), data), allowed);
  if (!allowed) expect(await suite.read(path)).toEqual(before);
}

describe("supportThreads: the fixture is the stored shape", () => {
  it("parses with the shared supportThreadDocSchema", () => {
    expect(supportThreadDocSchema.safeParse(thread(UID.owner)).success).toBe(true);
  });
});

describe("supportThreads: role matrix (the requester and current admins read; clients only clear their unread flag)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the owner's conversation", run: (db) => getDoc(doc(db, OWNER_THREAD)) },
      list: {
        what: "the owner their own conversations, anyone else the admins' inbox",
        run: (db, actor) => getDocs(actor === "owner" ? mine(db, UID.owner) : inbox(db)),
      },
      create: {
        what: "a conversation naming themselves as requester",
        run: (db, actor) =>
          setDoc(doc(db, paths.supportThread(`new-${suite.uid(actor)}`)), {
            ...thread(suite.uid(actor), { lastFrom: "requester", unreadForRequester: false, messageCount: 1 }),
            createdAt: serverTimestamp(),
            updatedAt: serverTimestamp(),
            lastMessageAt: serverTimestamp(),
          }),
        leaves: paths.supportThread("new-alice"),
      },
      update: {
        what: "clear their side's unread flag on the owner's conversation (requester: unreadForRequester, else unreadForAdmins)",
        run: (db, actor) =>
          updateDoc(doc(db, OWNER_THREAD), actor === "owner" ? { unreadForRequester: false } : { unreadForAdmins: false }),
        leaves: OWNER_THREAD,
      },
      delete: { what: "the owner's conversation", run: (db) => deleteDoc(doc(db, OWNER_THREAD)), leaves: OWNER_THREAD },
    },
    {
      anonymous: [],
      owner: ["get", "list", "update"],
      other: [],
      unverified: [],
      mentor: [],
      mentee: [],
      admin: ["get", "list", "update"],
      demotedAdmin: [],
      demotedMentor: [],
    },
  );
});

describe("supportThreads: listing", () => {
  it("the owner's list holds exactly their conversation", async () => {
    const snapshot = await getDocs(mine(suite.db("owner"), UID.owner));
    expect(snapshot.docs.map((d) => d.ref.path)).toEqual([OWNER_THREAD]);
  });

  it("the admins' inbox of open conversations holds everyone's", async () => {
    const snapshot = await getDocs(inbox(suite.db("admin")));
    expect(snapshot.size).toBe(5);
  });

  it("an admin can list the recently closed conversations", async () => {
    await expectAllowed(getDocs(plannedQuery(suite.db("admin"), { view: "inbox", status: "closed" })), true);
  });

  it("a member can run the list of their own conversations", async () => {
    const snapshot = await getDocs(mine(suite.db("mentee"), UID.mentee));
    expect(snapshot.docs.map((d) => d.ref.path)).toEqual([MENTEE_THREAD]);
  });

  it("the owner cannot list without filtering to their own uid (rules are not filters)", async () => {
    await expectAllowed(getDocs(query(threads(suite.db("owner")), orderBy("lastMessageAt", "desc"))), false);
  });

  it("a mentee cannot list the owner's conversations", async () => {
    await expectAllowed(getDocs(mine(suite.db("mentee"), UID.owner)), false);
  });

  it("a mentor cannot list the inbox", async () => {
    await expectAllowed(getDocs(inbox(suite.db("mentor"))), false);
  });

  it("a requester without a verified email cannot list even their own", async () => {
    await expectAllowed(getDocs(mine(suite.db("unverified"), UID.unverified)), false);
  });

  it("a requester with no role claim cannot list even their own", async () => {
    await expectAllowed(getDocs(mine(suite.db("other"), UID.other)), false);
  });
});

// The demoted admin's token still claims admin; only the stored role tells, and it is what the rules read.
describe("supportThreads: an admin's token minted before a demotion", () => {
  itRefusesOnceDemoted(suite, "gets someone's conversation", (db) => getDoc(doc(db, OWNER_THREAD)));
  itRefusesOnceDemoted(suite, "lists the inbox", (db) => getDocs(inbox(db)));
  itRefusesOnceDemoted(suite, "lists the inbox", (db) => getDocs(inbox(db)), "mentor");
  itRefusesOnceDemoted(suite, "clears the admins' unread flag", (db) => updateDoc(doc(db, OWNER_THREAD), { unreadForAdmins: false }));

  it("a demoted admin's stale token cannot read the inbox", async () => {
    await expectAllowed(getDocs(inbox(suite.db("demotedAdmin"))), false);
  });

  it("a demoted admin's stale token cannot get someone else's conversation", async () => {
    await expectAllowed(getDoc(doc(suite.db("demotedAdmin"), OWNER_THREAD)), false);
  });

  it("a demoted admin still reads the conversation they opened themselves", async () => {
    await expectAllowed(getDoc(doc(suite.db("demotedAdmin"), DEMOTED_ADMIN_THREAD)), true);
    await expectAllowed(getDocs(mine(suite.db("demotedAdmin"), UID.demotedAdmin)), true);
  });

  it("an admin whose profile is gone cannot read the inbox", async () => {
    await suite.remove(paths.user(UID.admin));
    await expectAllowed(getDocs(inbox(suite.db("admin"))), false);
  });

  it("a mentee's token cannot read the inbox on a profile just promoted to admin", async () => {
    await suite.setStoredRole("mentee", "admin");
    await expectAllowed(getDocs(inbox(suite.db("mentee"))), false);
  });

  // The requester is checked by uid before the stored role: their own reads need no profile read.
  it("the requester reads their conversation even with no stored profile", async () => {
    await suite.remove(paths.user(UID.owner));
    await expectAllowed(getDoc(doc(suite.db("owner"), OWNER_THREAD)), true);
  });
});

describe("supportThreads: clearing an unread flag changes exactly that flag, to false", () => {
  it("the owner clears their flag and nothing else moves", async () => {
    const before = await suite.read(OWNER_THREAD);
    await expectUpdate("owner", OWNER_THREAD, { unreadForRequester: false }, true);
    expect(await suite.read(OWNER_THREAD)).toEqual({ ...before, unreadForRequester: false });
  });

  it("an admin clears the admins' flag", async () => {
    await expectUpdate("admin", OWNER_THREAD, { unreadForAdmins: false }, true);
    expect((await suite.read(OWNER_THREAD))?.unreadForAdmins).toBe(false);
  });

  it("clearing a flag that is already false is allowed and changes nothing", async () => {
    await suite.seed({ [OWNER_THREAD]: thread(UID.owner, { unreadForRequester: false }) });
    await expectUpdate("owner", OWNER_THREAD, { unreadForRequester: false }, true);
  });

  const refused: [string, Actor, DocumentData][] = [
    ["the owner marks the admins' side read", "owner", { unreadForAdmins: false }],
    ["the owner sets their flag back to true", "owner", { unreadForRequester: true }],
    ["the owner's flag as a string", "owner", { unreadForRequester: "false" }],
    ["the owner removes their flag", "owner", { unreadForRequester: deleteField() }],
    ["the owner closes their own conversation (an admin's callable)", "owner", { unreadForRequester: false, status: "closed", closedBy: UID.owner, closedAt: serverTimestamp() }],
    ["the owner reopens by writing status (the reopen callable)", "owner", { status: "open" }],
    ["the owner hands the conversation to someone else", "owner", { unreadForRequester: false, requesterUid: UID.mentee }],
    ["the owner renames themselves on it", "owner", { unreadForRequester: false, requesterName: "Programme Admin" }],
    ["the owner edits the subject", "owner", { unreadForRequester: false, subject: "Edited" }],
    [`the owner writes a ${SUPPORT.subjectMax + 1}-character subject`, "owner", { unreadForRequester: false, subject: "x".repeat(SUPPORT.subjectMax + 1) }],
    ["the owner forges the last message as the admins'", "owner", { unreadForRequester: false, lastFrom: "admin", lastMessagePreview: "All fixed!" }],
    ["the owner bumps the message count", "owner", { unreadForRequester: false, messageCount: 99 }],
    ["the owner adds an unknown field", "owner", { unreadForRequester: false, priority: "urgent" }],
    ["the owner stamps updatedAt", "owner", { unreadForRequester: false, updatedAt: serverTimestamp() }],
    ["an admin clears the requester's flag", "admin", { unreadForRequester: false }],
    ["an admin closes by writing status (closeSupportThread does, and tells the requester)", "admin", { unreadForAdmins: false, status: "closed", closedBy: UID.admin, closedAt: serverTimestamp() }],
    ["an admin rewrites the preview", "admin", { unreadForAdmins: false, lastMessagePreview: "" }],
    ["an admin adds an unknown field", "admin", { unreadForAdmins: false, assignee: UID.admin }],
    ["the mentee clears the owner's flag", "mentee", { unreadForRequester: false }],
    ["the mentee takes the owner's conversation", "mentee", { requesterUid: UID.mentee }],
    ["a demoted admin clears the admins' flag", "demotedAdmin", { unreadForAdmins: false }],
  ];
  for (const [name, actor, data] of refused)
    it(`refuses: ${name}`, async () => {
      await expectUpdate(actor, OWNER_THREAD, data, false);
    });

  it("a requester without a verified email cannot clear the flag on their own conversation", async () => {
    await expectUpdate("unverified", UNVERIFIED_THREAD, { unreadForRequester: false }, false);
  });

  it("the owner can still clear their flag on a closed conversation (to read the closing note)", async () => {
    await suite.seed({ [OWNER_THREAD]: thread(UID.owner, { status: "closed", closedBy: UID.admin, closedAt: LATER }) });
    await expectUpdate("owner", OWNER_THREAD, { unreadForRequester: false }, true);
  });

  it("the owner cannot reopen a closed conversation by writing status", async () => {
    await suite.seed({ [OWNER_THREAD]: thread(UID.owner, { status: "closed", closedBy: UID.admin, closedAt: LATER }) });
    await expectUpdate("owner", OWNER_THREAD, { status: "open", closedBy: null, closedAt: null }, false);
  });
});

describe("supportThreads: nobody creates or deletes from a client (the callables notify the admins)", () => {
  const create = (actor: Actor, requesterUid: string, overrides: DocumentData = {}) =>
    setDoc(doc(suite.db(actor), paths.supportThread(`made-by-${suite.uid(actor)}`)), {
      ...thread(requesterUid, { lastFrom: "requester", unreadForRequester: false, messageCount: 1 }),
      createdAt: serverTimestamp(),
      updatedAt: serverTimestamp(),
      lastMessageAt: serverTimestamp(),
      ...overrides,
    });

  it("the owner cannot open one naming another person as requester", async () => {
    await expectAllowed(create("owner", UID.mentee), false);
    expect(await suite.read(paths.supportThread("made-by-alice"))).toBeUndefined();
  });

  it("the owner cannot open one already closed, to bypass the open-thread limit", async () => {
    await expectAllowed(create("owner", UID.owner, { status: "closed", closedBy: UID.owner, closedAt: serverTimestamp() }), false);
  });

  it("an admin cannot open one for someone else", async () => {
    await expectAllowed(create("admin", UID.owner), false);
  });

  it("the owner cannot overwrite their conversation with a fresh one", async () => {
    await expectUpdate("owner", OWNER_THREAD, { ...thread(UID.owner), status: "open", messageCount: 0 }, false);
    await expectAllowed(setDoc(doc(suite.db("owner"), OWNER_THREAD), thread(UID.owner, { unreadForRequester: false, lastFrom: "requester" })), false);
  });

  it("an admin cannot delete a conversation", async () => {
    await expectAllowed(deleteDoc(doc(suite.db("admin"), MENTEE_THREAD)), false);
    expect(await suite.read(MENTEE_THREAD)).toBeDefined();
  });
});
