import { zodResolver } from "@hookform/resolvers/zod";
import { SESSIONS, sessionPrivateNoteSchema, type SessionPrivateNoteInput } from "@mentormatch/shared";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { FormField } from "../../components/form-field";
import { ErrorState, ListSkeleton } from "../../components/states";
import { getPrivateNote, savePrivateNote } from "../../data/feedback";
import { errorMessage } from "../../lib/error-message";

/** "My private notes" on a session: only the signed-in participant ever reads them (the rules say so). */
export function PrivateNotesForm({ sessionId, uid }: { sessionId: string; uid: string }) {
  const titleId = useId();
  const [state, setState] = useState<{ status: "loading" } | { status: "error"; message: string } | { status: "ready" }>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<SessionPrivateNoteInput>({ resolver: zodResolver(sessionPrivateNoteSchema), defaultValues: { text: "" } });

  useEffect(() => {
    let live = true;
    getPrivateNote(sessionId, uid).then(
      (note) => {
        if (!live) return;
        reset({ text: note?.text ?? "" });
        setState({ status: "ready" });
      },
      (error: unknown) => live && setState({ status: "error", message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [sessionId, uid, attempt, reset]);

  const onSubmit = handleSubmit(async ({ text }) => {
    try {
      await savePrivateNote(sessionId, uid, text);
      reset({ text });
      toast.success("Your private notes are saved.");
    } catch (error) {
      toast.error(errorMessage(error));
    }
  });

  return (
    <section className="private-notes" aria-labelledby={titleId}>
      <h3 id={titleId}>My private notes</h3>
      {state.status === "loading" ? <ListSkeleton rows={1} /> : null}
      {state.status === "error" ? (
        <ErrorState
          message={state.message}
          onRetry={() => {
            setState({ status: "loading" });
            setAttempt((n) => n + 1);
          }}
        />
      ) : null}
      {state.status === "ready" ? (
        <form noValidate onSubmit={onSubmit} data-testid="private-notes-form">
          <FormField label="Notes only you can see" hint={`Up to ${SESSIONS.notesMax} characters.`} error={errors.text?.message}>
            {(field) => <textarea {...field} rows={4} {...register("text")} />}
          </FormField>
          <button type="submit" className="btn" disabled={isSubmitting || !isDirty}>
            {isSubmitting ? "Saving…" : "Save notes"}
          </button>
        </form>
      ) : null}
    </section>
  );
}
