import { miniRequestOf } from "../lib/programme-stats.js";
import { statsTrigger } from "../lib/stats-trigger.js";

/** Every miniRequest write applies its delta to `stats/programme` (docs/ARCHITECTURE.md, stats/). */
export const onMiniRequestStats = statsTrigger("miniRequests/{requestId}", "miniRequest", miniRequestOf);
