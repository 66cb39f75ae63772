import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { paths } from "@mentormatch/shared";
import { PAST, describeAdminOnlyCollection, useRulesSuite } from "./helpers.js";

const PROGRAMME = paths.programmeStats();
const DAILY = `${PROGRAMME}/daily`;
const DAY = `${DAILY}/2025-01-01`;
const NEXT_DAY = `${DAILY}/2025-01-02`;
const FORGED = "stats/forged";

// The shape the recompute writes (programmeStatsSchema), trimmed: the rules look at who asks, not at the fields.
const stats = (): DocumentData => ({
  totals: {
    mentors: 4,
    mentees: 9,
    activeMatches: 5,
    pendingRequests: 2,
    sessionsTotal: 12,
    sessionsCompleted: 10,
    sessionsUpcoming: 1,
    sessionsCancelled: 1,
    sessionsNoShow: 0,
  },
  completionRate: 1,
  ratingOfMentors: { avg: 4.6, count: 8 },
  ratingOfMentees: { avg: 4.4, count: 7 },
  topByRating: [],
  topBySessions: [],
  mentors: [],
  utilisation: 0.5,
  weeks: [],
  sourceDocs: 40,
  computedAt: PAST,
});

const suite = useRulesSuite("stats", () => ({ [PROGRAMME]: stats(), [DAY]: stats() }));

describeAdminOnlyCollection(suite, "stats", {
  get: { what: "stats/programme", run: (db) => getDoc(doc(db, PROGRAMME)) },
  list: { what: "the stats collection", run: (db) => getDocs(collection(db, "stats")) },
  create: { what: "a new stats document", leaves: FORGED, run: (db) => setDoc(doc(db, FORGED), stats()) },
  update: {
    what: "stats/programme",
    leaves: PROGRAMME,
    run: (db) => updateDoc(doc(db, PROGRAMME), { utilisation: 1 }),
  },
  delete: { what: "stats/programme", leaves: PROGRAMME, run: (db) => deleteDoc(doc(db, PROGRAMME)) },
});

// The daily snapshots sit under stats/programme and are held to the same rule.
describeAdminOnlyCollection(suite, "stats/programme/daily", {
  get: { what: "a day", run: (db) => getDoc(doc(db, DAY)) },
  list: { what: "the days", run: (db) => getDocs(collection(db, DAILY)) },
  create: { what: "a day", leaves: NEXT_DAY, run: (db) => setDoc(doc(db, NEXT_DAY), stats()) },
  update: { what: "rewrite a day", leaves: DAY, run: (db) => updateDoc(doc(db, DAY), { utilisation: 1 }) },
  delete: { what: "a day", leaves: DAY, run: (db) => deleteDoc(doc(db, DAY)) },
});
