import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  CALENDAR_FEED,
  CALENDAR_FEED_TOKEN_PATTERN,
  calendarFeedDocSchema,
  paths,
  sessionDocSchema,
} from "@mentormatch/shared";
import { buildIcsCalendar } from "@mentormatch/shared/scheduling";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { planCalendarFeed, planCalendarFeedQuery, type FeedSession } from "../planners/calendar-feed.js";
import { db as defaultDb } from "./app.js";

/** A new feed token: CALENDAR_FEED.tokenBytes from the CSPRNG, base64url (43 characters, no padding). */
export function newFeedToken(): string {
  return randomBytes(CALENDAR_FEED.tokenBytes).toString("base64url");
}

/** SHA-256 of the token, hex: the document id and the only form in which a token is stored. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time equality of two hex SHA-256 digests; anything that is not one compares unequal. */
export function sameFeedHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === 32 && right.length === 32 && timingSafeEqual(left, right);
}

const FEED_PATH = /^\/calendar\/([^/]+)\.ics$/;

export interface FeedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// Every refusal is this one answer, byte for byte: a malformed token, an unknown one and a reset one look the same,
// so probing says nothing about which tokens or people exist.
const NOT_FOUND: FeedResponse = {
  status: 404,
  headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  body: "Not found\n",
};

/**
 * GET /calendar/{token}.ics: the person's sessions as an iCalendar feed. Reads one document (the token's hash as its
 * id) and then one bounded query; anything off the happy path is the same 404. `If-None-Match` with the feed's ETag
 * answers 304, so calendars polling every hour mostly get no body.
 */
export async function serveCalendarFeed(
  request: { method: string; path: string; ifNoneMatch?: string | undefined },
  options: { nowMs: number; appUrl: string; db?: Firestore },
): Promise<FeedResponse> {
  if (request.method !== "GET" && request.method !== "HEAD")
    return { status: 405, headers: { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }, body: "Method not allowed\n" };
  const token = FEED_PATH.exec(request.path)?.[1];
  if (!token || !CALENDAR_FEED_TOKEN_PATTERN.test(token)) return NOT_FOUND;
  const firestore = options.db ?? defaultDb();
  const tokenHash = hashFeedToken(token);
  const feedSnap = await firestore.doc(paths.calendarFeed(tokenHash)).get();
  const feed = feedSnap.exists ? calendarFeedDocSchema.safeParse(feedSnap.data()) : null;
  // The id already matched; the stored hash is compared too, in constant time, so no code path compares secrets
  // byte by byte (and a document whose fields disagree with its id opens nothing).
  if (!feed?.success || !sameFeedHash(tokenHash, feed.data.tokenHash)) return NOT_FOUND;

  const plan = planCalendarFeedQuery(feed.data.uid, options.nowMs);
  const snap = await firestore
    .collection(paths.sessions())
    .where("participants", "array-contains", plan.participant)
    .where("endAt", ">=", Timestamp.fromMillis(plan.endAtFromMs))
    .orderBy("endAt", plan.order)
    .limit(plan.limit)
    .get();
  const sessions: FeedSession[] = [];
  for (const doc of snap.docs) {
    const parsed = sessionDocSchema.safeParse(doc.data());
    if (!parsed.success) {
      logger.warn(`calendar feed: skipped ${doc.ref.path}, which does not parse`);
      continue;
    }
    const session = parsed.data;
    sessions.push({
      ...session,
      id: doc.id,
      startMs: session.startAt.toMillis(),
      endMs: session.endAt.toMillis(),
      updatedMs: session.updatedAt.toMillis(),
    });
  }
  const body = buildIcsCalendar(planCalendarFeed({ uid: feed.data.uid, sessions, appUrl: options.appUrl }));
  const etag = `"${createHash("sha256").update(body, "utf8").digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": 'inline; filename="mentormatch.ics"',
    // The URL is the secret: no shared caches, no indexing, no referrer to leak it onwards.
    "Cache-Control": "private, max-age=300",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    ETag: etag,
  };
  if (request.ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) return { status: 304, headers, body: "" };
  return { status: 200, headers, body: request.method === "HEAD" ? "" : body };
}
