import { zodResolver } from "@hookform/resolvers/zod";
import { signUpFormSchema, type SelfServiceRole } from "@mentormatch/shared";
import { createUserWithEmailAndPassword, signOut } from "firebase/auth";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link, Navigate, useNavigate } from "react-router-dom";
import type { z } from "zod";
import { useAuth } from "../../app/auth-context";
import { FormField } from "../../components/form-field";
import { PageLoader } from "../../components/page-loader";
import { TimeZoneSelect } from "../../components/time-zone-select";
import { usePageTitle } from "../../components/use-page-title";
import { call } from "../../lib/callables";
import { errorMessage } from "../../lib/error-message";
import { auth } from "../../lib/firebase";
import { browserTimeZone, supportedTimeZones, timeZoneOptions } from "./time-zones";

/** A signed-in account without a role (registration interrupted) only needs these to finish. */
const finishSchema = signUpFormSchema.pick({ displayName: true, role: true, timezone: true });
type SignUpValues = z.input<typeof signUpFormSchema>;

const ROLE_CHOICES: { value: SelfServiceRole; title: string; text: string }[] = [
  { value: "mentee", title: "Mentee", text: "I want guidance from someone experienced." },
  { value: "mentor", title: "Mentor", text: "I want to share what I know and guide others." },
];

export function SignUpPage() {
  const { loading, user, role, refreshRole } = useAuth();
  // While our own submit runs, the auth state changes under us (signed in, then a role): don't redirect mid-flow.
  const [busy, setBusy] = useState(false);
  const finishing = Boolean(user && !role) && !busy;
  usePageTitle(finishing ? "Finish creating your account" : "Create your account");
  const navigate = useNavigate();
  const zones = useMemo(() => timeZoneOptions(browserTimeZone(), supportedTimeZones()), []);

  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignUpValues>({
    resolver: zodResolver(finishing ? (finishSchema as unknown as typeof signUpFormSchema) : signUpFormSchema),
    defaultValues: {
      displayName: user?.displayName ?? "",
      email: "",
      password: "",
      role: undefined,
      timezone: browserTimeZone(),
    },
  });

  if (loading) return <PageLoader label="Checking your session" />;
  if (user && role && !busy) return <Navigate to="/" replace />;

  const onSubmit = handleSubmit(async (values) => {
    setBusy(true);
    try {
      if (!auth.currentUser) await createUserWithEmailAndPassword(auth, values.email, values.password);
      await call("registerAccount", { role: values.role, displayName: values.displayName, timezone: values.timezone });
      // The claim is only in a fresh token; without this the guards would still see "no role".
      const newRole = await refreshRole();
      if (!newRole) throw new Error("Your account was created but the role has not arrived yet. Reload the page.");
      toast.success("Welcome to MentorMatch! Tell people a little about yourself.");
      // `busy` stays true on success: router navigations render as transitions, so clearing it here would let the
      // "already signed in" redirect to / win the race against this navigation to /profile.
      navigate("/profile", { replace: true });
    } catch (error) {
      toast.error(errorMessage(error));
      setBusy(false);
    }
  });

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
            <FormField label="Work email" error={errors.email?.message}>
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
          <button type="button" className="link-btn" onClick={() => signOut(auth)}>
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
