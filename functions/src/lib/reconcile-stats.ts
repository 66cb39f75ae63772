import {
  DEPARTMENTS,
  MINI_STATUSES,
  STATS,
  applyIncrements,
  deriveProgrammeStats,
  departmentLabel,
  lastWeekStarts,
  mentorProfileFields,
  paths,
  programmeCountersSchema,
  type DailySnapshot,
  type ProgrammeCounters,
  type Reconciliation,
  type StatsDrift,
  type StatsIncrement,
  type StatsUserInput,
} from "@mentormatch/shared";
import { AggregateField, FieldValue, Timestamp, type DocumentData, type Firestore, type Query } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { db as defaultDb } from "./app.js";
import { dailySnapshotPath, incrementTree, rebuildProgrammeStats, userOf } from "./programme-stats.js";

const DAY_MS = 86_400_000;
/** Firestore's `in` takes at most 30 values. */
const IN_LIMIT = 30;
const SESSION_STATUSES_COUNTED = ["pending", "accepted", "cancelled", "completed", "no_show"] as const;

/**
 * Counts what the daily check costs the way Firestore bills it: an aggregation query is 1 read per 1,000 index
 * entries it matches, at least 1; a document query 1 per document, at least 1.
 */
class Meter {
  reads = 0;
  async count(query: Query): Promise<number> {
    const n = (await query.count().get()).data().count;
    this.reads += Math.max(1, Math.ceil(n / 1000));
    return n;
  }
  async sumAndCount(query: Query, field: string): Promise<{ sum: number; count: number }> {
    const data = (await query.aggregate({ sum: AggregateField.sum(field), count: AggregateField.count() }).get()).data();
    this.reads += Math.max(1, Math.ceil(data.count / 1000));
    return { sum: data.sum ?? 0, count: data.count };
  }
  async docs(query: Query) {
    const snap = await query.get();
    this.reads += Math.max(1, snap.size);
    return snap.docs;
  }
}

/** A figure compared with history: `correct` is how the counters are mended (null: reported only). */
interface Check extends StatsDrift {
  correct: StatsIncrement[] | null;
}

const num = (value: number | undefined) => value ?? 0;
const chunks = <T>(values: T[], size: number) => Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));

interface CheckResult {
  checks: Check[];
  counters: ProgrammeCounters;
  mentors: StatsUserInput[];
  reads: number;
}

