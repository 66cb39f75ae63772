import { zodResolver } from "@hookform/resolvers/zod";
import { inviteInputSchema } from "@mentormatch/shared";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { FormField } from "../../components/form-field";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useConfirmStep } from "../../components/use-confirm-step";
import { useNow } from "../../components/use-now";
import { useSessionData } from "../../app/session-data";
import { INVITES_SHOWN, inviteUser, revokeInvite, watchInvites, type Invite } from "../../data/invites";
import { applyFieldErrors, errorMessage } from "../../lib/error-message";
import { formatExactTime, relativeTime } from "./audit-format";
import { inviteSentMessage } from "./people-roles";

type ListState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; invites: Invite[] };

/** "Invite someone": one address at a time, and the invitations sent so far (open ones can be withdrawn). */
export function InvitePanel() {
  const listHeading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="card admin-panel" aria-labelledby="invite-title" data-testid="invite-panel">
      <h2 id="invite-title" tabIndex={-1}>
        Invite someone
      </h2>
      <p className="muted">Invited people can join even when their email address is outside your organisation's domains.</p>
      <InviteForm />
      <h3 id="invites-title" ref={listHeading} tabIndex={-1} className="admin-panel-subtitle">
        Invitations
      </h3>
      <InviteList onWithdrawn={() => listHeading.current?.focus()} />
    </section>
  );
}

function InviteForm() {
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(inviteInputSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async ({ email }) => {
    try {
      const result = await inviteUser(email);
      toast.success(inviteSentMessage(result.email, result.created));
      reset({ email: "" });
    } catch (error) {
      // "Already has an account" and bad addresses belong next to the field; anything else is a toast.
      if (!applyFieldErrors(error, setError, ["email"], { onUnmatched: (message) => toast.error(message) })) toast.error(errorMessage(error));
    }
  });

  return (
    <form className="invite-form" noValidate onSubmit={onSubmit} aria-labelledby="invite-title">
      <FormField label="Email address" error={errors.email?.message}>
        {(props) => (
          <input {...props} type="email" inputMode="email" autoComplete="off" spellCheck={false} placeholder="name@example.com" {...register("email")} />
        )}
      </FormField>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send invitation"}
      </button>
    </form>
  );
}

function InviteList({ onWithdrawn }: { onWithdrawn: () => void }) {
  const [state, setState] = useState<ListState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow();

  useEffect(
    () =>
      watchInvites(
        (invites) => setState({ status: "ready", invites }),
        (error) => {
          console.error("invites listener failed", error);
          setState({ status: "error", message: errorMessage(error) });
        },
      ),
    [attempt],
  );

  if (state.status === "loading") return <ListSkeleton rows={2} />;
  if (state.status === "error")
    return (
      <ErrorState
        message={state.message}
        onRetry={() => {
          setState({ status: "loading" });
          setAttempt((n) => n + 1);
        }}
      />
    );
  if (state.invites.length === 0)
    return (
      <EmptyState title="No invitations yet">
        <p>Invitations you send appear here until the person joins.</p>
      </EmptyState>
    );
  return (
    <>
      <ul className="invite-list" aria-labelledby="invites-title">
        {state.invites.map((invite) => (
          <InviteRow key={invite.id} invite={invite} now={now} timeZone={timeZone} onWithdrawn={onWithdrawn} />
        ))}
      </ul>
      {state.invites.length >= INVITES_SHOWN ? <p className="muted">Showing the {INVITES_SHOWN} newest invitations.</p> : null}
    </>
  );
}

function InviteRow({ invite, now, timeZone, onWithdrawn }: { invite: Invite; now: Date; timeZone?: string; onWithdrawn: () => void }) {
  // As on a person's row: focus goes to the answer, and back to the button when the question is dismissed.
  const step = useConfirmStep();
  const { phase } = step;
  const questionId = useId();

  const joined = invite.acceptedUid !== null || invite.acceptedAt !== null;
  const sent = invite.createdAt.toDate();
  const exact = formatExactTime(sent, timeZone);

  async function withdraw() {
    step.save();
    try {
      await revokeInvite(invite.email);
      toast.success(`Invitation for ${invite.email} withdrawn.`);
      // The live list drops this row; focus moves to the list's heading rather than being lost.
      onWithdrawn();
    } catch (error) {
      toast.error(errorMessage(error));
      step.close();
    }
  }

  return (
    <li className="invite-row" data-testid="invite-row">
      <div className="invite-id">
        <p className="invite-email">{invite.email}</p>
        <p className="person-meta">
          Invited by {invite.invitedByName || "an admin"}{" "}
          <time dateTime={sent.toISOString()} title={exact}>
            {relativeTime(sent, now)}
            <span className="sr-only"> ({exact})</span>
          </time>
        </p>
      </div>
      {joined ? (
        <span className="pill pill-open" data-testid="invite-status">
          Joined
        </span>
      ) : phase === "idle" ? (
        <div className="invite-actions">
          <span className="pill pill-soon" data-testid="invite-status">
            Open
          </span>
          <button ref={step.actionButton} type="button" className="btn" aria-label={`Withdraw the invitation for ${invite.email}`} onClick={step.ask}>
            Withdraw
          </button>
        </div>
      ) : (
        <div
          className="person-confirm invite-confirm"
          role="group"
          aria-labelledby={questionId}
          onKeyDown={step.onKeyDown}
        >
          <p id={questionId} className="person-question">
            Withdraw the invitation for {invite.email}?
          </p>
          <p className="person-note">They can no longer join unless their address is in your organisation's domains.</p>
          <div className="person-confirm-actions">
            <button ref={step.confirmButton} type="button" className="btn btn-primary" disabled={phase === "saving"} onClick={withdraw}>
              {phase === "saving" ? "Withdrawing…" : "Yes, withdraw"}
            </button>
            <button type="button" className="btn" disabled={phase === "saving"} onClick={step.close}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
