import { useCallback, useEffect, useRef, useState } from "react";
import toast from "react-hot-toast";
import { call } from "../../lib/callables";
import { callableErrorFrom, errorMessage } from "../../lib/error-message";
import { auth, useEmulators } from "../../lib/firebase";
import { VERIFICATION_POLL_MS, countdownText } from "./sign-up-flow";

/** Where `npm start` collects the emails the local functions send (scripts/mail-capture.mjs, MAIL_CAPTURE_PORT). */
const LOCAL_MAIL_VIEW = "http://127.0.0.1:9925/";

/** Asks Firebase for the account's current state; true once the address has been confirmed. */
async function isEmailConfirmed(): Promise<boolean> {
  const user = auth.currentUser;
  if (!user) return false;
  await user.reload();
  return user.emailVerified;
}

/**
 * "Check your inbox": the sign-up waits here for the person to open the link we emailed. It notices by itself (a
 * poll every few seconds, and whenever the tab regains focus), or when they press "I've confirmed my email";
 * `onConfirmed` then runs (by itself at most once; the button can try again after a failure). Resending is allowed once a minute, with the countdown on the button.
 */
export function CheckInbox({
  email,
  retryAfterSeconds,
  completing,
  onConfirmed,
  onSignOut,
}: {
  email: string;
  retryAfterSeconds: number;
  /** True while the page finishes the sign-up after confirmation. */
  completing: boolean;
  onConfirmed: () => void;
  onSignOut: () => void;
}) {
  const [retryAt, setRetryAt] = useState(() => Date.now() + retryAfterSeconds * 1000);
  const [now, setNow] = useState(() => Date.now());
  const [status, setStatus] = useState("");
  const [checking, setChecking] = useState(false);
  const [sending, setSending] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The poll and the focus check finish the sign-up at most once; after a failed attempt the button retries.
  const autoConfirmed = useRef(false);
  const onConfirmedRef = useRef(onConfirmed);
  useEffect(() => {
    onConfirmedRef.current = onConfirmed;
  });

  const confirm = useCallback(() => {
    setStatus("Email confirmed. Finishing your sign-up…");
    onConfirmedRef.current();
  }, []);

  // The form this replaces is gone: start screen readers and keyboards at the new heading.
  useEffect(() => headingRef.current?.focus(), []);

  const secondsLeft = Math.max(0, Math.ceil((retryAt - now) / 1000));
  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [secondsLeft > 0]); // eslint-disable-line react-hooks/exhaustive-deps -- tick only while counting down

  useEffect(() => {
    let inFlight = false;
    let stopped = false;
    const poll = async () => {
      if (inFlight || stopped || autoConfirmed.current) return;
      inFlight = true;
      try {
        if ((await isEmailConfirmed()) && !stopped && !autoConfirmed.current) {
          autoConfirmed.current = true;
          confirm();
        }
      } catch (error) {
        // Offline for a moment, or throttled: the next tick tries again.
        console.warn("checking the email verification failed", error);
      } finally {
        inFlight = false;
      }
    };
    const timer = setInterval(poll, VERIFICATION_POLL_MS);
    // Back from the email app or the link's tab: look at once rather than at the next tick.
    const onFocus = () => void poll();
    window.addEventListener("focus", onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [confirm]);

  async function checkNow() {
    setChecking(true);
    try {
      if (await isEmailConfirmed()) confirm();
      else setStatus(`We haven't seen your confirmation yet. Open the link in the email we sent to ${email}, then try again.`);
    } catch (error) {
      setStatus(errorMessage(error));
    } finally {
      setChecking(false);
    }
  }

  async function resend() {
    setSending(true);
    try {
      const result = await call("sendVerificationEmail", {});
      setRetryAt(Date.now() + result.retryAfterSeconds * 1000);
      setNow(Date.now());
      setStatus(
        result.sent
          ? `We sent a new link to ${result.email}. It can take a minute to arrive.`
          : `We sent a link a moment ago. You can ask for another in ${result.retryAfterSeconds} seconds.`,
      );
    } catch (error) {
      // "Already confirmed" (the link was opened elsewhere): carry on instead of complaining.
      if (callableErrorFrom(error)?.code === "failed-precondition" && (await isEmailConfirmed().catch(() => false))) confirm();
      else toast.error(errorMessage(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="auth-card check-inbox" aria-labelledby="inbox-title" data-testid="check-inbox">
      <div className="inbox-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="m3 7 9 6 9-6" />
        </svg>
      </div>
      <h1 id="inbox-title" ref={headingRef} tabIndex={-1}>
        Check your inbox
      </h1>
      <p>
        We sent a link to <strong className="inbox-email">{email}</strong>. Open it to confirm this address is yours, and
        your account is ready.
      </p>
      <p className="muted">
        This page carries on by itself once you've confirmed, even if you open the link in another tab. The email can
        take a minute to arrive; check your spam folder too.
      </p>
      {useEmulators ? (
        <p className="field-hint">
          Running locally? The email is in the <a href={LOCAL_MAIL_VIEW} target="_blank" rel="noreferrer">local mail view</a>.
        </p>
      ) : null}
      <p className="inbox-status" role="status" aria-live="polite" aria-atomic="true" data-testid="inbox-status">
        {completing ? "Email confirmed. Finishing your sign-up…" : status}
      </p>
      <div className="inbox-actions">
        <button type="button" className="btn btn-primary btn-block" onClick={checkNow} disabled={checking || completing}>
          {completing ? "Finishing…" : checking ? "Checking…" : "I've confirmed my email"}
        </button>
        <button type="button" className="btn btn-block" onClick={resend} disabled={secondsLeft > 0 || sending || completing}>
          {sending ? "Sending…" : secondsLeft > 0 ? `Resend email in ${countdownText(secondsLeft)}` : "Resend email"}
        </button>
      </div>
      <p className="auth-alt">
        Wrong address?{" "}
        <button type="button" className="link-btn" onClick={onSignOut} disabled={completing}>
          Sign out and use another email
        </button>
      </p>
    </section>
  );
}
