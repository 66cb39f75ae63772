import { SESSIONS } from "@mentormatch/shared";

/**
 * The short note that goes with a decline or a cancellation (a session's, a mini request's): a labelled textarea with
 * its error or its hint below, wired for screen readers. Typing may run a little past the limit so the server's
 * message, not a silent cut, says how long it may be.
 */
export function ReasonField(props: { id: string; label: string; optional: boolean; value: string; onChange: (value: string) => void; error: string | null; hint: string }) {
  const { id, error } = props;
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={`${id}-text`} className="field-label">
        {props.label}
        {props.optional ? <span className="optional"> (optional)</span> : null}
      </label>
      <textarea
        id={`${id}-text`}
        rows={2}
        value={props.value}
        maxLength={SESSIONS.noteMax + 50}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
