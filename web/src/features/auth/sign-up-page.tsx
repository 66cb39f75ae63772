import { zodResolver } from "@hookform/resolvers/zod";
import {
  domainListText,
  planSignUpAccess,
  signUpFormSchema,
  type RegisterAccountInput,
  type SelfServiceRole,
} from "@mentormatch/shared";
import { createUserWithEmailAndPassword, signOut, type User } from "firebase/auth";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router-dom";
import type * as z from "zod";
import { useAuth } from "../../app/auth-context";
import { FormField } from "../../components/form-field";
import { PageLoader } from "../../components/page-loader";
import { ErrorState } from "../../components/states";
import { TimeZoneSelect } from "../../components/time-zone-select";
import { usePageTitle } from "../../components/use-page-title";
import { getRegistration } from "../../data/registration";
import { call } from "../../lib/callables";
import { UserFacingError, applyFieldErrors, callableErrorFrom, errorCode, errorMessage } from "../../lib/error-message";
import { auth } from "../../lib/firebase";
import { CheckInbox } from "./check-inbox";
import { WELCOME_TOAST, completeRegistration } from "./complete-registration";
import { invitedEmailFrom, sameEmail, secondsUntilResend } from "./sign-up-flow";
import { browserTimeZone, supportedTimeZones, timeZoneOptions } from "./time-zones";

/** A signed-in account without a role (registration interrupted) only needs these to finish. */
const finishSchema = signUpFormSchema.pick({ displayName: true, role: true, timezone: true });
type SignUpValues = z.input<typeof signUpFormSchema>;
/** Form fields a server message can be put next to (registerAccount's input names match the form's). */
const SERVER_FIELDS = ["role", "displayName", "timezone", "email"] as const satisfies readonly (keyof SignUpValues)[];

const ROLE_CHOICES: { value: SelfServiceRole; title: string; text: string }[] = [
  { value: "mentee", title: "Mentee", text: "I want guidance from someone experienced." },
  { value: "mentor", title: "Mentor", text: "I want to share what I know and guide others." },
];

/** A sign-up waiting for its email to be confirmed, for the account that made it. */
interface Waiting {
  uid: string;
  email: string;
  retryAfterSeconds: number;
  values: RegisterAccountInput;
}

/** What was found on file for a signed-in account without a role. */
type Resume = { uid: string; state: "loading" | "none" } | { uid: string; state: "error"; message: string };

/**
 * Which email domains may join. Asked once when the page opens; a submit waits for the answer. If it can't be had,
 * the form says nothing about domains and the server decides (registerAccount refuses the same way).
 */
function useSignUpPolicy() {
  const [domains, setDomains] = useState<string[] | null>(null);
  const request = useRef<Promise<string[]> | null>(null);
  const load = useCallback(() => {
    request.current ??= call("getSignUpPolicy", {})
      .then((policy) => policy.domains)
      .catch((error: unknown) => {
        console.warn("could not load the sign-up policy", error);
        request.current = null;
        return [];
      });
    return request.current;
  }, []);
  useEffect(() => {
    load().then(setDomains);
  }, [load]);
  return { domains, load };
}

