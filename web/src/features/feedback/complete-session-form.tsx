import { zodResolver } from "@hookform/resolvers/zod";
import { SESSIONS } from "@mentormatch/shared";
import { useId } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { FormField } from "../../components/form-field";
import { completeSession } from "../../data/feedback";
import { callableErrorFrom, errorMessage } from "../../lib/error-message";
import { completeFieldFor, completeFormDefaults, completeFormSchema, completionOpenness, toCompleteInput, type CompleteFormValues } from "./completion-form-values";

export interface CompleteSessionFormProps {
  sessionId: string;
  /** The signed-in person, and the session's mentor and times: who may complete it now. */
  uid: string;
  mentorId: string;
  otherName: string;
  endMs: number;
  durationMinutes: number;
  /** Now, from the page's clock (useNow), so the form opens when the session ends without a reload. */
  nowMs: number;
  onCompleted?: (status: "completed" | "no_show") => void;
}

/**
 * "Complete the session": attendance, the actual duration, shared notes, topics, action items and a follow-up flag.
 * Mount it on an accepted session's page; it explains itself instead when it is not (yet) the caller's turn.
 */
export function CompleteSessionForm(props: CompleteSessionFormProps) {
  const titleId = useId();
  const openness = completionOpenness({ uid: props.uid, mentorId: props.mentorId, endMs: props.endMs, nowMs: props.nowMs });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CompleteFormValues>({ resolver: zodResolver(completeFormSchema), defaultValues: completeFormDefaults(props.durationMinutes) });

  if (openness === "not-ended") return <p className="muted">You can complete this session after it ends.</p>;
  if (openness === "mentor-first")
    return (
      <p className="muted">
        The mentor completes the session first. If they have not within {SESSIONS.completeByMentorHours} hours of the end, you can.
      </p>
    );

  const onSubmit = handleSubmit(async (values) => {
    try {
      const result = await completeSession(toCompleteInput(props.sessionId, values));
      toast.success(result.status === "completed" ? "Session completed. You can now leave feedback." : `Recorded that ${props.otherName} did not attend.`);
      props.onCompleted?.(result.status);
    } catch (error) {
      const fields = callableErrorFrom(error)?.fields ?? {};
      let matched = false;
      for (const [serverField, message] of Object.entries(fields)) {
        const field = completeFieldFor(serverField);
        if (field) {
          setError(field, { type: "server", message }, { shouldFocus: !matched });
          matched = true;
        }
      }
      if (!matched) toast.error(errorMessage(error));
    }
  });

  return (
    <form className="complete-session-form" noValidate onSubmit={onSubmit} aria-labelledby={titleId} data-testid="complete-session-form">
      <h3 id={titleId}>Complete the session</h3>
      <fieldset className="field" aria-describedby={errors.otherAttended ? `${titleId}-attended-error` : undefined}>
        <legend className="field-label">Did {props.otherName} attend?</legend>
        <label>
          <input type="radio" value="yes" {...register("otherAttended")} /> Yes, we met
        </label>
        <label>
          <input type="radio" value="no" {...register("otherAttended")} /> No, they did not come
        </label>
        {errors.otherAttended ? (
          <p id={`${titleId}-attended-error`} className="field-error">
            {errors.otherAttended.message}
          </p>
        ) : null}
      </fieldset>
      <FormField label="Actual duration (minutes)" error={errors.actualMinutes?.message}>
        {(field) => <input {...field} type="number" inputMode="numeric" min={1} max={SESSIONS.actualMinutesMax} {...register("actualMinutes", { valueAsNumber: true })} />}
      </FormField>
      <FormField label="Shared notes" optional hint={`Both of you see these. Up to ${SESSIONS.notesMax} characters.`} error={errors.sharedNotes?.message}>
        {(field) => <textarea {...field} rows={5} maxLength={SESSIONS.notesMax + 100} {...register("sharedNotes")} />}
      </FormField>
      <FormField label="Topics covered" optional hint={`One per line, up to ${SESSIONS.topicsMax}.`} error={errors.topicsText?.message}>
        {(field) => <textarea {...field} rows={3} {...register("topicsText")} />}
      </FormField>
      <FormField label="Action items" optional hint={`One per line, up to ${SESSIONS.actionItemsMax}.`} error={errors.actionItemsText?.message}>
        {(field) => <textarea {...field} rows={3} {...register("actionItemsText")} />}
      </FormField>
      <label className="checkbox">
        <input type="checkbox" {...register("followUp")} /> We want a follow-up session
      </label>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Complete session"}
      </button>
    </form>
  );
}
