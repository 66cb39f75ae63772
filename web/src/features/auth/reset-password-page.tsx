import { zodResolver } from "@hookform/resolvers/zod";
import { resetPasswordFormSchema } from "@mentormatch/shared";
import { sendPasswordResetEmail } from "firebase/auth";
import { useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link } from "react-router-dom";
import type * as z from "zod";
import { FormField } from "../../components/form-field";
import { usePageTitle } from "../../components/use-page-title";
import { errorMessage } from "../../lib/error-message";
import { auth } from "../../lib/firebase";

/** Same answer whether or not the address has an account, so this page can't be used to find out who is registered. */
const SENT = "If an account exists for that email, we've sent a link to reset your password. Check your inbox.";

export function ResetPasswordPage() {
  usePageTitle("Reset your password");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof resetPasswordFormSchema>>({ resolver: zodResolver(resetPasswordFormSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async ({ email }) => {
    try {
      await sendPasswordResetEmail(auth, email);
      setSentTo(email);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "auth/user-not-found") setSentTo(email);
      else toast.error(errorMessage(error));
    }
  });

  return (
    <section className="auth-card" aria-labelledby="reset-title">
      <h1 id="reset-title">Reset your password</h1>
      {sentTo ? (
        <div className="notice" role="status">
          <p>{SENT}</p>
        </div>
      ) : (
        <>
          <p className="muted">Enter the email you signed up with and we'll send you a link.</p>
          <form onSubmit={onSubmit} noValidate className="form">
            <FormField label="Email" error={errors.email?.message}>
              {(props) => <input {...props} type="email" autoComplete="email" inputMode="email" {...register("email")} />}
            </FormField>
            <button type="submit" className="btn btn-primary btn-block" disabled={isSubmitting}>
              {isSubmitting ? "Sending…" : "Send reset link"}
            </button>
          </form>
        </>
      )}
      <p className="auth-alt">
        <Link to="/signin">Back to sign in</Link>
      </p>
    </section>
  );
}
