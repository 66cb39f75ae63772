import { FEEDBACK } from "@mentormatch/shared";
import { useEffect, useState } from "react";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { recentFeedbackAbout, type Feedback } from "../../data/feedback";
import { errorMessage } from "../../lib/error-message";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; items: Feedback[] };

/** "What mentees say": a mentor's most recent visible written feedback, newest first, on their profile. */
export function RecentFeedback({ mentorId, mentorName, timeZone }: { mentorId: string; mentorName: string; timeZone?: string }) {
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    recentFeedbackAbout(mentorId).then(
      (items) => live && setState({ status: "ready", items }),
      (error: unknown) => {
        console.error("recent feedback failed", error);
        if (live) setState({ status: "error", message: errorMessage(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [mentorId, attempt]);

  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", ...(timeZone ? { timeZone } : {}) });
  return (
    <section className="card recent-feedback" aria-labelledby="recent-feedback-title" data-testid="recent-feedback">
      <h2 id="recent-feedback-title">What mentees say</h2>
      {state.status === "loading" ? <ListSkeleton rows={2} /> : null}
      {state.status === "error" ? <ErrorState message={state.message} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.status === "ready" && state.items.length === 0 ? (
        <EmptyState title="No written feedback yet">
          <p>Feedback from {mentorName}'s mentees appears here after their sessions.</p>
        </EmptyState>
      ) : null}
      {state.status === "ready" && state.items.length > 0 ? (
        <>
          <ul className="feedback-list">
            {state.items.map((item) => (
              <li key={item.id} className="feedback-item">
                <p className="feedback-rating">
                  <span aria-hidden="true">{"★".repeat(item.rating) + "☆".repeat(5 - item.rating)}</span>
                  <span className="sr-only">Rated {item.rating} out of 5</span>
                </p>
                <blockquote className="feedback-comment">{item.comment}</blockquote>
                <p className="muted">
                  {item.fromName} · <time dateTime={item.visibleAt.toISOString()}>{dateFormat.format(item.visibleAt)}</time>
                </p>
              </li>
            ))}
          </ul>
          {state.items.length >= FEEDBACK.recentLimit ? <p className="muted">The {FEEDBACK.recentLimit} most recent.</p> : null}
        </>
      ) : null}
    </section>
  );
}
