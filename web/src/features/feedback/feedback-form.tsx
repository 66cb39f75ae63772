import { zodResolver } from "@hookform/resolvers/zod";
import { FEEDBACK } from "@mentormatch/shared";
import { useId } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import * as z from "zod";
import { FormField } from "../../components/form-field";
import { submitFeedback } from "../../data/feedback";
import { applyFieldErrors, errorMessage } from "../../lib/error-message";

/** The form's own schema: a rating picked from five radios arrives as text, and none picked is its own message. */
const feedbackFormSchema = z.object({
  rating: z.enum(["1", "2", "3", "4", "5"], { message: "Choose a rating from 1 to 5." }),
  comment: z.string().max(FEEDBACK.commentMax, `The feedback can be at most ${FEEDBACK.commentMax} characters.`),
});
type FeedbackFormValues = z.infer<typeof feedbackFormSchema>;

export interface FeedbackFormProps {
  sessionId: string;
  /** The person being rated. */
  otherName: string;
  onSubmitted?: () => void;
}

/**
 * "Rate {name}": 1–5 stars and written feedback, once, on a completed session. The other person reads it once they
 * have left theirs, or 7 days after completion.
 */
export function FeedbackForm({ sessionId, otherName, onSubmitted }: FeedbackFormProps) {
  const titleId = useId();
  const ratingErrorId = `${titleId}-rating-error`;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FeedbackFormValues>({ resolver: zodResolver(feedbackFormSchema), defaultValues: { comment: "" } });

  const onSubmit = handleSubmit(async (values) => {
    try {
      await submitFeedback({ sessionId, rating: Number(values.rating), comment: values.comment });
      toast.success(`Thank you. ${otherName} is told there is feedback for them.`);
      onSubmitted?.();
    } catch (error) {
      if (!applyFieldErrors(error, setError, ["rating", "comment"], { onUnmatched: (message) => toast.error(message) })) toast.error(errorMessage(error));
    }
  });

  return (
    <form className="feedback-form" noValidate onSubmit={onSubmit} aria-labelledby={titleId} data-testid="feedback-form">
      <h3 id={titleId}>Rate {otherName}</h3>
      <p className="muted">
        Once sent it cannot be changed. {otherName} can read it once they have left theirs, or {FEEDBACK.revealDays} days after the session.
      </p>
      <fieldset className="field rating-picker" aria-describedby={errors.rating ? ratingErrorId : undefined} aria-invalid={errors.rating ? true : undefined}>
        <legend className="field-label">Rating</legend>
        {(["1", "2", "3", "4", "5"] as const).map((value) => (
          <label key={value}>
            <input type="radio" value={value} {...register("rating")} /> {value} {value === "1" ? "star" : "stars"}
          </label>
        ))}
        {errors.rating ? (
          <p id={ratingErrorId} className="field-error">
            {errors.rating.message}
          </p>
        ) : null}
      </fieldset>
      <FormField label="Written feedback" optional hint={`Up to ${FEEDBACK.commentMax} characters.`} error={errors.comment?.message}>
        {(field) => <textarea {...field} rows={4} {...register("comment")} />}
      </FormField>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send feedback"}
      </button>
    </form>
  );
}
