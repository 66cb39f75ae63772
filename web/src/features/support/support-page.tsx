import { zodResolver } from "@hookform/resolvers/zod";
import { SUPPORT, appLinks, openSupportThreadInputSchema } from "@mentormatch/shared";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { FormField } from "../../components/form-field";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { openSupportThread, watchMySupportThreads, type SupportThread } from "../../data/support";
import { applyFieldErrors, errorMessage } from "../../lib/error-message";
import { SupportThreadList } from "./support-list";
import { SupportThreadView } from "./support-thread";

type ListState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; threads: SupportThread[] };

/** "Help & support" for everyone: my conversations with the programme admins, a new one, and one open. */
export function SupportPage() {
  usePageTitle("Help & support");
  const { threadId } = useParams();
  const uid = useSignedInUser().uid;
  const timeZone = useSessionData().profile?.timezone;
  const now = useNow(60_000);
  const [state, setState] = useState<ListState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const creating = threadId === "new";

  useEffect(
    () =>
      watchMySupportThreads(
        uid,
        (threads) => setState({ status: "ready", threads }),
        (error) => setState({ status: "error", message: errorMessage(error) }),
      ),
    [uid, attempt],
  );

  const openCount = state.status === "ready" ? state.threads.filter((t) => t.status === "open").length : 0;
  const atLimit = openCount >= SUPPORT.maxOpenThreads;

  return (
    <section className="page support-page" aria-labelledby="support-title">
      <div className="chat-layout" data-view={threadId ? "conversation" : "list"}>
        <div className="chat-list-pane">
          <div className="page-head">
            <h1 id="support-title">Help & support</h1>
            <p className="muted">Questions about the programme, your account or a match? Ask the programme admins here.</p>
          </div>
          <Link to={appLinks.support("new")} className="btn btn-primary support-new-btn" data-testid="support-new">
            New conversation
          </Link>
          {state.status === "loading" ? (
            <ListSkeleton rows={3} />
          ) : state.status === "error" ? (
            <ErrorState
              message={state.message}
              onRetry={() => {
                setState({ status: "loading" });
                setAttempt((n) => n + 1);
              }}
            />
          ) : state.threads.length === 0 ? (
            <EmptyState title="No conversations yet">
              <p>When you ask programme support something, the conversation appears here.</p>
            </EmptyState>
          ) : (
            <SupportThreadList
              threads={state.threads}
              side="requester"
              activeId={threadId}
              linkTo={(id) => appLinks.support(id)}
              now={now}
              timeZone={timeZone}
              label="Your support conversations"
            />
          )}
        </div>
        <div className="chat-main-pane">
          {threadId && !creating ? (
            <SupportThreadView threadId={threadId} uid={uid} backTo={appLinks.support()} timeZone={timeZone} />
          ) : (
            <NewConversation atLimit={atLimit} showBack={creating} />
          )}
        </div>
      </div>
    </section>
  );
}

function NewConversation({ atLimit, showBack }: { atLimit: boolean; showBack: boolean }) {
  const navigate = useNavigate();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(openSupportThreadInputSchema), defaultValues: { subject: "", text: "" } });

  const onSubmit = handleSubmit(async ({ subject, text }) => {
    try {
      const { threadId } = await openSupportThread(subject, text);
      toast.success("Sent. Programme support will answer here.");
      navigate(appLinks.support(threadId));
    } catch (error) {
      if (!applyFieldErrors(error, setError, ["subject", "text"], { onUnmatched: (message) => toast.error(message) })) toast.error(errorMessage(error));
    }
  });

  return (
    <section className="card support-new" aria-labelledby="support-new-title">
      {showBack ? (
        <Link to={appLinks.support()} className="conversation-back-link small">
          ← Your conversations
        </Link>
      ) : null}
      <h2 id="support-new-title">New conversation</h2>
      {atLimit ? (
        <p className="field-hint" role="note" data-testid="support-limit">
          You have {SUPPORT.maxOpenThreads} open conversations, the most at once. Add to one of them, or wait until one is closed.
        </p>
      ) : (
        <p className="muted">Programme admins read every conversation. You get a notification when they answer.</p>
      )}
      <form noValidate onSubmit={onSubmit} className="form">
        <FormField label="Subject" error={errors.subject?.message} hint={`One line, up to ${SUPPORT.subjectMax} characters.`}>
          {(props) => <input {...props} type="text" maxLength={SUPPORT.subjectMax} autoComplete="off" {...register("subject")} data-testid="support-subject" />}
        </FormField>
        <FormField label="Message" error={errors.text?.message}>
          {(props) => <textarea {...props} rows={6} maxLength={SUPPORT.messageMax} {...register("text")} data-testid="support-text" />}
        </FormField>
        <button type="submit" className="btn btn-primary" disabled={isSubmitting || atLimit} data-testid="support-send">
          {isSubmitting ? "Sending…" : "Send to programme support"}
        </button>
      </form>
    </section>
  );
}
