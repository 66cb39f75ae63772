import {
  FEEDBACK,
  feedbackDocSchema,
  paths,
  sessionPrivateNoteSchema,
  timestampSchema,
  type CallableInput,
  type CallableOutput,
} from "@mentormatch/shared";
import { collection, doc, getDoc, getDocs, limit, orderBy, query, serverTimestamp, setDoc, where } from "firebase/firestore";
import * as z from "zod";
import { call } from "../lib/callables";
import { db } from "../lib/firestore";
import { converterFor, docOf, listOf } from "./parse";

/** Feedback as the app shows it: the stored fields plus its id, times as Dates. */
export interface Feedback {
  id: string;
  sessionId: string;
  fromUid: string;
  toUid: string;
  fromName: string;
  rating: number;
  comment: string;
  createdAt: Date;
  visibleAt: Date;
}

const feedbackConverter = converterFor(
  feedbackDocSchema,
  (data, id): Feedback => ({
    id,
    sessionId: data.sessionId,
    fromUid: data.fromUid,
    toUid: data.toUid,
    fromName: data.fromName,
    rating: data.rating,
    comment: data.comment,
    createdAt: data.createdAt.toDate(),
    visibleAt: data.visibleAt.toDate(),
  }),
);

/** `completeSession`: the mentor after the end (or either person a day later) records the session or a no-show. */
export function completeSession(input: CallableInput<"completeSession">): Promise<CallableOutput<"completeSession">> {
  return call("completeSession", input);
}

/** `submitFeedback`: rate the other person of a completed session, once. */
export function submitFeedback(input: CallableInput<"submitFeedback">): Promise<CallableOutput<"submitFeedback">> {
  return call("submitFeedback", input);
}

/**
 * A mentor's most recent visible written feedback, newest first (at most FEEDBACK.recentLimit; ones without words are
 * left out). `visible == true` is what the rules need to let any member list it; hidden feedback never leaves the server.
 */
export async function recentFeedbackAbout(mentorId: string): Promise<Feedback[]> {
  const snap = await getDocs(
    query(
      collection(db, paths.feedbackList()).withConverter(feedbackConverter),
      where("toUid", "==", mentorId),
      where("toRole", "==", "mentor"),
      where("visible", "==", true),
      orderBy("visibleAt", "desc"),
      limit(FEEDBACK.recentLimit),
    ),
  );
  return listOf(snap.docs).filter((item) => item.comment !== "");
}

/**
 * The caller's own feedback on a session (to show "You rated …" instead of the form), or null. A query rather than a
 * get of `feedback/{sessionId}_{uid}`: before it exists the rules have no `fromUid` to check a get against and refuse
 * it, while a list that says `fromUid ==` self is allowed whether or not anything matches.
 */
export async function getOwnFeedback(sessionId: string, uid: string): Promise<Feedback | null> {
  const snap = await getDocs(
    query(collection(db, paths.feedbackList()).withConverter(feedbackConverter), where("fromUid", "==", uid), where("sessionId", "==", sessionId), limit(1)),
  );
  return listOf(snap.docs)[0] ?? null;
}

const privateNoteDocSchema = z.object({ text: z.string(), updatedAt: timestampSchema });
const privateNoteConverter = converterFor(privateNoteDocSchema, (data) => ({ text: data.text, updatedAt: data.updatedAt.toDate() }));

/** The signed-in person's own notes on a session, or null when they have written none. */
export async function getPrivateNote(sessionId: string, uid: string): Promise<{ text: string; updatedAt: Date } | null> {
  return docOf(await getDoc(doc(db, paths.sessionPrivateNote(sessionId, uid)).withConverter(privateNoteConverter)));
}

/** Saves the whole note (the rules allow exactly `text` and `updatedAt == request.time`). */
export async function savePrivateNote(sessionId: string, uid: string, text: string): Promise<void> {
  const parsed = sessionPrivateNoteSchema.parse({ text });
  await setDoc(doc(db, paths.sessionPrivateNote(sessionId, uid)), { text: parsed.text, updatedAt: serverTimestamp() });
}
