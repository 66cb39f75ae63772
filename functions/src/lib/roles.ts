import { paths, parseDoc, profileDocSchema, type Role } from "@mentormatch/shared";
import type { DocumentSnapshot, Firestore, Transaction } from "firebase-admin/firestore";
import { db as defaultDb } from "./app.js";

/** The stored role on a profile snapshot, or null for no profile. Only the role is parsed: it is all a check needs. */
export function roleOfProfile(snap: DocumentSnapshot | undefined): Role | null {
  return readRole(snap)?.role ?? null;
}

const readRole = (snap: DocumentSnapshot | undefined) =>
  snap?.exists ? parseDoc(profileDocSchema.pick({ role: true }), snap.ref.path, snap.data()) : null;

/**
 * A person's current role: `users/{uid}.role`, which only functions write, in the same transaction as the change
 * and its audit entry. The token's claim is a copy that can be up to an hour old, so no decision rests on it alone.
 * Inside a transaction the read joins it, so a role change racing the caller's action serialises with it.
 */
export async function currentRole(uid: string, tx?: Transaction, firestore: Firestore = defaultDb()): Promise<Role | null> {
  const ref = firestore.doc(paths.user(uid));
  return roleOfProfile(tx ? await tx.get(ref) : await ref.get());
}
