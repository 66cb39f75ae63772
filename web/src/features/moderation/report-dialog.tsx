import { zodResolver } from "@hookform/resolvers/zod";
import { MODERATION_LIMITS, REPORT_REASONS, REPORT_REASON_LABELS } from "@mentormatch/shared";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import * as z from "zod";
import { FormField } from "../../components/form-field";
import { reportMessage } from "../../data/moderation";
import { applyFieldErrors, errorMessage } from "../../lib/error-message";

const reportFormSchema = z.object({
  reason: z.enum(REPORT_REASONS, { message: "Choose why you are reporting this message." }),
  details: z.string().trim().max(MODERATION_LIMITS.reportDetails, `Details can be at most ${MODERATION_LIMITS.reportDetails} characters.`),
});
type ReportForm = z.input<typeof reportFormSchema>;

/** "Report" on a message from the other person: opens a modal form (reason, optional details) that files a report. */
export function ReportMessageButton({ chatId, messageId, authorName }: { chatId: string; messageId: string; authorName: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="link-btn message-report" onClick={() => setOpen(true)} data-testid="report-message">
        Report<span className="sr-only"> this message from {authorName}</span>
      </button>
      {open ? (
        <ReportDialog
          chatId={chatId}
          messageId={messageId}
          authorName={authorName}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function ReportDialog({ chatId, messageId, authorName, onClose }: { chatId: string; messageId: string; authorName: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), reason: useId(), reasonError: useId() };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReportForm>({ resolver: zodResolver(reportFormSchema), defaultValues: { details: "" } });

  // A modal <dialog>: focus moves into it, the page behind is inert, Escape closes it.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const onSubmit = handleSubmit(async ({ reason, details }) => {
    try {
      const result = await reportMessage(chatId, messageId, reason, details);
      toast.success(result.created ? "Thanks. An admin will review this message." : "You already reported this message. An admin will review it.");
      onClose();
    } catch (error) {
      if (!applyFieldErrors(error, setError, ["reason", "details"], { onUnmatched: (message) => toast.error(message) })) toast.error(errorMessage(error));
    }
  });

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={ids.title}
      onCancel={(event) => {
        event.preventDefault();
        if (!isSubmitting) onClose();
      }}
      data-testid="report-dialog"
    >
      <form noValidate onSubmit={onSubmit} className="dialog-body">
        <h2 id={ids.title} className="dialog-title">
          Report a message from {authorName}
        </h2>
        <p className="muted small">Programme admins see the message, who sent it and your reason. {authorName} is not told who reported it.</p>
        <fieldset className="field" aria-describedby={errors.reason ? ids.reasonError : undefined} aria-invalid={errors.reason ? true : undefined}>
          <legend className="field-label">Why are you reporting it?</legend>
          {REPORT_REASONS.map((reason) => (
            <label key={reason} className="radio-row">
              <input type="radio" value={reason} {...register("reason")} />
              {REPORT_REASON_LABELS[reason]}
            </label>
          ))}
          {errors.reason ? (
            <p id={ids.reasonError} className="field-error">
              {errors.reason.message}
            </p>
          ) : null}
        </fieldset>
        <FormField label="Details" optional error={errors.details?.message} hint={`Up to ${MODERATION_LIMITS.reportDetails} characters.`}>
          {(props) => <textarea {...props} rows={3} maxLength={MODERATION_LIMITS.reportDetails} {...register("details")} />}
        </FormField>
        <div className="dialog-actions">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? "Sending…" : "Send report"}
          </button>
          <button type="button" className="btn" disabled={isSubmitting} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
