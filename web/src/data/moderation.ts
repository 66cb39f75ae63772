import {
  MODERATION_AUDIT_ACTIONS,
  auditEntryDocSchema,
  blockDocSchema,
  moderationConfigDocSchema,
  paths,
  reportDocSchema,
  type BlockDoc,
  type ReportAction,
  type ReportDoc,
  type ReportReason,
} from "@mentormatch/shared";
import { collection, doc, limit, orderBy, query, where } from "firebase/firestore";
import { call } from "../lib/callables";
import { db } from "../lib/firestore";
import type { AuditEntry } from "./audit-log";
import { converterFor, watchDoc, watchList } from "./parse";

export interface Report extends ReportDoc {
  id: string;
}
export interface Block extends BlockDoc {
  id: string;
}

/** How many open reports the queue reads, blocks the settings list reads, and audit entries the log scans. */
export const REPORT_QUEUE_LIMIT = 100;
export const BLOCK_LIST_LIMIT = 100;
export const MODERATION_LOG_SCAN = 100;

const reportConverter = converterFor(reportDocSchema, (data, id): Report => ({ ...data, id }));
const blockConverter = converterFor(blockDocSchema, (data, id): Block => ({ ...data, id }));
const configConverter = converterFor(moderationConfigDocSchema);
const auditConverter = converterFor(auditEntryDocSchema, (data, id): AuditEntry => ({ ...data, id }));

/**
 * The open reports, live, newest first (admins). Filtered on `status` alone, so it needs no composite index; the
 * newest-first order is applied here over the bounded page.
 */
export function watchOpenReports(onNext: (reports: Report[]) => void, onError: (error: Error) => void) {
  const q = query(collection(db, paths.reports()).withConverter(reportConverter), where("status", "==", "open"), limit(REPORT_QUEUE_LIMIT));
  return watchList(q, (reports) => onNext([...reports].sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())), onError);
}

/** The blocked-word list, live; an absent document means no words. */
export function watchBlockedWords(onNext: (words: string[]) => void, onError: (error: Error) => void) {
  return watchDoc(doc(db, paths.moderationConfig()).withConverter(configConverter), (config) => onNext(config?.blockedWords ?? []), onError);
}

/** The people I blocked, live, most recent first. */
export function watchMyBlocks(uid: string, onNext: (blocks: Block[]) => void, onError: (error: Error) => void) {
  const q = query(collection(db, paths.blocks()).withConverter(blockConverter), where("blockerUid", "==", uid), limit(BLOCK_LIST_LIMIT));
  return watchList(q, (blocks) => onNext([...blocks].sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())), onError);
}

/**
 * Moderation entries of the audit log, live, newest first: the newest MODERATION_LOG_SCAN entries of the whole log
 * (the People page's query, so no new index), of which the moderation ones are kept.
 */
export function watchModerationLog(onNext: (entries: AuditEntry[]) => void, onError: (error: Error) => void) {
  const q = query(collection(db, paths.auditLog()).withConverter(auditConverter), orderBy("at", "desc"), limit(MODERATION_LOG_SCAN));
  const moderation = new Set<string>(MODERATION_AUDIT_ACTIONS);
  return watchList(q, (entries) => onNext(entries.filter((entry) => moderation.has(entry.action))), onError);
}

export const reportMessage = (chatId: string, messageId: string, reason: ReportReason, details: string) =>
  call("reportMessage", { chatId, messageId, reason, ...(details.trim() ? { details } : {}) });

export const resolveReport = (reportId: string, action: ReportAction, note: string) =>
  call("resolveReport", { reportId, action, ...(note.trim() ? { note } : {}) });

export const blockUser = (uid: string) => call("blockUser", { uid });
export const unblockUser = (uid: string) => call("unblockUser", { uid });
export const setBlockedWords = (words: string[]) => call("setBlockedWords", { words });