/** Every figure the aggregation queries can give exactly, against the counters as they are now. */
async function checkAgainstHistory(firestore: Firestore, nowMs: number): Promise<CheckResult> {
  const meter = new Meter();
  const users = firestore.collection(paths.users());
  const sessions = firestore.collection(paths.sessions());
  const matches = firestore.collection(paths.matches());
  const feedback = firestore.collection(paths.feedbackList());
  const requests = firestore.collection(paths.miniRequests());
  const checks: Check[] = [];
  const compare = (figure: string, expected: number, found: number, path: string[] | null) => {
    checks.push({ figure, expected, found, correct: path && expected !== found ? [{ path, by: expected - found }] : null });
  };

  // The mentors' profiles (their rows' names, departments and capacities, and who is in which department).
  const mentorDocs = await meter.docs(users.where("role", "==", "mentor").select("role", "displayName", "department", "capacity"));
  const mentors = mentorDocs.map(userOf).filter((user): user is StatsUserInput => user !== null);
  const [statsSnap, menteesByDepartment] = await Promise.all([
    firestore.doc(paths.programmeStats()).get(),
    Promise.all(["", ...DEPARTMENTS].map(async (department) => [departmentLabel(department), await meter.count(users.where("role", "==", "mentee").where("department", "==", department))] as const)),
  ]);
  meter.reads += 1;
  const counters: ProgrammeCounters = statsSnap.exists ? programmeCountersSchema.parse(statsSnap.data()) : {};
  const rows = counters.mentors ?? {};
  const people = counters.people ?? {};

  const mentorsByDepartment = new Map<string, string[]>();
  for (const mentor of mentors) {
    const label = departmentLabel(mentor.department);
    mentorsByDepartment.set(label, [...(mentorsByDepartment.get(label) ?? []), mentor.uid]);
  }
  for (const [label, mentees] of menteesByDepartment) compare(`people.${label}.mentees`, mentees, num(people[label]?.mentees), ["people", label, "mentees"]);
  for (const label of new Set([...mentorsByDepartment.keys(), ...Object.keys(people)])) {
    compare(`people.${label}.mentors`, mentorsByDepartment.get(label)?.length ?? 0, num(people[label]?.mentors), ["people", label, "mentors"]);
  }

  // Per mentor, checked a department (≤ 30 mentors) at a time; only a group that differs is checked mentor by mentor.
  type RowFigure = { name: string; path: string[]; query: (field: "in" | "==", ids: string[] | string) => Promise<number>; found: (uid: string) => number };
  const inIds = (query: Query, field: string, op: "in" | "==", ids: string[] | string) => query.where(field, op, ids);
  const rowFigures: RowFigure[] = [
    ...SESSION_STATUSES_COUNTED.map((status) => ({
      name: `sessions.${status}`,
      path: ["sessions", status],
      query: (op: "in" | "==", ids: string[] | string) => meter.count(inIds(sessions.where("status", "==", status), "mentorId", op, ids)),
      found: (uid: string) => num(rows[uid]?.sessions?.[status]),
    })),
    ...(["active", "pending"] as const).map((field) => ({
      name: field,
      path: [field],
      query: (op: "in" | "==", ids: string[] | string) => meter.count(inIds(matches.where("status", "==", field === "active" ? "accepted" : "pending"), "mentorId", op, ids)),
      found: (uid: string) => num(rows[uid]?.[field]),
    })),
    ...(["ratingSum", "ratingCount"] as const).map((field) => ({
      name: field,
      path: [field],
      query: async (op: "in" | "==", ids: string[] | string) => {
        const result = await meter.sumAndCount(inIds(feedback.where("toRole", "==", "mentor"), "toUid", op, ids), "rating");
        return field === "ratingSum" ? result.sum : result.count;
      },
      found: (uid: string) => num(rows[uid]?.[field]),
    })),
  ];
  // Every query of a pass goes out at once: the check is a few round trips, not hundreds.
  await Promise.all(
    [...mentorsByDepartment.values()].flatMap((ids) => chunks(ids, IN_LIMIT)).map(async (uids) => {
      // One aggregate gives both rating figures: ask it once per group.
      const ratings = meter.sumAndCount(inIds(feedback.where("toRole", "==", "mentor"), "toUid", "in", uids), "rating");
      await Promise.all(
        rowFigures.map(async (figure) => {
          const expected = figure.name === "ratingSum" ? (await ratings).sum : figure.name === "ratingCount" ? (await ratings).count : await figure.query("in", uids);
          const found = uids.reduce((sum, uid) => sum + figure.found(uid), 0);
          if (expected === found) {
            checks.push({ figure: `${figure.name} (${uids.length} mentors)`, expected, found, correct: null });
            return;
          }
          const each = await Promise.all(uids.map((uid) => figure.query("==", uid)));
          uids.forEach((uid, i) => compare(`mentors.${uid}.${figure.name}`, each[i]!, figure.found(uid), ["mentors", uid, ...figure.path]));
        }),
      );
    }),
  );

  // Programme-wide figures.
  const upcomingFound = Object.values(rows).reduce(
    (sum, row) => sum + Object.entries(row.acceptedStarts ?? {}).reduce((n, [startMs, count]) => (Number(startMs) > nowMs ? n + count : n), 0),
    0,
  );
  const mini = counters.mini ?? {};
  const histogramTotal = (histogram: Record<string, number> | undefined) => Object.values(histogram ?? {}).reduce((sum, n) => sum + n, 0);
  const [upcoming, menteeRatings, byStatus, outcomes, cancelledAfterClaim, miniRatings, claimedTotal] = await Promise.all([
    meter.count(sessions.where("status", "==", "accepted").where("startAt", ">", Timestamp.fromMillis(nowMs))),
    meter.sumAndCount(feedback.where("toRole", "==", "mentee"), "rating"),
    Promise.all(MINI_STATUSES.map((status) => meter.count(requests.where("status", "==", status)))),
    Promise.all((["completed", "no_show"] as const).map((status) => meter.count(sessions.where("kind", "==", "mini").where("status", "==", status)))),
    meter.count(requests.where("status", "==", "cancelled").where("firstClaimedAt", "!=", null)),
    Promise.all((["mentor", "mentee"] as const).map((toRole) => meter.sumAndCount(feedback.where("kind", "==", "mini").where("toRole", "==", toRole), "rating"))),
    meter.count(requests.where("firstClaimedAt", "!=", null)),
  ]);
  compare("sessionsUpcoming", upcoming, upcomingFound, null);
  compare("menteeRatings.sum", menteeRatings.sum, num(counters.menteeRatings?.sum), ["menteeRatings", "sum"]);
  compare("menteeRatings.count", menteeRatings.count, num(counters.menteeRatings?.count), ["menteeRatings", "count"]);
  MINI_STATUSES.forEach((status, i) => compare(`mini.byStatus.${status}`, byStatus[i]!, num(mini.byStatus?.[status]), ["mini", "byStatus", status]));
  (["completed", "no_show"] as const).forEach((status, i) => compare(`mini.outcomes.${status}`, outcomes[i]!, num(mini.outcomes?.[status]), ["mini", "outcomes", status]));
  compare("mini.outcomes.cancelled", cancelledAfterClaim, num(mini.outcomes?.cancelled), ["mini", "outcomes", "cancelled"]);
  (["mentor", "mentee"] as const).forEach((toRole, i) => {
    compare(`mini.ratings.${toRole}.sum`, miniRatings[i]!.sum, num(mini.ratings?.[toRole]?.sum), ["mini", "ratings", toRole, "sum"]);
    compare(`mini.ratings.${toRole}.count`, miniRatings[i]!.count, num(mini.ratings?.[toRole]?.count), ["mini", "ratings", toRole, "count"]);
  });
  compare("mini.toClaim (claimed requests)", claimedTotal, histogramTotal(mini.toClaim), null);

  // The newest weeks' totals (their departments are the ones at the time of each event, which history no longer tells).
  const weeks = await Promise.all(lastWeekStarts(nowMs, STATS.reconcileWeeks).map(async (weekStart) => {
    const from = Timestamp.fromMillis(Date.parse(`${weekStart}T00:00:00Z`));
    const to = Timestamp.fromMillis(from.toMillis() + 7 * DAY_MS);
    const inWeek = (query: Query, field: string) => query.where(field, ">=", from).where(field, "<", to);
    const week = counters.weeks?.[weekStart] ?? {};
    const [all, declined, completed, newMatches, ratings, posted, claimed] = await Promise.all([
      meter.count(inWeek(sessions, "startAt")),
      meter.count(inWeek(sessions.where("status", "==", "declined"), "startAt")),
      meter.count(inWeek(sessions.where("status", "==", "completed"), "startAt")),
      meter.count(inWeek(matches.where("status", "in", ["accepted", "ended"]), "respondedAt")),
      meter.sumAndCount(inWeek(feedback, "createdAt"), "rating"),
      meter.count(inWeek(requests, "createdAt")),
      meter.count(inWeek(requests, "firstClaimedAt")),
    ]);
    return { weekStart, week, found: { sessions: all - declined, completed, newMatches, ratingSum: ratings.sum, ratingCount: ratings.count, miniPosted: posted, miniClaimed: claimed } };
  }));
  // In week order, so the report reads oldest first whatever order the answers came in.
  for (const { weekStart, week, found } of weeks)
    for (const [field, expected] of Object.entries(found)) compare(`weeks.${weekStart}.${field}`, expected, num(week[field as keyof typeof week] as number | undefined), null);
  return { checks, counters, mentors, reads: meter.reads };
}

