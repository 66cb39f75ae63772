import { matchOf } from "../lib/programme-stats.js";
import { statsTrigger } from "../lib/stats-trigger.js";

/** Every match write applies its delta to `stats/programme` (docs/ARCHITECTURE.md, stats/). */
export const onMatchStats = statsTrigger("matches/{matchId}", "match", matchOf);
