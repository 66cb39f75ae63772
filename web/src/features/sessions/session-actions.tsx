import { SESSIONS } from "@mentormatch/shared";
import { useId, useState } from "react";
import toast from "react-hot-toast";
import { cancelSession, respondToSession, type Session } from "../../data/sessions";
import { errorMessage, callableErrorFrom } from "../../lib/error-message";
import { canCancel, canRespond, cancelNeedsReason, joinState, otherPerson, JOIN_OPENS_MINUTES_BEFORE } from "./session-format";
import { ReasonField } from "../../components/reason-field";

/**
 * "Join": a real link (opens the meeting in a new tab, no opener) while the window is open, otherwise a disabled
 * button that says when it opens, so the control is always in the same place.
 */
export function JoinButton({ session, nowMs }: { session: Session; nowMs: number }) {
  const state = joinState(session, nowMs);
  if (state === "not-accepted" || state === "over") return null;
  if (state === "open")
    return (
      <a className="btn btn-primary" href={session.meetingLink} target="_blank" rel="noopener noreferrer" data-testid="join-session">
        Join<span className="sr-only"> the session (opens in a new tab)</span>
      </a>
    );
  const hintId = `join-hint-${session.id}`;
  return (
    <>
      <button type="button" className="btn btn-primary" disabled aria-describedby={hintId} data-testid="join-session">
        Join
      </button>
      <span id={hintId} className="muted small">
        {state === "no-link" ? "No meeting link yet: agree on one in chat." : `Opens ${JOIN_OPENS_MINUTES_BEFORE} minutes before the start.`}
      </span>
    </>
  );
}

type Mode = "idle" | "decline" | "cancel";

/**
 * The answers a person can give on a session, where they can give them: accept or decline (with a note) for the
 * invitee, cancel (a reason required within the cut-off) for either. Later actions (reschedule, completion) belong
 * beside these.
 */
export function SessionActions({ session, uid, nowMs }: { session: Session; uid: string; nowMs: number }) {
  const [mode, setMode] = useState<Mode>("idle");
  const [saving, setSaving] = useState(false);
  const [text, setText] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const id = useId();
  const other = otherPerson(session, uid).name;
  const respond = canRespond(session, uid, nowMs);
  const cancellable = canCancel(session, nowMs);
  const reasonRequired = cancelNeedsReason(session.startMs, nowMs);

  async function run(action: () => Promise<unknown>, done: string, field: "note" | "reason" | null) {
    setSaving(true);
    setFieldError(null);
    try {
      await action();
      toast.success(done);
      setMode("idle");
      setText("");
    } catch (error) {
      // A refused note or reason belongs under its field; anything else ("already cancelled"…) is a toast.
      const inline = field ? callableErrorFrom(error)?.fields[field] : undefined;
      if (inline) setFieldError(inline);
      else toast.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  function open(kind: "decline" | "cancel") {
    setMode(kind);
    setText("");
    setFieldError(null);
  }

  function confirm() {
    const value = text.trim();
    if (value.length > SESSIONS.noteMax) {
      setFieldError(`${mode === "cancel" ? "The reason" : "The note"} can be at most ${SESSIONS.noteMax} characters.`);
      return;
    }
    if (mode === "cancel") {
      if (reasonRequired && !value) {
        setFieldError(`The session starts within ${SESSIONS.cancelReasonCutoffHours} hours: tell ${other} why you cancel.`);
        return;
      }
      void run(() => cancelSession(session.id, value), "Session cancelled.", "reason");
    } else {
      void run(() => respondToSession(session.id, "decline", value), "Session declined.", "note");
    }
  }

  if (!respond && !cancellable) return null;

  if (mode !== "idle") {
    const isCancel = mode === "cancel";
    const label = isCancel ? `Reason for ${other}` : `Note to ${other}`;
    const optional = isCancel ? !reasonRequired : true;
    return (
      <div className="person-confirm session-confirm" role="group" aria-labelledby={`${id}-q`}>
        <p id={`${id}-q`} className="person-question">
          {isCancel ? "Cancel this session?" : "Decline this session?"}
        </p>
        <ReasonField id={id} label={label} optional={optional} value={text} onChange={setText} error={fieldError} hint={isCancel
                ? reasonRequired
                  ? `It starts within ${SESSIONS.cancelReasonCutoffHours} hours, so a reason is required. ${other} will see it.`
                  : `${other} will be told, with your reason if you give one.`
                : `${other} will be told, with your note if you write one.`} />
        <div className="person-confirm-actions">
          <button type="button" className="btn btn-danger" disabled={saving} onClick={confirm}>
            {saving ? "Saving…" : isCancel ? "Yes, cancel session" : "Decline session"}
          </button>
          <button type="button" className="btn" disabled={saving} onClick={() => setMode("idle")}>
            {isCancel ? "Keep session" : "Back"}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="match-actions session-actions">
      {respond ? (
        <>
          <button
            type="button"
            className="btn btn-primary"
            disabled={saving}
            onClick={() => void run(() => respondToSession(session.id, "accept"), `Session with ${other} accepted.`, null)}
          >
            Accept
          </button>
          <button type="button" className="btn" disabled={saving} onClick={() => open("decline")}>
            Decline
          </button>
        </>
      ) : null}
      {cancellable && !respond ? (
        <button type="button" className="btn" disabled={saving} onClick={() => open("cancel")}>
          Cancel session
        </button>
      ) : null}
    </div>
  );
}