function mergeTrees(into: DocumentData, from: DocumentData): DocumentData {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key];
    into[key] =
      current && typeof current === "object" && value && typeof value === "object" && !(value instanceof FieldValue) && !(current instanceof FieldValue)
        ? mergeTrees(current as DocumentData, value as DocumentData)
        : value;
  }
  return into;
}

export interface ReconcileResult {
  computedAtMs: number;
  /** Firestore reads the check cost, as billed (both passes when there was drift). */
  reads: number;
  checked: number;
  drift: StatsDrift[];
  /** Of them, how many were corrected (the rest are reported only). */
  corrected: number;
  /** The document was missing and was built from every document first (its reads are in `reads`). */
  rebuilt: boolean;
  date: string;
}

/**
 * The daily check of the counters against history, by aggregation queries (count, sum): every figure they can give
 * exactly is compared, the counted ones corrected by adding the difference (an increment, so an event applied
 * meanwhile is not lost), the others (the newest weeks, upcoming sessions, the median histograms' size) reported.
 * A difference is only believed when a second pass `settleMs` later sees the same one, so an event whose trigger was
 * still running is not taken for drift. It also refreshes the mentor rows from the profiles, prunes week buckets
 * older than STATS.keptWeeks, and writes today's daily snapshot. Running it twice changes nothing the second time.
 */
