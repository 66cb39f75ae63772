import { zodResolver } from "@hookform/resolvers/zod";
import { signInFormSchema } from "@mentormatch/shared";
import { signInWithEmailAndPassword } from "firebase/auth";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type * as z from "zod";
import { safeNextPath } from "../../app/next-path";
import { clearSignInNotice, peekSignInNotice } from "../../app/sign-in-notice";
import { FormField } from "../../components/form-field";
import { usePageTitle } from "../../components/use-page-title";
import { errorMessage } from "../../lib/error-message";
import { auth } from "../../lib/firebase";

export function SignInPage() {
  usePageTitle("Sign in");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Why the person was signed out, when it wasn't their doing (an admin changed their role): shown once.
  const [notice] = useState(peekSignInNotice);
  useEffect(() => {
    clearSignInNotice();
    // Toasts from the session that just ended would only compete with the reason it ended.
    if (notice) toast.dismiss();
  }, [notice]);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof signInFormSchema>>({ resolver: zodResolver(signInFormSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    try {
      await signInWithEmailAndPassword(auth, email, password);
      navigate(safeNextPath(params.get("next")), { replace: true });
    } catch (error) {
      toast.error(errorMessage(error));
    }
  });

  return (
    <section className="auth-card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      {notice ? (
        <div className="notice notice-warning" role="status" data-testid="sign-in-notice">
          <p>{notice}</p>
        </div>
      ) : (
        <p className="muted">Welcome back to MentorMatch.</p>
      )}
      <form onSubmit={onSubmit} noValidate className="form">
        <FormField label="Email" error={errors.email?.message}>
          {(props) => <input {...props} type="email" autoComplete="email" inputMode="email" {...register("email")} />}
        </FormField>
        <FormField label="Password" error={errors.password?.message}>
          {(props) => <input {...props} type="password" autoComplete="current-password" {...register("password")} />}
        </FormField>
        <p className="form-aside">
          <Link to="/reset-password">Forgot your password?</Link>
        </p>
        <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="auth-alt">
        New to MentorMatch? <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}
