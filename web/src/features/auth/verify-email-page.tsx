import { applyActionCode } from "firebase/auth";
import { useEffect, useRef, useState } from "react";
import toast from "react-hot-toast";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useAuth } from "../../app/auth-context";
import { usePageTitle } from "../../components/use-page-title";
import { getRegistration } from "../../data/registration";
import { call } from "../../lib/callables";
import { callableErrorFrom, errorCode, errorMessage } from "../../lib/error-message";
import { auth } from "../../lib/firebase";
import { WELCOME_TOAST, completeRegistration } from "./complete-registration";

/**
 * A code works once, and React runs effects twice in development: every apply of one code shares one promise, so
 * the second run doesn't find the code already used and report the link as broken.
 */
const applying = new Map<string, Promise<void>>();
function applyOnce(code: string): Promise<void> {
  let promise = applying.get(code);
  if (!promise) {
    promise = applyActionCode(auth, code);
    applying.set(code, promise);
  }
  return promise;
}

const BAD_LINK_CODES = new Set(["auth/invalid-action-code", "auth/expired-action-code", "auth/missing-action-code"]);

type Phase =
  | { kind: "applying" }
  | { kind: "finishing" }
  | { kind: "signed-out" }
  | { kind: "done" }
  | { kind: "bad-link"; message: string }
  | { kind: "failed"; message: string };

/**
 * `/verify-email?oobCode=…`: the link in "Confirm your email for MentorMatch". Applies the code, then finishes the
 * sign-up when the person is signed in here (the choices they made wait in their pending registration), or asks
 * them to sign in to finish. A used or expired link says so, and a signed-in person can ask for a new one.
 */
export function VerifyEmailPage() {
  usePageTitle("Confirm your email");
  const { loading, user, role, refreshRole } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const code = params.get("oobCode") ?? "";
  const [applied, setApplied] = useState<{ code: string; error: unknown } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "applying" });
  const [sending, setSending] = useState(false);
  const decided = useRef<string | null>(null);

  useEffect(() => {
    if (!code) return;
    let current = true;
    applyOnce(code).then(
      () => current && setApplied({ code, error: null }),
      (error: unknown) => current && setApplied({ code, error: error ?? new Error("applyActionCode failed") }),
    );
    return () => {
      current = false;
    };
  }, [code]);

  // Once the code's outcome and the session are both known, decide (once per code) what comes next.
  useEffect(() => {
    if (!code) return setPhase({ kind: "bad-link", message: "This link is incomplete. Open the link from the email again, or ask for a new one." });
    if (!applied || applied.code !== code || loading || decided.current === code) return;
    decided.current = code;
    const uid = user?.uid ?? null;
    (async () => {
      if (!applied.error) {
        if (!user) return setPhase({ kind: "signed-out" });
        if (role) return setPhase({ kind: "done" });
      } else {
        const linkProblem = BAD_LINK_CODES.has(errorCode(applied.error) ?? "");
        // A used link is fine if this account is confirmed anyway (the other tab, or a second click, got there first).
        const confirmedAnyway = user && !role && linkProblem && (await user.reload().then(() => user.emailVerified, () => false));
        if (!confirmedAnyway)
          return setPhase(
            linkProblem
              ? { kind: "bad-link", message: "This link has expired or has already been used." }
              : { kind: "failed", message: errorMessage(applied.error) },
          );
      }
      // Signed in without a role: the sign-up this link confirms can finish right here.
      setPhase({ kind: "finishing" });
      try {
        const registration = await getRegistration(uid!);
        if (!registration) {
          navigate("/signup", { replace: true });
          return;
        }
        await completeRegistration(
          user!,
          { role: registration.role, displayName: registration.displayName, timezone: registration.timezone },
          refreshRole,
        );
        toast.success(WELCOME_TOAST, { id: "welcome" });
        navigate("/profile", { replace: true });
      } catch (error) {
        setPhase({ kind: "failed", message: errorMessage(error) });
      }
    })();
  }, [code, applied, loading, user, role, refreshRole, navigate]);

  async function sendNewLink() {
    setSending(true);
    try {
      const result = await call("sendVerificationEmail", {});
      toast.success(
        result.sent
          ? `We sent a new link to ${result.email}.`
          : `We sent a link a moment ago. Check your inbox, or ask again in ${result.retryAfterSeconds} seconds.`,
      );
      navigate("/signup", { replace: true });
    } catch (error) {
      // Already confirmed, or nothing pending: the sign-up page knows what to do next.
      if (callableErrorFrom(error)?.code === "failed-precondition") navigate("/signup", { replace: true });
      else toast.error(errorMessage(error));
      setSending(false);
    }
  }

  const busy = phase.kind === "applying" || phase.kind === "finishing";
  return (
    <section className="auth-card verify-card" aria-labelledby="verify-title" aria-busy={busy} data-testid="verify-email">
      <h1 id="verify-title">{phase.kind === "bad-link" || phase.kind === "failed" ? "We couldn't confirm your email" : "Confirm your email"}</h1>
      <div role="status" aria-live="polite" className="verify-status">
        {busy ? (
          <p className="verify-progress">
            <span className="spinner" aria-hidden="true" />
            {phase.kind === "applying" ? "Confirming your email…" : "Email confirmed. Finishing your sign-up…"}
          </p>
        ) : phase.kind === "signed-out" ? (
          <div className="notice">
            <p>Email confirmed. Sign in to finish joining.</p>
          </div>
        ) : phase.kind === "done" ? (
          <div className="notice">
            <p>Email confirmed. You're all set.</p>
          </div>
        ) : null}
      </div>
      {phase.kind === "bad-link" || phase.kind === "failed" ? (
        <div role="alert" className="form-error">
          <p>{phase.message}</p>
        </div>
      ) : null}
      {phase.kind === "bad-link" && user && !role ? (
        <>
          <p className="muted">We can send a new link to {user.email}. Only the newest link works.</p>
          <button type="button" className="btn btn-primary btn-block" onClick={sendNewLink} disabled={sending}>
            {sending ? "Sending…" : "Send a new link"}
          </button>
        </>
      ) : null}
      {phase.kind === "failed" && user && !role ? (
        <Link className="btn btn-primary btn-block" to="/signup">
          Continue signing up
        </Link>
      ) : null}
      {phase.kind === "signed-out" ? (
        <Link className="btn btn-primary btn-block" to="/signin?next=/signup">
          Sign in to finish joining
        </Link>
      ) : null}
      {(phase.kind === "bad-link" || phase.kind === "failed") && !user ? (
        <p className="muted">
          Sign in with the email and password you chose: if your sign-up still needs a confirmed email, you can ask for a
          new link there. <Link to="/signin?next=/signup">Sign in</Link>
        </p>
      ) : null}
      {(phase.kind === "done" || phase.kind === "bad-link" || phase.kind === "failed") && user && role ? (
        <Link className="btn btn-primary btn-block" to="/">
          Go to your dashboard
        </Link>
      ) : null}
    </section>
  );
}
