import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { AVAILABILITY_LIMITS, availabilitySchema, WEEKDAYS } from "@mentormatch/shared/scheduling";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite, type Actor, type Operation, type SignedInActor } from "./helpers.js";

// The mentor's (mark's) hours. Members read them for "Next free times" and booking; only the mentor writes them, and
// only while their stored role says mentor.
const MENTOR_AVAILABILITY = paths.availability(UID.mentor);

/** The fields the Schedule tab writes: all of availabilitySchema. Stored documents carry `updatedAt` as well. */
function hours(overrides: DocumentData = {}): DocumentData {
  return {
    timeZone: "Europe/Berlin",
    weekly: {
      mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }],
      tue: [{ start: "09:00", end: "17:00" }],
      wed: [],
      thu: [{ start: "22:00", end: "02:00" }],
      fri: [{ start: "08:00", end: "24:00" }],
      sat: [],
      sun: [],
    },
    overrides: { "2026-12-24": [], "2026-12-28": [{ start: "10:00", end: "11:30" }] },
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 56,
    bufferMinutes: 15,
    ...overrides,
  };
}

const stored = (overrides: DocumentData = {}) => ({ ...hours(overrides), updatedAt: PAST });
const written = (overrides: DocumentData = {}) => ({ ...hours(overrides), updatedAt: serverTimestamp() });

const suite = useRulesSuite("availability", () => ({ [MENTOR_AVAILABILITY]: stored() }));

const mentorDoc = (actor: SignedInActor = "mentor") => doc(suite.db(actor), MENTOR_AVAILABILITY);
/** A whole-document save by the mentor, as the Schedule tab makes it. */
const save = (overrides: DocumentData = {}, actor: SignedInActor = "mentor") => setDoc(mentorDoc(actor), written(overrides));

const ALLOWED: Record<Actor, readonly Operation[]> = {
  anonymous: [],
  // Any member reads a mentor's hours: a mentee to book, another mentor or an admin to see them.
  owner: ["get", "list"],
  other: [],
  unverified: [],
  mentor: ["get", "list", "create", "update"],
  mentee: ["get", "list"],
  admin: ["get", "list"],
  // A token minted before a role change still makes its holder a member (reads only), never a mentor who writes.
  demotedAdmin: ["get", "list"],
  demotedMentor: ["get", "list"],
};

describe("availability: role matrix (members read; the current mentor writes their own; nobody deletes)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "the mentor's hours", run: (db) => getDoc(doc(db, MENTOR_AVAILABILITY)) },
      list: { what: "mentors' hours", run: (db) => getDocs(query(collection(db, "availability"), limit(20))) },
      create: {
        what: "their own hours",
        // The mentor's document is seeded, so it is removed first (bypassing the rules) to make this a create.
        run: async (db, actor) => {
          const path = paths.availability(suite.uid(actor));
          await suite.remove(path);
          return setDoc(doc(db, path), written());
        },
      },
      update: {
        what: "the mentor's buffer",
        leaves: MENTOR_AVAILABILITY,
        run: (db) => updateDoc(doc(db, MENTOR_AVAILABILITY), { bufferMinutes: 30, updatedAt: serverTimestamp() }),
      },
      delete: { what: "the mentor's hours", leaves: MENTOR_AVAILABILITY, run: (db) => deleteDoc(doc(db, MENTOR_AVAILABILITY)) },
    },
    ALLOWED,
  );
});

