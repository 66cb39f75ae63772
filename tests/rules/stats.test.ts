import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { describe, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { PAST, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

const PROGRAMME = paths.programmeStats();
const DAILY = `${PROGRAMME}/daily`;
const DAY = `${DAILY}/2025-01-01`;

const stats = (): DocumentData => ({
  mentorCount: 4,
  menteeCount: 9,
  matchesPending: 2,
  matchesAccepted: 5,
  sessionsTotal: 12,
  sessionsCompleted: 10,
  avgRating: 4.6,
  ratingCount: 8,
  miniRequestsOpen: 1,
  miniRequestsCompleted: 3,
  topMentors: [],
  utilization: 0.5,
  updatedAt: PAST,
});

const suite = useRulesSuite("stats", () => ({ [PROGRAMME]: stats(), [DAY]: stats() }));

describe("stats: role matrix (admins read; only functions write)", () => {
  describeRoleMatrix(
    suite,
    {
      get: { what: "stats/programme", run: (db) => getDoc(doc(db, PROGRAMME)) },
      list: { what: "the stats collection", run: (db) => getDocs(collection(db, "stats")) },
      create: { what: "a new stats document", run: (db) => setDoc(doc(db, "stats/forged"), stats()) },
      update: { what: "stats/programme", run: (db) => updateDoc(doc(db, PROGRAMME), { avgRating: 5 }) },
      delete: { what: "stats/programme", run: (db) => deleteDoc(doc(db, PROGRAMME)) },
    },
    {
      anonymous: [],
      owner: [],
      other: [],
      mentor: [],
      mentee: [],
      admin: ["get", "list"],
    },
  );
});

describe("stats/programme/daily: the daily snapshots", () => {
  it("an admin can get a day", async () => {
    await expectAllowed(getDoc(doc(suite.db("admin"), DAY)), true);
  });

  it("an admin can list the days", async () => {
    await expectAllowed(getDocs(collection(suite.db("admin"), DAILY)), true);
  });

  it("a mentor cannot get a day", async () => {
    await expectAllowed(getDoc(doc(suite.db("mentor"), DAY)), false);
  });

  it("a mentee cannot list the days", async () => {
    await expectAllowed(getDocs(collection(suite.db("mentee"), DAILY)), false);
  });

  it("an admin cannot rewrite a day", async () => {
    await expectAllowed(updateDoc(doc(suite.db("admin"), DAY), { avgRating: 5 }), false);
  });

  it("an admin cannot add a day", async () => {
    await expectAllowed(setDoc(doc(suite.db("admin"), `${DAILY}/2025-01-02`), stats()), false);
  });

  it("an admin cannot delete a day", async () => {
    await expectAllowed(deleteDoc(doc(suite.db("admin"), DAY)), false);
  });
});
