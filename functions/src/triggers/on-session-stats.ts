import { sessionOf } from "../lib/programme-stats.js";
import { statsTrigger } from "../lib/stats-trigger.js";

/** Every session write applies its delta to `stats/programme` (docs/ARCHITECTURE.md, stats/). */
export const onSessionStats = statsTrigger("sessions/{sessionId}", "session", sessionOf);