export async function reconcileProgrammeStats(options: { now: Date; db?: Firestore; settleMs?: number }): Promise<ReconcileResult> {
  const firestore = options.db ?? defaultDb();
  const nowMs = options.now.getTime();
  // No document at all (a new programme, or one removed by hand): nothing to lose, so build it from history first.
  const rebuilt = (await firestore.doc(paths.programmeStats()).get()).exists ? null : await rebuildProgrammeStats({ now: options.now, db: firestore });
  let result = await checkAgainstHistory(firestore, nowMs);
  let reads = result.reads + 1 + (rebuilt?.sourceDocs ?? 0);
  const differs = (check: Check) => check.expected !== check.found;
  let drift = result.checks.filter(differs);
  if (drift.length > 0 && (options.settleMs ?? 5_000) > 0) {
    await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 5_000));
    const first = new Map(drift.map((check) => [check.figure, check.expected - check.found]));
    result = await checkAgainstHistory(firestore, nowMs);
    reads += result.reads;
    drift = result.checks.filter((check) => differs(check) && first.get(check.figure) === check.expected - check.found);
  }
  const corrections = drift.flatMap((check) => check.correct ?? []);
  const at = Timestamp.fromDate(options.now);
  const reconciliation: Reconciliation = {
    at,
    reads,
    checked: result.checks.length,
    driftCount: drift.length,
    drift: drift.slice(0, STATS.driftListed).map(({ figure, expected, found }) => ({ figure, expected, found })),
  };
  const update: DocumentData = mergeTrees(incrementTree(corrections), {
    mentors: Object.fromEntries(result.mentors.map((mentor) => [mentor.uid, mentorProfileFields(mentor)])),
    reconciliation,
    updatedAt: at,
  });
  // A mentor row of someone no longer a mentor stays (its counts are history) but leaves the page's lists.
  const mentorIds = new Set(result.mentors.map((mentor) => mentor.uid));
  for (const [uid, row] of Object.entries(result.counters.mentors ?? {})) {
    if (row.isMentor && !mentorIds.has(uid)) mergeTrees(update, { mentors: { [uid]: { isMentor: false } } });
  }
  const oldestKept = lastWeekStarts(nowMs, STATS.keptWeeks)[0]!;
  const stale = Object.keys(result.counters.weeks ?? {}).filter((weekStart) => weekStart < oldestKept);
  if (stale.length) mergeTrees(update, { weeks: Object.fromEntries(stale.map((weekStart) => [weekStart, FieldValue.delete()])) });

  const mended = applyIncrements(structuredClone(result.counters), corrections);
  const figures = deriveProgrammeStats(mended, nowMs);
  const date = options.now.toISOString().slice(0, 10);
  const daily: DailySnapshot = { date, totals: figures.totals, ratingOfMentors: figures.ratingOfMentors, miniByStatus: figures.mini.byStatus, computedAt: at };
  const batch = firestore.batch();
  batch.set(firestore.doc(paths.programmeStats()), update, { merge: true });
  batch.set(firestore.doc(dailySnapshotPath(date)), daily as DocumentData);
  await batch.commit();
  if (drift.length > 0) logger.warn(`reconcile-programme-stats: ${drift.length} of ${result.checks.length} figures drifted`, { drift: reconciliation.drift, corrected: corrections.length });
  else logger.info(`reconcile-programme-stats: ${result.checks.length} figures checked, no drift, ${reads} reads`);
  return { computedAtMs: nowMs, reads, checked: result.checks.length, drift: reconciliation.drift, corrected: corrections.length, rebuilt: rebuilt !== null, date };
}
