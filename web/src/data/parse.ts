import { parseDoc } from "@mentormatch/shared";
import {
  onSnapshot,
  type DocumentReference,
  type DocumentSnapshot,
  type FirestoreDataConverter,
  type Query,
  type QueryDocumentSnapshot,
  type SnapshotOptions,
  type Unsubscribe,
} from "firebase/firestore";
import type * as z from "zod";

/**
 * The typed boundary between Firestore and the app: a converter that parses each document with its collection's
 * shared zod document schema (throwing a DocumentShapeError that names the document), then shapes it with `shape`
 * (to add the id, fill defaults…). Pending server timestamps read as estimates, so a document just written locally
 * still has the timestamps its schema requires. Read-only: the app writes with updateDoc and exactly the fields the
 * rules allow, never whole models.
 */
export function converterFor<S extends z.ZodType, T = z.output<S>>(
  schema: S,
  shape: (data: z.output<S>, id: string) => T = (data) => data as T,
): FirestoreDataConverter<T> {
  return {
    toFirestore(): never {
      throw new Error("MentorMatch converters only read documents; write with updateDoc and the fields the rules allow.");
    },
    fromFirestore(snapshot: QueryDocumentSnapshot, options?: SnapshotOptions): T {
      const data = snapshot.data({ serverTimestamps: "estimate", ...options });
      return shape(parseDoc(schema, snapshot.ref.path, data), snapshot.id);
    },
  };
}

/** A list's documents, parsed. One that does not match its schema is logged and left out: it never empties a page. */
export function listOf<T>(docs: readonly QueryDocumentSnapshot<T>[]): T[] {
  const items: T[] = [];
  for (const doc of docs) {
    try {
      items.push(doc.data());
    } catch (error) {
      console.error(error);
    }
  }
  return items;
}

/** One document, parsed, or null when it does not exist. A document that does not match its schema throws. */
export function docOf<T>(snap: DocumentSnapshot<T>): T | null {
  return snap.exists() ? snap.data() : null;
}

/** A live document through its converter: a document that does not match its schema reaches `onError`. */
export function watchDoc<T>(ref: DocumentReference<T>, onNext: (value: T | null) => void, onError: (error: Error) => void): Unsubscribe {
  return onSnapshot(
    ref,
    (snap) => {
      let value: T | null;
      try {
        value = docOf(snap);
      } catch (error) {
        console.error(error);
        onError(error as Error);
        return;
      }
      onNext(value);
    },
    onError,
  );
}

/** A live query through its converter, its documents read by listOf. `onNext` also gets the raw snapshots, for cursors. */
export function watchList<T>(
  query: Query<T>,
  onNext: (items: T[], docs: QueryDocumentSnapshot<T>[]) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  return onSnapshot(query, (snap) => onNext(listOf(snap.docs), snap.docs), onError);
}
