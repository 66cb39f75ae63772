import { paths, programmeStatsSchema, type CallableOutput, type ProgrammeStats } from "@mentormatch/shared";
import { doc } from "firebase/firestore";
import { call } from "../lib/callables";
import { db } from "../lib/firestore";
import { converterFor, watchDoc } from "./parse";

/**
 * The admin analytics (docs/ARCHITECTURE.md, stats/). The page reads this one document for every figure, so what it
 * costs does not grow with the programme (the bench counts it); functions recompute it on a schedule and on Refresh.
 */
export type { ProgrammeStats };

const statsRef = () => doc(db, paths.programmeStats()).withConverter(converterFor(programmeStatsSchema));

/** `stats/programme`, live; null until functions have computed it once. */
export function watchProgrammeStats(onNext: (stats: ProgrammeStats | null) => void, onError: (error: Error) => void) {
  return watchDoc(statsRef(), onNext, onError);
}

/** Recomputes the figures now; the listener above then receives them. */
export function refreshProgrammeStats(): Promise<CallableOutput<"refreshProgrammeStats">> {
  return call("refreshProgrammeStats", {});
}
