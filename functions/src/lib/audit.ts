import { paths, type AuditEntryDoc } from "@mentormatch/shared";
import { FieldValue, type DocumentReference, type Firestore, type Transaction } from "firebase-admin/firestore";

export type AuditEntry = Omit<AuditEntryDoc, "at" | "targetUid" | "targetName" | "targetEmail" | "from" | "to"> &
  Partial<Pick<AuditEntryDoc, "targetUid" | "targetName" | "targetEmail" | "from" | "to">>;

/** Records an admin action in `auditLog/`, inside the transaction that makes the change, so neither exists alone. */
export function writeAuditEntry(
  firestore: Firestore,
  tx: Transaction,
  entry: AuditEntry,
  ref: DocumentReference = firestore.collection(paths.auditLog()).doc(),
): string {
  tx.create(ref, {
    targetUid: null,
    targetName: null,
    targetEmail: null,
    from: null,
    to: null,
    ...entry,
    at: FieldValue.serverTimestamp(),
  });
  return ref.id;
}
