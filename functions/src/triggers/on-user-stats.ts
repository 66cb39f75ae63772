import { userOf } from "../lib/programme-stats.js";
import { statsTrigger } from "../lib/stats-trigger.js";

/** Every user write applies its delta to `stats/programme` (docs/ARCHITECTURE.md, stats/). */
export const onUserStats = statsTrigger("users/{uid}", "user", userOf);