describe("availability: who may write", () => {
  it("the mentor saves the whole document again, and the stored hours are what was sent", async () => {
    await expectAllowed(save({ horizonDays: 28, weekly: { ...hours().weekly, wed: [{ start: "07:15", end: "08:45" }] } }), true);
    const after = await suite.read(MENTOR_AVAILABILITY);
    expect(after?.horizonDays).toBe(28);
    expect(after?.weekly.wed).toEqual([{ start: "07:15", end: "08:45" }]);
  });

  it("another mentor cannot write the mentor's hours, neither a whole save nor one field", async () => {
    // dave's token says mentor, and here his stored profile does too: a current mentor, but not the owner.
    await suite.setStoredRole("demotedMentor", "mentor");
    await expectAllowed(save({ bufferMinutes: 60 }, "demotedMentor"), false);
    await expectAllowed(updateDoc(mentorDoc("demotedMentor"), { horizonDays: 1, updatedAt: serverTimestamp() }), false);
    expect(await suite.read(MENTOR_AVAILABILITY)).toEqual(stored());
  });

  it("a current mentor writes their own hours; the same token is refused once their profile says mentee", async () => {
    await suite.setStoredRole("demotedMentor", "mentor");
    const own = doc(suite.db("demotedMentor"), paths.availability(UID.demotedMentor));
    await expectAllowed(setDoc(own, written()), true);

    await suite.setStoredRole("demotedMentor", "mentee");
    await expectAllowed(setDoc(own, written({ bufferMinutes: 60 })), false);
    expect((await suite.read(paths.availability(UID.demotedMentor)))?.bufferMinutes).toBe(15);
  });

  it("a mentor demoted after saving cannot change their hours any more", async () => {
    await suite.setStoredRole("mentor", "mentee");
    await expectAllowed(save({ bufferMinutes: 60 }), false);
    expect(await suite.read(MENTOR_AVAILABILITY)).toEqual(stored());
  });

  it("a mentee cannot create hours for themselves, nor an admin", async () => {
    for (const actor of ["mentee", "admin"] as const) {
      const path = paths.availability(UID[actor]);
      await expectAllowed(setDoc(doc(suite.db(actor), path), written()), false);
      expect(await suite.read(path)).toBeUndefined();
    }
  });

  it("a mentor's token cannot create hours under another person's id", async () => {
    const path = paths.availability(UID.mentee);
    await expectAllowed(setDoc(doc(suite.db("mentor"), path), written()), false);
    expect(await suite.read(path)).toBeUndefined();
  });

  it("the mentor cannot delete their hours: clearing them is a save with no ranges", async () => {
    await expectAllowed(deleteDoc(mentorDoc()), false);
    const empty = Object.fromEntries(WEEKDAYS.map((day) => [day, []]));
    await expectAllowed(save({ weekly: empty, overrides: {} }), true);
    expect((await suite.read(MENTOR_AVAILABILITY))?.weekly).toEqual(empty);
  });
});

describe("availability: the document's fields (the mentor's own writes)", () => {
  const refused: [string, DocumentData][] = [
    ["an unknown field", { note: "hello" }],
    ["a field named like an id", { mentorId: UID.mentee }],
    ["seven ranges in a day", { weekly: { ...hours().weekly, mon: [...sixRanges(), { start: "23:00", end: "23:30" }] } }],
    ["a day that is not a list", { weekly: { ...hours().weekly, mon: { start: "09:00", end: "17:00" } } }],
    ["an eighth weekday", { weekly: { ...hours().weekly, holiday: [] } }],
    ["an override keyed by a non-date", { overrides: { tomorrow: [] } }],
    ["an override keyed by month 13", { overrides: { "2026-13-01": [] } }],
    ["overrides as a list", { overrides: ["2026-12-24"] }],
    [`${AVAILABILITY_LIMITS.overrides + 1} overrides`, { overrides: manyOverrides(AVAILABILITY_LIMITS.overrides + 1) }],
    ["a zone that is not IANA", { timeZone: "Mars/Olympus_Mons" }],
    ["an offset instead of a zone", { timeZone: "+02:00" }],
    ["the Factory placeholder zone", { timeZone: "Factory" }],
    ["a negative minimum notice", { minimumNoticeMinutes: -1 }],
    ["a minimum notice over 14 days", { minimumNoticeMinutes: 14 * 24 * 60 + 1 }],
    ["a fractional minimum notice", { minimumNoticeMinutes: 30.5 }],
    ["a horizon of 0 days", { horizonDays: 0 }],
    ["a horizon over 26 weeks", { horizonDays: 183 }],
    ["a horizon as a string", { horizonDays: "56" }],
    ["a buffer of 10 minutes", { bufferMinutes: 10 }],
    ["a buffer of 90 minutes", { bufferMinutes: 90 }],
  ];

  for (const [what, overrides] of refused) {
    it(`refuses ${what}, on create and on update, and the schema refuses it too`, async () => {
      expect(availabilitySchema.safeParse(hours(overrides)).success).toBe(false);
      await expectAllowed(save(overrides), false);
      expect(await suite.read(MENTOR_AVAILABILITY)).toEqual(stored());
      await suite.remove(MENTOR_AVAILABILITY);
      await expectAllowed(save(overrides), false);
      expect(await suite.read(MENTOR_AVAILABILITY)).toBeUndefined();
    });
  }

  it("accepts the largest document the schema allows: six ranges every day and the most overrides", async () => {
    const weekly = Object.fromEntries(WEEKDAYS.map((day) => [day, sixRanges()]));
    const full = { weekly, overrides: manyOverrides(AVAILABILITY_LIMITS.overrides), minimumNoticeMinutes: 14 * 24 * 60, horizonDays: 182, bufferMinutes: 60 };
    expect(availabilitySchema.safeParse(hours(full)).success).toBe(true);
    await expectAllowed(save(full), true);
    expect(Object.keys((await suite.read(MENTOR_AVAILABILITY))?.overrides ?? {})).toHaveLength(AVAILABILITY_LIMITS.overrides);
  });

  it("accepts every edge the schema accepts: 00:00–24:00, a range past midnight, no notice, a one-day horizon", async () => {
    const edges = { weekly: { ...hours().weekly, sat: [{ start: "00:00", end: "24:00" }], sun: [{ start: "23:45", end: "00:15" }] }, minimumNoticeMinutes: 0, horizonDays: 1, bufferMinutes: 0 };
    expect(availabilitySchema.safeParse(hours(edges)).success).toBe(true);
    await expectAllowed(save(edges), true);
  });

  it("refuses a week without Sunday: the schema would read it as a day off, but the app always writes all seven", async () => {
    await expectAllowed(save({ weekly: withoutSunday() }), false);
    expect(await suite.read(MENTOR_AVAILABILITY)).toEqual(stored());
  });

  it("refuses an updatedAt other than the request time (a forged or old timestamp)", async () => {
    await expectAllowed(setDoc(mentorDoc(), { ...hours(), updatedAt: Timestamp.fromDate(new Date("2030-01-01T00:00:00Z")) }), false);
    await expectAllowed(setDoc(mentorDoc(), { ...hours(), updatedAt: PAST }), false);
    await expectAllowed(setDoc(mentorDoc(), hours()), false);
    expect(await suite.read(MENTOR_AVAILABILITY)).toEqual(stored());
  });

  it("refuses a partial update that removes a field", async () => {
    const { bufferMinutes: _dropped, ...rest } = hours();
    await expectAllowed(setDoc(mentorDoc(), { ...rest, updatedAt: serverTimestamp() }), false);
    expect(await suite.read(MENTOR_AVAILABILITY)).toEqual(stored());
  });
});

