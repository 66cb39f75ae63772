import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { describe, it } from "vitest";
import { paths } from "@mentormatch/shared";
import { PAST, UID, describeRoleMatrix, expectAllowed, useRulesSuite } from "./helpers.js";

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

  it("a demoted admin's old token cannot get a day", async () => {
    await expectAllowed(getDoc(doc(suite.db("demotedAdmin"), DAY)), false);
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

// The same token and client before and after the stored role changes: the old admin token stops at once.
describe("stats: an admin's token minted before a role change", () => {
  it("gets stats/programme while the profile says admin, and not once it says mentee", async () => {
    const admin = suite.db("admin");
    await expectAllowed(getDoc(doc(admin, PROGRAMME)), true);

    await suite.setStoredRole("admin", "mentee");
    await expectAllowed(getDoc(doc(admin, PROGRAMME)), false);
  });

  it("lists the daily snapshots while the profile says admin, and not once it says mentor", async () => {
    const admin = suite.db("admin");
    await expectAllowed(getDocs(collection(admin, DAILY)), true);

    await suite.setStoredRole("admin", "mentor");
    await expectAllowed(getDocs(collection(admin, DAILY)), false);
  });

  it("is refused when the admin's profile is gone", async () => {
    await suite.remove(paths.user(UID.admin));
    await expectAllowed(getDoc(doc(suite.db("admin"), PROGRAMME)), false);
  });

  // A promotion the token has not caught up with is refused too, until the app refreshes the token.
  it("a mentee's token is refused on a profile just promoted to admin", async () => {
    await suite.setStoredRole("mentee", "admin");
    await expectAllowed(getDoc(doc(suite.db("mentee"), PROGRAMME)), false);
  });
});
