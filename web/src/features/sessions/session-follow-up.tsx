import { useEffect, useState } from "react";
import { getOwnFeedback, type Feedback } from "../../data/feedback";
import type { Session } from "../../data/sessions";
import { errorMessage } from "../../lib/error-message";
import { CompleteSessionForm } from "../feedback/complete-session-form";
import { FeedbackForm } from "../feedback/feedback-form";
import { PrivateNotesForm } from "../feedback/private-notes-form";
import { SessionOutcomeLists } from "./session-outcome-lists";

/**
 * What follows a session on its page: completing it once it has ended, what was recorded, feedback on the other
 * person once completed, and each person's private notes (only their own).
 */
export function SessionFollowUp({ session, uid, otherName, nowMs }: { session: Session; uid: string; otherName: string; nowMs: number }) {
  const completed = session.status === "completed";
  const [own, setOwn] = useState<{ id: string; feedback: Feedback | null; error: string | null } | null>(null);
  const [submitted, setSubmitted] = useState(0);

  useEffect(() => {
    if (!completed) return;
    let stale = false;
    getOwnFeedback(session.id, uid).then(
      (feedback) => !stale && setOwn({ id: session.id, feedback, error: null }),
      (error: unknown) => !stale && setOwn({ id: session.id, feedback: null, error: errorMessage(error) }),
    );
    return () => {
      stale = true;
    };
  }, [completed, session.id, uid, submitted]);
  const ownFeedback = own?.id === session.id ? own : null;

  return (
    <>
      {session.status === "accepted" && nowMs >= session.endMs ? (
        <section className="card" aria-labelledby="session-complete-title" data-testid="session-complete">
          <h2 id="session-complete-title" className="section-title">
            Complete the session
          </h2>
          <CompleteSessionForm
            sessionId={session.id}
            uid={uid}
            mentorId={session.mentorId}
            otherName={otherName}
            endMs={session.endMs}
            durationMinutes={session.durationMinutes}
            nowMs={nowMs}
          />
        </section>
      ) : null}

      {completed ? (
        <section className="card" aria-labelledby="session-record-title" data-testid="session-record">
          <h2 id="session-record-title" className="section-title">
            What you covered
          </h2>
          {session.sharedNotes ? <p className="session-agenda">{session.sharedNotes}</p> : <p className="muted">No shared notes.</p>}
          <SessionOutcomeLists session={session} />
          {session.followUp ? <p className="pill">Follow-up wanted</p> : null}
        </section>
      ) : null}

      {completed ? (
        <section className="card" aria-labelledby="session-feedback-title" data-testid="session-feedback">
          <h2 id="session-feedback-title" className="section-title">
            Your feedback for {otherName}
          </h2>
          {ownFeedback === null ? (
            <p className="muted" aria-busy="true">
              Loading…
            </p>
          ) : ownFeedback.error ? (
            <p role="alert">{ownFeedback.error}</p>
          ) : ownFeedback.feedback ? (
            <p>
              You rated {otherName} {ownFeedback.feedback.rating} out of 5
              {ownFeedback.feedback.comment ? `: “${ownFeedback.feedback.comment}”` : "."}
            </p>
          ) : (
            <FeedbackForm sessionId={session.id} otherName={otherName} onSubmitted={() => setSubmitted((n) => n + 1)} />
          )}
        </section>
      ) : null}

      <section className="card" aria-labelledby="session-private-title">
        <h2 id="session-private-title" className="section-title">
          Your private notes
        </h2>
        <p className="muted small">Only you can read these.</p>
        <PrivateNotesForm sessionId={session.id} uid={uid} />
      </section>
    </>
  );
}
