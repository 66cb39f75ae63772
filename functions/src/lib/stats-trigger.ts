import { FUNCTIONS_REGION, type StatsEvent } from "@mentormatch/shared";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { applyStatsEvent } from "./programme-stats.js";

type Kind = StatsEvent["kind"];
type DocOf<K extends Kind> = Extract<StatsEvent, { kind: K }>["after"];

/**
 * A trigger that keeps `stats/programme` up to date for one collection: each write's before/after, read leniently
 * (`of`), goes to applyStatsEvent under the event's id, so a retried delivery counts once. Thin on purpose: the
 * planner decides, this only carries the event.
 */
export function statsTrigger<K extends Kind>(document: string, kind: K, of: (snap: DocumentSnapshot | undefined) => DocOf<K>) {
  return onDocumentWritten({ document, region: FUNCTIONS_REGION, retry: true }, async (event) => {
    const statsEvent = { kind, before: of(event.data?.before), after: of(event.data?.after) } as StatsEvent;
    const result = await applyStatsEvent({ eventId: event.id, event: statsEvent, now: new Date(event.time) });
    if (result.duplicate) logger.info(`stats: event ${event.id} (${event.subject ?? document}) was already applied`);
  });
}
