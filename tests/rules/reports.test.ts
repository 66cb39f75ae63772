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
  setDoc,
  updateDoc,
  where,
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { paths, reportIdOf } from "@mentormatch/shared";
import { PAST, UID, describeAdminOnlyCollection, expectAllowed, useRulesSuite } from "./helpers.js";

// The owner (a mentee) reported a message the mentor sent them; reportMessage wrote this. It holds a copy of the
// reported text, so neither the reporter nor the author reads it: only admins with a current role.
const REPORT_ID = reportIdOf(`${UID.mentor}_${UID.owner}`, "-Nmsg0001", UID.owner);
const REPORT = paths.report(REPORT_ID);

const report = (overrides: DocumentData = {}): DocumentData => ({
  chatId: `${UID.mentor}_${UID.owner}`,
  messageId: "-Nmsg0001",
  reporterUid: UID.owner,
  reporterName: `User ${UID.owner}`,
  authorUid: UID.mentor,
  authorName: `User ${UID.mentor}`,
  messageText: "something unkind",
  messageSentAt: PAST,
  reason: "harassment",
  details: "",
  status: "open",
  createdAt: PAST,
  resolvedAt: null,
  resolvedBy: null,
  resolvedByName: null,
  action: null,
  note: "",
  ...overrides,
});

const suite = useRulesSuite("reports", () => ({ [REPORT]: report() }));

/** The Moderation page's queue: open reports. */
const openReports = (db: ReturnType<typeof suite.db>) => query(collection(db, paths.reports()), where("status", "==", "open"), limit(100));

describeAdminOnlyCollection(suite, "reports", {
  get: { what: "a report", run: (db) => getDoc(doc(db, REPORT)) },
  list: { what: "the open reports", run: (db) => getDocs(openReports(db)) },
  create: {
    what: "a report of their own",
    run: (db, actor) => addDoc(collection(db, paths.reports()), report({ reporterUid: suite.uid(actor), createdAt: serverTimestamp() })),
  },
  update: {
    what: "a report's decision",
    leaves: REPORT,
    run: (db, actor) => updateDoc(doc(db, REPORT), { status: "resolved", action: "dismiss", resolvedBy: suite.uid(actor) }),
  },
  delete: { what: "a report", leaves: REPORT, run: (db) => deleteDoc(doc(db, REPORT)) },
});

describe("reports: the queue is only changed through the callables", () => {
  it("the reporter cannot read their own report, nor list reports filtered to themselves", async () => {
    await expectAllowed(getDoc(doc(suite.db("owner"), REPORT)), false);
    await expectAllowed(getDocs(query(collection(suite.db("owner"), paths.reports()), where("reporterUid", "==", UID.owner))), false);
  });

  it("the reported author cannot read it, nor list reports about themselves", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), REPORT)), false);
    await expectAllowed(getDocs(query(collection(suite.db("mentor"), paths.reports()), where("authorUid", "==", UID.mentor))), false);
  });

  it("the author cannot erase the report by writing over it under its id", async () => {
    await expectAllowed(setDoc(doc(suite.db("mentor"), REPORT), report({ status: "resolved", action: "dismiss" })), false);
    expect((await suite.read(REPORT))?.status).toBe("open");
  });

  it("a reporter cannot file under the deterministic id, with unknown fields, bypassing the callable", async () => {
    const id = paths.report(reportIdOf("x_y", "-Nmsg0002", UID.owner));
    await expectAllowed(setDoc(doc(suite.db("owner"), id), report({ messageId: "-Nmsg0002", priority: "urgent" })), false);
    expect(await suite.read(id)).toBeUndefined();
  });

  it("an admin cannot resolve from the client (the callable also notifies and audits)", async () => {
    await expectAllowed(updateDoc(doc(suite.db("admin"), REPORT), { status: "resolved", action: "remove_message" }), false);
    expect((await suite.read(REPORT))?.status).toBe("open");
  });

  it("an admin lists the queue newest first", async () => {
    await expectAllowed(getDocs(query(collection(suite.db("admin"), paths.reports()), orderBy("createdAt", "desc"), limit(50))), true);
  });
});
