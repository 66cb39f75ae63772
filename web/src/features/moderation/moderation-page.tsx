import { MODERATION_LIMITS, REPORT_REASON_LABELS, normalizeBlockedWord, setBlockedWordsInputSchema, type ReportAction } from "@mentormatch/shared";
import { useEffect, useId, useState } from "react";
import toast from "react-hot-toast";
import { useSessionData } from "../../app/session-data";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { TagInput } from "../../components/tag-input";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import type { AuditEntry } from "../../data/audit-log";
import { MODERATION_LOG_SCAN, REPORT_QUEUE_LIMIT, resolveReport, setBlockedWords, watchBlockedWords, watchModerationLog, watchOpenReports, type Report } from "../../data/moderation";
import { callableErrorFrom, errorMessage } from "../../lib/error-message";
import { describeAuditEntry, formatExactTime, relativeTime } from "../admin/audit-format";

type Live<T> = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; value: T };

/** A live query's state, with a retry that re-subscribes. */
function useLive<T>(subscribe: (onNext: (value: T) => void, onError: (error: Error) => void) => () => void) {
  const [state, setState] = useState<Live<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(
    () =>
      subscribe(
        (value) => setState({ status: "ready", value }),
        (error) => {
          console.error("moderation listener failed", error);
          setState({ status: "error", message: errorMessage(error) });
        },
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `subscribe` is a module function; `attempt` re-subscribes.
    [attempt],
  );
  return {
    state,
    retry: () => {
      setState({ status: "loading" });
      setAttempt((n) => n + 1);
    },
  };
}

/** `/admin/moderation`: the review queue of reported messages, the blocked-word list, and the moderation log. */
export function ModerationPage() {
  usePageTitle("Moderation");
  return (
    <section className="page" aria-labelledby="moderation-title">
      <div className="page-head">
        <div>
          <h1 id="moderation-title">Moderation</h1>
          <p className="muted">Reported chat messages, the words the chat does not allow, and what admins and members did about them.</p>
        </div>
      </div>
      <ReviewQueue />
      <WordListEditor />
      <ModerationLog />
    </section>
  );
}

function ReviewQueue() {
  const { state, retry } = useLive(watchOpenReports);
  return (
    <section className="card admin-panel" aria-labelledby="queue-title" data-testid="review-queue">
      <h2 id="queue-title">Review queue</h2>
      <p className="muted">Open reports, newest first. The reporter is told the outcome; your note is kept in the moderation log.</p>
      {state.status === "loading" ? (
        <ListSkeleton rows={2} />
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={retry} />
      ) : state.value.length === 0 ? (
        <EmptyState title="Nothing to review">Reported messages appear here as they are reported.</EmptyState>
      ) : (
        <>
          <ul className="report-list">
            {state.value.map((report) => (
              <ReportCard key={report.id} report={report} />
            ))}
          </ul>
          {state.value.length >= REPORT_QUEUE_LIMIT ? <p className="muted">Showing {REPORT_QUEUE_LIMIT} open reports; more appear as these are resolved.</p> : null}
        </>
      )}
    </section>
  );
}

function ReportCard({ report }: { report: Report }) {
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState<ReportAction | null>(null);
  const ids = { title: useId(), note: useId(), noteError: useId() };
  const noteError = note.trim().length > MODERATION_LIMITS.resolveNote ? `The note can be at most ${MODERATION_LIMITS.resolveNote} characters.` : null;
  const reportedAt = report.createdAt.toDate();
  const sentAt = report.messageSentAt.toDate();

  async function resolve(action: ReportAction) {
    if (noteError) return;
    setBusy(action);
    try {
      await resolveReport(report.id, action, note);
      toast.success(action === "remove_message" ? `Removed the message from ${report.authorName}.` : "Report dismissed.");
    } catch (error) {
      toast.error(errorMessage(error));
      setBusy(null);
    }
  }

  return (
    <li className="report-card" aria-labelledby={ids.title} data-testid="report">
      <p id={ids.title} className="report-head">
        <strong>{report.reporterName}</strong> reported a message from <strong>{report.authorName}</strong>
        <span className="pill">{REPORT_REASON_LABELS[report.reason]}</span>
      </p>
      <blockquote className="report-message" data-testid="report-message-text">
        <p>{report.messageText}</p>
        <footer className="muted small">
          Sent <time dateTime={sentAt.toISOString()}>{formatExactTime(sentAt, timeZone)}</time>
        </footer>
      </blockquote>
      {report.details ? <p className="small">Details: {report.details}</p> : null}
      <p className="muted small">
        Reported <time dateTime={reportedAt.toISOString()} title={formatExactTime(reportedAt, timeZone)}>{relativeTime(reportedAt, now)}</time>
      </p>
      <div className={`field${noteError ? " field-invalid" : ""}`}>
        <label htmlFor={ids.note} className="field-label">
          Note <span className="optional">(optional, for the log)</span>
        </label>
        <textarea id={ids.note} rows={2} value={note} onChange={(event) => setNote(event.target.value)} aria-invalid={noteError ? true : undefined} aria-describedby={noteError ? ids.noteError : undefined} />
        {noteError ? (
          <p id={ids.noteError} className="field-error">
            {noteError}
          </p>
        ) : null}
      </div>
      <div className="person-confirm-actions">
        <button type="button" className="btn" disabled={busy !== null} onClick={() => resolve("dismiss")}>
          {busy === "dismiss" ? "Dismissing…" : "Dismiss"}
        </button>
        <button type="button" className="btn btn-danger" disabled={busy !== null} onClick={() => resolve("remove_message")}>
          {busy === "remove_message" ? "Removing…" : "Remove message"}
        </button>
      </div>
    </li>
  );
}

function WordListEditor() {
  const { state, retry } = useLive(watchBlockedWords);
  const [draft, setDraft] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { input: useId(), hint: useId(), error: useId() };
  const saved = state.status === "ready" ? state.value : [];
  const words = draft ?? saved;
  const dirty = draft !== null && (draft.length !== saved.length || draft.some((word, i) => word !== saved[i]));

  async function save() {
    const parsed = setBlockedWordsInputSchema.safeParse({ words });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the words.");
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const result = await setBlockedWords(parsed.data.words);
      setDraft(null);
      toast.success(`Saved ${result.count} blocked ${result.count === 1 ? "word" : "words"}.`);
    } catch (err) {
      // The server's reason for refusing the list (a word too short, too many) belongs next to the field.
      const refusal = callableErrorFrom(err);
      if (refusal?.code === "invalid-argument") setError(refusal.message);
      else toast.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card admin-panel" aria-labelledby="words-title" data-testid="word-list">
      <h2 id="words-title">Blocked words</h2>
      <p className="muted">
        The app will not send a chat message that holds one of these words (whole words, any case or accents), and shows them masked (•••) to readers.
      </p>
      {state.status === "loading" ? (
        <ListSkeleton rows={1} />
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={retry} />
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className={`field${error ? " field-invalid" : ""}`}>
            <label htmlFor={ids.input} className="field-label">
              Words and phrases
            </label>
            <TagInput
              id={ids.input}
              value={words}
              onChange={(next) => {
                setDraft(next);
                setError(null);
              }}
              normalize={normalizeBlockedWord}
              placeholder="Type a word, then Enter"
              describedBy={[ids.hint, error ? ids.error : ""].filter(Boolean).join(" ")}
              invalid={!!error}
              itemLabel="blocked word"
            />
            <p id={ids.hint} className="field-hint">
              {MODERATION_LIMITS.blockedWordMin}–{MODERATION_LIMITS.blockedWordMax} characters each, up to {MODERATION_LIMITS.blockedWords} words. {words.length} listed.
            </p>
            {error ? (
              <p id={ids.error} className="field-error" data-testid="words-error">
                {error}
              </p>
            ) : null}
          </div>
          <div className="person-confirm-actions">
            <button type="submit" className="btn btn-primary" disabled={saving || !dirty}>
              {saving ? "Saving…" : "Save words"}
            </button>
            {dirty ? (
              <button type="button" className="btn" disabled={saving} onClick={() => (setDraft(null), setError(null))}>
                Discard changes
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}

function ModerationLog() {
  const { state, retry } = useLive<AuditEntry[]>(watchModerationLog);
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow();
  return (
    <section className="card admin-panel" aria-labelledby="modlog-title" data-testid="moderation-log">
      <h2 id="modlog-title">Moderation log</h2>
      <p className="muted">Reports resolved, people blocked and unblocked, and word-list changes, newest first (from the last {MODERATION_LOG_SCAN} changes of any kind).</p>
      {state.status === "loading" ? (
        <ListSkeleton rows={3} />
      ) : state.status === "error" ? (
        <ErrorState message={state.message} onRetry={retry} />
      ) : state.value.length === 0 ? (
        <EmptyState title="Nothing yet">Moderation actions are listed here as they happen.</EmptyState>
      ) : (
        <ol className="audit-list" aria-labelledby="modlog-title">
          {state.value.map((entry) => {
            const at = entry.at.toDate();
            const exact = formatExactTime(at, timeZone);
            return (
              <li key={entry.id} className="audit-entry" data-testid="moderation-log-entry">
                <span className="audit-text">{describeAuditEntry(entry)}</span>
                <time className="audit-time" dateTime={at.toISOString()} title={exact}>
                  {relativeTime(at, now)}
                  <span className="sr-only"> ({exact})</span>
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
