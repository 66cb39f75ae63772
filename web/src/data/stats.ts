import { paths, programmeCountersSchema, programmeStatsOf, type CallableOutput, type ProgrammeStats } from "@mentormatch/shared";
import { doc } from "firebase/firestore";
import { call } from "../lib/callables";
import { db } from "../lib/firestore";
import { converterFor, watchDoc } from "./parse";

/**
 * The admin analytics (docs/ARCHITECTURE.md, stats/). The page reads this one document for every figure, so what it
 * costs does not grow with the programme (the bench counts it). The document holds counters that functions add to on
 * every event; `programmeStatsOf` turns them into the figures for the current time (upcoming sessions move with it).
 */
export type { ProgrammeStats };

const statsRef = () =>
  doc(db, paths.programmeStats()).withConverter(converterFor(programmeCountersSchema, (counters) => programmeStatsOf(counters, Date.now())));

/** `stats/programme`, live (a new snapshot within seconds of every event); null until anything has been counted. */
export function watchProgrammeStats(onNext: (stats: ProgrammeStats | null) => void, onError: (error: Error) => void) {
  return watchDoc(statsRef(), (stats) => onNext(stats ?? null), onError);
}

/** Checks the figures against history now (the daily reconciliation); the listener above then receives any correction. */
export function refreshProgrammeStats(): Promise<CallableOutput<"refreshProgrammeStats">> {
  return call("refreshProgrammeStats", {});
}
