import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { paths } from "@mentormatch/shared";
import { PAST, describeAdminOnlyCollection, useRulesSuite } from "./helpers.js";

const PROGRAMME = paths.programmeStats();
const DAILY = `${PROGRAMME}/daily`;
const DAY = `${DAILY}/2025-01-01`;
const NEXT_DAY = `${DAILY}/2025-01-02`;
const FORGED = "stats/forged";

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

describeAdminOnlyCollection(suite, "stats", {
  get: { what: "stats/programme", run: (db) => getDoc(doc(db, PROGRAMME)) },
  list: { what: "the stats collection", run: (db) => getDocs(collection(db, "stats")) },
  create: { what: "a new stats document", leaves: FORGED, run: (db) => setDoc(doc(db, FORGED), stats()) },
  update: {
    what: "stats/programme",
    leaves: PROGRAMME,
    run: (db) => updateDoc(doc(db, PROGRAMME), { avgRating: 5 }),
  },
  delete: { what: "stats/programme", leaves: PROGRAMME, run: (db) => deleteDoc(doc(db, PROGRAMME)) },
});

// The daily snapshots sit under stats/programme and are held to the same rule.
describeAdminOnlyCollection(suite, "stats/programme/daily", {
  get: { what: "a day", run: (db) => getDoc(doc(db, DAY)) },
  list: { what: "the days", run: (db) => getDocs(collection(db, DAILY)) },
  create: { what: "a day", leaves: NEXT_DAY, run: (db) => setDoc(doc(db, NEXT_DAY), stats()) },
  update: { what: "rewrite a day", leaves: DAY, run: (db) => updateDoc(doc(db, DAY), { avgRating: 5 }) },
  delete: { what: "a day", leaves: DAY, run: (db) => deleteDoc(doc(db, DAY)) },
});
