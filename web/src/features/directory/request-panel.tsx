import { zodResolver } from "@hookform/resolvers/zod";
import { LIMITS, requestMatchInputSchema } from "@mentormatch/shared";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link } from "react-router-dom";
import * as z from "zod";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { FormField } from "../../components/form-field";
import { useConfirmStep } from "../../components/use-confirm-step";
import { useNow } from "../../components/use-now";
import { requestMatch, watchMatchWithMentor, type Match } from "../../data/matches";
import type { Profile } from "../../data/profiles";
import { applyFieldErrors, errorMessage } from "../../lib/error-message";
import { formatExactTime } from "../admin/audit-format";
import { defaultRequestNote, describeAge, describeCharactersLeft, describeExpiry } from "../requests/match-format";
import { mentorAvailability } from "./mentor-availability";
import { withdrawRequest } from "../requests/withdraw-request";

const requestFormSchema = z.object({ message: requestMatchInputSchema.shape.message });
type RequestForm = z.input<typeof requestFormSchema>;

type MatchState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; match: Match | null };

/** A mentee's side of a mentor's profile: ask them, or see the request already made (and withdraw it). */
export function RequestPanel({ mentor }: { mentor: Profile }) {
  const uid = useSignedInUser().uid;
  const [state, setState] = useState<MatchState>({ status: "loading" });
  const [formOpen, setFormOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(
    () =>
      watchMatchWithMentor(
        uid,
        mentor.uid,
        (match) => setState({ status: "ready", match }),
        (error) => {
          console.error("match listener failed", error);
          setState({ status: "error", message: errorMessage(error) });
        },
      ),
    [uid, mentor.uid],
  );

  const match = state.status === "ready" ? state.match : null;
  const open = match?.status === "pending" || match?.status === "accepted";
  // A request that became pending closes the form (it was just sent, maybe from another tab).
  useEffect(() => {
    if (open) setFormOpen(false);
  }, [open]);

  return (
    <section className="card request-panel" aria-labelledby="request-title" data-testid="request-panel">
      <h2 id="request-title" ref={heading} tabIndex={-1}>
        Mentoring
      </h2>
      {state.status === "loading" ? (
        <p className="muted">Checking your requests…</p>
      ) : state.status === "error" ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : match?.status === "pending" ? (
        <PendingRequest match={match} onWithdrawn={() => heading.current?.focus()} />
      ) : match?.status === "accepted" ? (
        <div className="request-state" data-testid="request-state">
          <p>
            <span className="pill pill-open">Active</span> {mentor.displayName} is your mentor.
          </p>
          <Link to="/requests" className="btn">
            See your mentoring
          </Link>
        </div>
      ) : formOpen ? (
        <RequestFormView mentor={mentor} onClose={() => setFormOpen(false)} />
      ) : (
        <AskButton mentor={mentor} previous={match} onAsk={() => setFormOpen(true)} />
      )}
    </section>
  );
}

function AskButton({ mentor, previous, onAsk }: { mentor: Profile; previous: Match | null; onAsk: () => void }) {
  const availability = mentorAvailability(mentor);
  const closedNote =
    previous?.status === "declined"
      ? `${mentor.displayName} declined your last request.`
      : previous?.status === "ended"
        ? `Your mentoring with ${mentor.displayName} has ended.`
        : previous?.status === "expired"
          ? "Your last request expired without an answer."
          : null;
  return (
    <div className="request-state">
      {closedNote ? <p className="muted">{closedNote} You can ask again.</p> : null}
      {previous?.status === "declined" && previous.responseMessage ? (
        <div className="match-note">
          <p className="match-note-label">Their message</p>
          <p className="bio">{previous.responseMessage}</p>
        </div>
      ) : null}
      {availability.tone === "open" ? (
        <>
          <p>Ask {mentor.displayName} to mentor you. They'll see your note and learning goals.</p>
          <button type="button" className="btn btn-primary" onClick={onAsk}>
            Request mentoring
          </button>
        </>
      ) : (
        <p className="muted" data-testid="request-unavailable">
          {availability.tone === "closed"
            ? `${mentor.displayName} is not taking new mentees right now.`
            : `${mentor.displayName} has no open spots right now. Check back later, or find another mentor.`}
        </p>
      )}
    </div>
  );
}

function RequestFormView({ mentor, onClose }: { mentor: Profile; onClose: () => void }) {
  const { profile } = useSessionData();
  const goals = profile?.learningGoals ?? [];
  const [refusal, setRefusal] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<RequestForm>({
    resolver: zodResolver(requestFormSchema),
    defaultValues: { message: defaultRequestNote(goals, mentor.displayName) },
  });
  const length = (watch("message") ?? "").trim().length;
  useEffect(() => setFocus("message"), [setFocus]);

  const onSubmit = handleSubmit(async ({ message }) => {
    setRefusal(null);
    try {
      await requestMatch(mentor.uid, message);
      toast.success(`Request sent to ${mentor.displayName}. You'll be told when they answer.`);
    } catch (error) {
      // A problem with the note goes next to it; a refusal (full, not accepting, already asked…) above the buttons.
      if (!applyFieldErrors(error, setError, ["message"], { onUnmatched: setRefusal })) setRefusal(errorMessage(error));
    }
  });

  return (
    <form className="form request-form" noValidate onSubmit={onSubmit} aria-label={`Request mentoring from ${mentor.displayName}`}>
      <FormField
        label={`Your note to ${mentor.displayName}`}
        error={errors.message?.message}
        hint={describeCharactersLeft(length)}
      >
        {(props) => <textarea {...props} rows={6} maxLength={LIMITS.matchMessage + 50} {...register("message")} />}
      </FormField>
      {goals.length ? (
        <div>
          <p className="match-note-label">Your learning goals, shared with the request</p>
          <ul className="chips">
            {goals.map((goal) => (
              <li key={goal} className="chip">
                {goal}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted small">
          Tip: add learning goals to <Link to="/profile">your profile</Link> so mentors know what you'd like help with.
        </p>
      )}
      {refusal ? (
        <p className="form-error" role="alert" data-testid="request-refusal">
          {refusal}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Send request"}
        </button>
        <button type="button" className="btn" disabled={isSubmitting} onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function PendingRequest({ match, onWithdrawn }: { match: Match; onWithdrawn: () => void }) {
  const step = useConfirmStep();
  const { phase } = step;
  const questionId = useId();
  const now = useNow();
  const timeZone = useSessionData().profile?.timezone;
  const sent = match.requestedAt.toDate();
  const expires = match.expiresAt.toDate();

  const withdraw = () => withdrawRequest(match, step, onWithdrawn);

  return (
    <div className="request-state" data-testid="request-state">
      <p>
        <span className="pill pill-soon">Waiting for an answer</span> You asked {match.mentorName}{" "}
        <time dateTime={sent.toISOString()} title={formatExactTime(sent, timeZone)}>
          {describeAge(sent, now)}
        </time>
        . {describeExpiry(expires, now)} ({formatExactTime(expires, timeZone)}).
      </p>
      {phase === "idle" ? (
        <button ref={step.actionButton} type="button" className="btn" onClick={step.ask}>
          Cancel request
        </button>
      ) : (
        <div className="person-confirm" role="group" aria-labelledby={questionId} onKeyDown={step.onKeyDown}>
          <p id={questionId} className="person-question">
            Withdraw your request to {match.mentorName}?
          </p>
          <div className="person-confirm-actions">
            <button ref={step.confirmButton} type="button" className="btn btn-primary" disabled={phase === "saving"} onClick={withdraw}>
              {phase === "saving" ? "Withdrawing…" : "Yes, withdraw"}
            </button>
            <button type="button" className="btn" disabled={phase === "saving"} onClick={step.close}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
