import { SESSIONS, appLinks } from "@mentormatch/shared";
import { useId, useState } from "react";
import toast from "react-hot-toast";
import { Link } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useConfirmStep } from "../../components/use-confirm-step";
import { useNow } from "../../components/use-now";
import { releaseMiniRequest, type MiniRequest } from "../../data/mini-requests";
import { errorMessage } from "../../lib/error-message";
import { describeScheduleBy } from "./mentor-format";

/**
 * Give a claimed request back to the board, with an optional reason for the student. Asks first: the claim is gone
 * the moment it is confirmed, and another mentor may take it straight away.
 */
export function GiveBackButton({ request, onDone }: { request: Pick<MiniRequest, "id" | "title">; onDone?: () => void }) {
  const confirm = useConfirmStep();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const errorId = useId();

  async function giveBack() {
    if (reason.trim().length > SESSIONS.noteMax) {
      setError(`The reason can be at most ${SESSIONS.noteMax} characters.`);
      return;
    }
    confirm.save();
    try {
      await releaseMiniRequest(request.id, reason);
      toast.success(`“${request.title}” is back on the board.`);
      confirm.close();
      onDone?.();
    } catch (failure) {
      setError(errorMessage(failure));
      confirm.ask();
    }
  }

  if (confirm.phase === "idle")
    return (
      <button type="button" className="btn" ref={confirm.actionButton} onClick={confirm.ask}>
        Give back
      </button>
    );
  return (
    <div className="mini-give-back" role="group" aria-label={`Give back “${request.title}”`} onKeyDown={confirm.onKeyDown}>
      <p>Give this request back? It returns to the board for another mentor, and the student is told.</p>
      <label htmlFor={reasonId} className="field-label">
        Reason for the student <span className="optional">(optional)</span>
      </label>
      <textarea
        id={reasonId}
        rows={2}
        value={reason}
        maxLength={SESSIONS.noteMax + 50}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setReason(event.target.value);
          setError(null);
        }}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn btn-danger" ref={confirm.confirmButton} disabled={confirm.phase === "saving"} onClick={() => void giveBack()}>
          {confirm.phase === "saving" ? "Giving back…" : "Yes, give it back"}
        </button>
        <button type="button" className="btn btn-ghost" disabled={confirm.phase === "saving"} onClick={confirm.close}>
          Keep it
        </button>
      </div>
    </div>
  );
}

/** The claimer's actions on the request's page: schedule it before the deadline, or give it back. */
export function MentorRequestActions({ request }: { request: MiniRequest }) {
  const uid = useSignedInUser().uid;
  const now = useNow(30_000);
  if (request.claimedBy !== uid) return null;
  if (request.status === "scheduled" && request.sessionId)
    return (
      <div className="form-actions" data-testid="mentor-request-actions">
        <Link to={appLinks.session(request.sessionId)} className="btn btn-primary">
          Open session
        </Link>
      </div>
    );
  if (request.status !== "claimed") return null;
  const deadline = request.scheduleByMs === null ? null : describeScheduleBy(request.scheduleByMs, now.getTime());
  return (
    <div className="mini-mentor-actions" data-testid="mentor-request-actions">
      {deadline ? (
        <p className={deadline.tone === "ok" ? "muted" : "field-error"} data-testid="mini-deadline">
          {deadline.text}
        </p>
      ) : null}
      <div className="form-actions">
        <Link to={appLinks.scheduleMini(request.id)} className="btn btn-primary">
          Schedule
        </Link>
        <GiveBackButton request={request} />
      </div>
    </div>
  );
}