// Rules cannot afford to look inside the ranges (firestore.rules and docs/ARCHITECTURE.md: one day's six ranges and the
// zone check already pass the 1000-expression limit). These are stored if the mentor writes them by hand, and every
// reader refuses them through availabilitySchema, so they only ever hide that mentor's own hours.
describe("availability: what only availabilitySchema checks (readers refuse it)", () => {
  const schemaOnly: [string, DocumentData][] = [
    ["a start of 25:00", { weekly: { ...hours().weekly, mon: [{ start: "25:00", end: "26:00" }] } }],
    ["a range that starts and ends at the same time", { weekly: { ...hours().weekly, mon: [{ start: "09:00", end: "09:00" }] } }],
    ["overlapping ranges", { weekly: { ...hours().weekly, mon: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } }],
    ["an override that is not a list of ranges", { overrides: { "2026-12-24": [{ start: "9am", end: "5pm" }] } }],
  ];
  for (const [what, overrides] of schemaOnly) {
    it(`${what}: the rules store it for its own mentor, and availabilitySchema refuses it`, async () => {
      expect(availabilitySchema.safeParse(hours(overrides)).success).toBe(false);
      await expectAllowed(save(overrides), true);
    });
  }

  it("still refuses the same shapes from anyone but the mentor", async () => {
    await expectAllowed(save(schemaOnly[0]![1], "mentee"), false);
    await expectAllowed(save(schemaOnly[0]![1], "demotedMentor"), false);
    expect(await suite.read(MENTOR_AVAILABILITY)).toEqual(stored());
  });
});

describe("availability: signed-out and unregistered readers", () => {
  it("an account without a verified email or a role reads nothing, not even one mentor's hours", async () => {
    for (const actor of ["anonymous", "other", "unverified"] as const) {
      await expectAllowed(getDoc(doc(suite.db(actor), MENTOR_AVAILABILITY)), false);
    }
  });
});

function sixRanges() {
  return ["00", "04", "08", "12", "16", "20"].map((hour) => ({ start: `${hour}:00`, end: `${hour}:30` }));
}

function withoutSunday() {
  const { sun: _sun, ...rest } = hours().weekly as Record<string, unknown>;
  return rest;
}

/** `count` day-off overrides on consecutive dates from 2027-01-01. */
function manyOverrides(count: number): Record<string, []> {
  const start = Date.UTC(2027, 0, 1);
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [new Date(start + i * 86_400_000).toISOString().slice(0, 10), []]));
}
