import { feedbackOf } from "../lib/programme-stats.js";
import { statsTrigger } from "../lib/stats-trigger.js";

/** Every feedback write applies its delta to `stats/programme` (docs/ARCHITECTURE.md, stats/). */
export const onFeedbackStats = statsTrigger("feedback/{feedbackId}", "feedback", feedbackOf);