export function SignUpPage() {
  const { loading, user, role, refreshRole } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invitedEmail = useMemo(() => invitedEmailFrom(params), [params]);
  const policy = useSignUpPolicy();
  // While our own submit or completion runs, the auth state changes under us (signed in, then a role): don't
  // redirect mid-flow. It stays true on success: router navigations render as transitions, so clearing it would
  // let the "already signed in" redirect to / win the race against the navigation to /profile.
  const [busy, setBusy] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [resume, setResume] = useState<Resume | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const resumedFor = useRef<string | null>(null);
  const completingNow = useRef(false);
  const uid = user?.uid ?? null;
  const finishing = Boolean(user && !role) && !busy;
  const waitingHere = waiting && waiting.uid === uid ? waiting : null;
  usePageTitle(waitingHere ? "Check your inbox" : finishing ? "Finish creating your account" : "Create your account");
  const zones = useMemo(() => timeZoneOptions(browserTimeZone(), supportedTimeZones()), []);

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SignUpValues>({
    resolver: zodResolver(finishing ? (finishSchema as unknown as typeof signUpFormSchema) : signUpFormSchema),
    defaultValues: {
      displayName: user?.displayName ?? "",
      email: invitedEmail ?? "",
      password: "",
      role: undefined,
      timezone: browserTimeZone(),
    },
  });

  /** The email is confirmed: register for real, then on to the profile. */
  const complete = useCallback(
    async (values: RegisterAccountInput) => {
      const current = auth.currentUser;
      if (!current || completingNow.current) return;
      completingNow.current = true;
      setBusy(true);
      setCompleting(true);
      try {
        await completeRegistration(current, values, refreshRole);
        toast.success(WELCOME_TOAST, { id: "welcome" });
        navigate("/profile", { replace: true });
      } catch (error) {
        toast.error(errorMessage(error));
        setCompleting(false);
        setBusy(false);
      } finally {
        completingNow.current = false;
      }
    },
    [navigate, refreshRole],
  );

  // A signed-in account without a role that opens this page (a reload while waiting, a sign-in after verifying):
  // its pending registration says whether to wait for the email, finish now, or ask for the choices again.
  const [resumeAttempt, setResumeAttempt] = useState(0);
  const needsResume = Boolean(user && !role && !busy && !waitingHere);
  useEffect(() => {
    if (!needsResume || !uid || resumedFor.current === uid) return;
    resumedFor.current = uid;
    setResume({ uid, state: "loading" });
    const stillHere = () => auth.currentUser?.uid === uid;
    (async () => {
      try {
        const registration = await getRegistration(uid);
        if (!stillHere()) return;
        if (!registration) return setResume({ uid, state: "none" });
        const values: RegisterAccountInput = {
          role: registration.role,
          displayName: registration.displayName,
          timezone: registration.timezone,
        };
        await auth.currentUser?.reload();
        if (!stillHere()) return;
        setResume({ uid, state: "none" });
        if (registration.status === "complete" || auth.currentUser?.emailVerified) {
          complete(values);
          return;
        }
        setWaiting({
          uid,
          email: registration.email,
          retryAfterSeconds: secondsUntilResend(registration.verificationSentAt?.toMillis() ?? null, Date.now()),
          values,
        });
      } catch (error) {
        console.error("reading the pending registration failed", error);
        if (stillHere()) setResume({ uid, state: "error", message: errorMessage(error) });
      }
    })();
  }, [needsResume, uid, complete, resumeAttempt]);

  async function startOver() {
    try {
      await signOut(auth);
      setWaiting(null);
      setResume(null);
      resumedFor.current = null;
    } catch (error) {
      toast.error(errorMessage(error));
    }
  }

  if (loading) return <PageLoader label="Checking your session" />;
  if (user && role && !busy) return <Navigate to="/" replace />;

  if (waitingHere)
    return (
      <CheckInbox
        email={waitingHere.email}
        retryAfterSeconds={waitingHere.retryAfterSeconds}
        completing={completing}
        onConfirmed={() => complete(waitingHere.values)}
        onSignOut={startOver}
      />
    );
  if (completing) return <PageLoader label="Finishing your sign-up" />;
  if (finishing && resume?.uid === uid && resume.state === "loading") return <PageLoader label="Checking your sign-up" />;
  if (finishing && resume?.uid === uid && resume.state === "error")
    return (
      <section className="auth-card" aria-labelledby="signup-title">
        <h1 id="signup-title">Finish creating your account</h1>
        <ErrorState
          message={resume.message}
          onRetry={() => {
            resumedFor.current = null;
            setResumeAttempt((n) => n + 1);
          }}
        />
      </section>
    );

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const signedIn = auth.currentUser;
    if (!signedIn) {
      // Say so before an account is made; an invitation link's own address is for the server to check.
      const access = planSignUpAccess({
        email: values.email,
        domains: await policy.load(),
        invited: sameEmail(values.email, invitedEmail),
      });
      if (!access.allowed) {
        setError("email", { type: "domain", message: access.message }, { shouldFocus: true });
        return;
      }
    }
    setBusy(true);
    let created: User | null = null;
    try {
      if (!signedIn) created = (await createUserWithEmailAndPassword(auth, values.email.trim(), values.password)).user;
    } catch (error) {
      setBusy(false);
      const code = errorCode(error);
      const field = code === "auth/email-already-in-use" || code === "auth/invalid-email" ? "email" : code === "auth/weak-password" ? "password" : null;
      if (field) setError(field, { type: "auth", message: errorMessage(error) }, { shouldFocus: true });
      else toast.error(errorMessage(error));
      return;
    }
    const input: RegisterAccountInput = { role: values.role, displayName: values.displayName, timezone: values.timezone };
    try {
      const result = await call("registerAccount", input);
      if (result.status === "verify_email") {
        const current = auth.currentUser;
        if (!current) throw new UserFacingError("You were signed out. Sign in to finish creating your account.");
        resumedFor.current = current.uid;
        setWaiting({ uid: current.uid, email: result.email, retryAfterSeconds: result.retryAfterSeconds, values: input });
        setBusy(false);
        return;
      }
      const newRole = await refreshRole();
      if (!newRole) throw new UserFacingError("Your account was created but the role has not arrived yet. Reload the page.");
      toast.success(WELCOME_TOAST, { id: "welcome" });
      navigate("/profile", { replace: true });
    } catch (error) {
      const refusal = callableErrorFrom(error);
      if (refusal?.code === "permission-denied") {
        // This address may not join: don't leave an account behind that can never get a role.
        if (created) await created.delete().catch((deleteError: unknown) => console.warn("could not remove the refused account", deleteError));
        if (auth.currentUser) setFormError(refusal.message);
        else setError("email", { type: "server", message: refusal.message }, { shouldFocus: true });
      } else if (!applyFieldErrors(error, setError, SERVER_FIELDS, { onUnmatched: (message) => toast.error(message) })) {
        toast.error(errorMessage(error));
      }
      // What is on file is known now; a finishing form stays as it is, with its messages.
      const current = auth.currentUser;
      if (current) {
        resumedFor.current = current.uid;
        setResume({ uid: current.uid, state: "none" });
      }
      setBusy(false);
    }
  });

  const domains = policy.domains ?? [];
  const emailHint =
    domains.length === 0
      ? undefined
      : invitedEmail
        ? `Use ${invitedEmail}, the address you were invited with, or your work email (${domainListText(domains)}).`
        : `Use your work email (${domainListText(domains)}).`;

  return (
    <section className="auth-card" aria-labelledby="signup-title">
      <h1 id="signup-title">{finishing ? "Finish creating your account" : "Create your account"}</h1>
      {finishing ? (
        <p className="muted">
          You're signed in as <strong>{user?.email}</strong>. Choose how you'll use MentorMatch to continue.
        </p>
      ) : (
        <p className="muted">Join your organisation's mentoring programme.</p>
      )}
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <fieldset className="role-choice" aria-describedby={errors.role ? "role-error" : undefined}>
          <legend className="field-label">I'm joining as</legend>
          <div className="role-cards">
            {ROLE_CHOICES.map((choice) => (
              <label key={choice.value} className="role-card">
                <input type="radio" value={choice.value} {...register("role")} aria-invalid={errors.role ? true : undefined} />
                <span className="role-card-body">
                  <span className="role-card-title">{choice.title}</span>
                  <span className="role-card-text">{choice.text}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.role ? (
            <p id="role-error" className="field-error">
              {errors.role.message}
            </p>
          ) : null}
        </fieldset>
        <FormField label="Full name" error={errors.displayName?.message}>
          {(props) => <input {...props} type="text" autoComplete="name" {...register("displayName")} />}
        </FormField>
        {finishing ? null : (
          <>
            <FormField label="Work email" hint={emailHint} error={errors.email?.message}>
              {(props) => <input {...props} type="email" autoComplete="email" inputMode="email" {...register("email")} />}
            </FormField>
            <FormField label="Password" hint="At least 8 characters." error={errors.password?.message}>
              {(props) => <input {...props} type="password" autoComplete="new-password" {...register("password")} />}
            </FormField>
          </>
        )}
        <FormField label="Time zone" hint="Used to show session times in your local time." error={errors.timezone?.message}>
          {(props) => <TimeZoneSelect {...props} zones={zones} {...register("timezone")} />}
        </FormField>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? "Creating your account…" : finishing ? "Finish" : "Create account"}
        </button>
      </form>
      {finishing ? (
        <p className="auth-alt">
          Not you?{" "}
          <button type="button" className="link-btn" onClick={startOver}>
            Sign out
          </button>
        </p>
      ) : (
        <p className="auth-alt">
          Already have an account? <Link to="/signin">Sign in</Link>
        </p>
      )}
    </section>
  );
}
