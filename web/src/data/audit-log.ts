import { auditEntryDocSchema, paths, type AuditEntryDoc } from "@mentormatch/shared";
import { collection, getDocs, limit, orderBy, query, startAfter, type QueryDocumentSnapshot } from "firebase/firestore";
import { db } from "../lib/firestore";
import { converterFor, listOf, watchList } from "./parse";

export interface AuditEntry extends AuditEntryDoc {
  id: string;
}

export const AUDIT_PAGE_SIZE = 20;

export interface AuditPage {
  entries: AuditEntry[];
  /** Where the next (older) page starts; null when there is none. */
  cursor: QueryDocumentSnapshot<AuditEntry> | null;
}

const auditConverter = converterFor(auditEntryDocSchema, (data, id): AuditEntry => ({ ...data, id }));
const newestFirst = () => query(collection(db, paths.auditLog()).withConverter(auditConverter), orderBy("at", "desc"));

/** Reads one extra document to know whether another page exists, then returns `pageSize` and the cursor. */
function toPage(docs: QueryDocumentSnapshot<AuditEntry>[], pageSize: number): AuditPage {
  const shown = docs.slice(0, pageSize);
  return { entries: listOf(shown), cursor: docs.length > pageSize ? (shown[shown.length - 1] ?? null) : null };
}

/** The newest page of `auditLog/`, live (admins only): a role change or an invitation shows as it is made. */
export function watchAuditHead(onNext: (page: AuditPage) => void, onError: (error: Error) => void, pageSize = AUDIT_PAGE_SIZE) {
  return watchList(query(newestFirst(), limit(pageSize + 1)), (_items, docs) => onNext(toPage(docs, pageSize)), onError);
}

/** The page of older entries after `cursor`. */
export async function fetchAuditPage(cursor: QueryDocumentSnapshot<AuditEntry>, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const snap = await getDocs(query(newestFirst(), startAfter(cursor), limit(pageSize + 1)));
  return toPage(snap.docs, pageSize);
}
