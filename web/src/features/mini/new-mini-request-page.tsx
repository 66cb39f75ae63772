import { zodResolver } from "@hookform/resolvers/zod";
import {
  MINI,
  MINI_SESSION_TYPES,
  MINI_SESSION_TYPE_LABELS,
  MINI_URGENCIES,
  MINI_URGENCY_LABELS,
  SESSIONS,
  appLinks,
  localDateIn,
  miniRequestInputSchema,
  normalizeTag,
  type MiniRequestFields,
  type MiniRequestInput,
} from "@mentormatch/shared";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type FieldError, type FieldErrors, type FieldPath, type Resolver } from "react-hook-form";
import toast from "react-hot-toast";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useAuth } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { FormField } from "../../components/form-field";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { TagInput } from "../../components/tag-input";
import { TimeZoneSelect } from "../../components/time-zone-select";
import { usePageTitle } from "../../components/use-page-title";
import { getMiniRequest, getMiniWaitEstimate, postMiniRequest } from "../../data/mini-requests";
import { applyFieldErrors, errorMessage } from "../../lib/error-message";
import { browserTimeZone, supportedTimeZones, timeZoneOptions } from "../auth/time-zones";
import { canEstimateWait, defaultMiniValues, describeWait, miniFormFields, rangeProblemAt, valuesFromRequest, type MiniFormValues } from "./mini-form";

type SourceState = { status: "none" } | { status: "loading" } | { status: "error"; message: string } | { status: "ready"; values: MiniFormValues | null };

/** The request form; `?from=<requestId>` ("Post again") starts it with that request's answers. */
export function NewMiniRequestPage() {
  usePageTitle("Request a mini session");
  const { role } = useAuth();
  const { profile, profileLoading } = useSessionData();
  const fromId = useSearchParams()[0].get("from");
  const [source, setSource] = useState<SourceState>(fromId ? { status: "loading" } : { status: "none" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!fromId) {
      setSource({ status: "none" });
      return;
    }
    let cancelled = false;
    setSource({ status: "loading" });
    getMiniRequest(fromId)
      .then((request) => !cancelled && setSource({ status: "ready", values: request ? valuesFromRequest(request, Date.now()) : null }))
      .catch((error: unknown) => !cancelled && setSource({ status: "error", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, [fromId, attempt]);

  if (role !== "mentee")
    return (
      <section className="page narrow-wide" aria-label="Request a mini session">
        <EmptyState title="Only mentees post mini requests" action={<Link to={appLinks.mini()} className="btn">Mini sessions</Link>}>
          <p>Mentors claim requests from the board instead.</p>
        </EmptyState>
      </section>
    );
  if (profileLoading || source.status === "loading")
    return (
      <section className="page narrow-wide" aria-busy="true" aria-label="Request a mini session">
        <ListSkeleton rows={6} />
      </section>
    );
  if (source.status === "error")
    return (
      <section className="page narrow-wide" aria-label="Request a mini session">
        <ErrorState message={source.message} onRetry={() => setAttempt((n) => n + 1)} />
      </section>
    );

  const timeZone = profile?.timezone || browserTimeZone();
  const initial = source.status === "ready" && source.values ? source.values : defaultMiniValues(timeZone, Date.now());
  // A new key per source, so "Post again" from another request starts the form over rather than keep old edits.
  return <MiniRequestForm key={fromId ?? "new"} initial={initial} copied={source.status === "ready" && source.values !== null} />;
}

const schemaResolver = zodResolver(miniRequestInputSchema);

/**
 * The shared schema plus the one check that needs the clock (the range must not start in the past in the student's
 * zone), so a past date and, say, a non-https link are both marked in the same submit.
 */
const requestResolver: Resolver<MiniRequestInput, unknown, MiniRequestFields> = async (values, context, options) => {
  const result = await schemaResolver(values, context, options);
  const problem = rangeProblemAt(values as MiniFormValues, Date.now());
  if (!problem || result.errors[problem.field]) return result;
  return {
    values: {},
    errors: { ...result.errors, [problem.field]: { type: "range", message: problem.message } } as FieldErrors<MiniRequestInput>,
  };
};

/** An array field's own message (too many, too few) or its first item's. */
function arrayError(error: unknown): string | undefined {
  if (!error) return undefined;
  const direct = (error as FieldError).message;
  if (direct) return direct;
  const root = (error as { root?: FieldError }).root?.message;
  if (root) return root;
  if (Array.isArray(error)) return (error.find((item) => item?.message) as FieldError | undefined)?.message;
  return undefined;
}

type WaitState = { status: "idle" } | { status: "loading" } | { status: "ready"; text: string } | { status: "error"; message: string };

function MiniRequestForm({ initial, copied }: { initial: MiniFormValues; copied: boolean }) {
  const navigate = useNavigate();
  const zones = useMemo(() => timeZoneOptions(initial.timezone, supportedTimeZones()), [initial.timezone]);
  const {
    register,
    control,
    handleSubmit,
    setValue,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<MiniRequestInput, unknown, MiniRequestFields>({ resolver: requestResolver, defaultValues: initial });
  const slots = useFieldArray({ control, name: "preferredTimeSlots" });
  const [sessionType, urgency, durationMinutes, description, timezone] = useWatch({
    control,
    name: ["sessionType", "urgency", "durationMinutes", "description", "timezone"],
  });
  const today = localDateIn(timezone || initial.timezone, Date.now());

  const [wait, setWait] = useState<WaitState>({ status: "idle" });
  const waitRequest = useRef(0);
  useEffect(() => {
    const mine = ++waitRequest.current;
    if (!canEstimateWait(sessionType, urgency)) {
      setWait({ status: "idle" });
      return;
    }
    setWait({ status: "loading" });
    getMiniWaitEstimate({ sessionType, urgency })
      .then((estimate) => mine === waitRequest.current && setWait({ status: "ready", text: describeWait(estimate) }))
      .catch((error: unknown) => mine === waitRequest.current && setWait({ status: "error", message: errorMessage(error) }));
  }, [sessionType, urgency]);

  const onSubmit = handleSubmit(async (values) => {
    clearErrors("root.server");
    try {
      const posted = await postMiniRequest(values);
      toast.success("Request posted. Mentors can claim it now.");
      navigate(appLinks.miniRequest(posted.requestId));
    } catch (error) {
      const known = miniFormFields(slots.fields.length) as FieldPath<MiniRequestInput>[];
      if (!applyFieldErrors(error, setError, known, { onUnmatched: (message) => toast.error(message) }))
        setError("root.server", { type: "server", message: errorMessage(error) });
    }
  });

  return (
    <section className="page narrow-wide mini-new" aria-labelledby="mini-new-title">
      <p>
        <Link to={appLinks.mini()}>← My requests</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id="mini-new-title">Request a mini session</h1>
          <p className="muted">
            One {SESSIONS.durations.join(", ").replace(/, (\d+)$/, " or $1")}-minute session with any mentor who picks it up. Open requests expire after{" "}
            {MINI.expiryDays} days.
          </p>
        </div>
      </div>
      {copied ? (
        <p className="muted" role="status">
          Your earlier answers are filled in. Check the dates, then post it again.
        </p>
      ) : null}

      <form className="form card mini-form" noValidate onSubmit={onSubmit} aria-labelledby="mini-new-title">
        <FormField label="Title" hint="A short summary, like “Mock interview for a frontend role”." error={errors.title?.message}>
          {(props) => <input {...props} type="text" maxLength={MINI.titleMax + 20} {...register("title")} />}
        </FormField>

        <div className="field-row">
          <FormField label="What kind of help?" error={errors.sessionType?.message}>
            {(props) => (
              <select {...props} {...register("sessionType")}>
                <option value="">Choose…</option>
                {MINI_SESSION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {MINI_SESSION_TYPE_LABELS[type]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="How urgent?" error={errors.urgency?.message}>
            {(props) => (
              <select {...props} {...register("urgency")}>
                {MINI_URGENCIES.map((level) => (
                  <option key={level} value={level}>
                    {MINI_URGENCY_LABELS[level]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>

        <FormField
          label="Description"
          hint={`What you need and what a good session would give you. ${description.length} / ${MINI.descriptionMax} characters.`}
          error={errors.description?.message}
        >
          {(props) => <textarea {...props} rows={5} {...register("description")} />}
        </FormField>

        <fieldset className="field">
          <legend className="field-label">How long?</legend>
          <div className="segmented" role="radiogroup" aria-label="Session length">
            {SESSIONS.durations.map((minutes) => (
              <label key={minutes} className={`segment${durationMinutes === minutes ? " segment-on" : ""}`}>
                <input
                  type="radio"
                  name="durationMinutes"
                  value={minutes}
                  checked={durationMinutes === minutes}
                  onChange={() => setValue("durationMinutes", minutes, { shouldDirty: true, shouldValidate: Boolean(errors.durationMinutes) })}
                />
                {minutes} minutes
              </label>
            ))}
          </div>
          {errors.durationMinutes ? <p className="field-error">{errors.durationMinutes.message}</p> : null}
        </fieldset>

        <fieldset className="fieldset">
          <legend>When could you meet?</legend>
          <div className="field-row">
            <FormField label="First day" error={errors.preferredDateStart?.message}>
              {(props) => <input {...props} type="date" min={today} {...register("preferredDateStart", { deps: ["preferredDateEnd"] })} />}
            </FormField>
            <FormField label="Last day" error={errors.preferredDateEnd?.message}>
              {(props) => <input {...props} type="date" min={today} {...register("preferredDateEnd", { deps: ["preferredDateStart"] })} />}
            </FormField>
          </div>
          <div className="field">
            <p className="field-label" id="mini-slots-label">
              Times of day, on any of those days
            </p>
            <p className="field-hint" id="mini-slots-hint">
              In your time zone. Each window at least 30 minutes; up to {MINI.timeSlotsMax}.
            </p>
            <ul className="mini-slots" aria-labelledby="mini-slots-label" aria-describedby="mini-slots-hint">
              {slots.fields.map((slot, index) => {
                const rowErrors = errors.preferredTimeSlots?.[index];
                const message = rowErrors?.from?.message ?? rowErrors?.to?.message;
                return (
                  <li key={slot.id} className="mini-slot" data-testid="mini-slot">
                    <label>
                      <span className="sr-only">Window {index + 1} </span>From
                      <input
                        type="time"
                        step={300}
                        aria-invalid={rowErrors?.from ? true : undefined}
                        aria-describedby={message ? `mini-slot-${index}-error` : undefined}
                        {...register(`preferredTimeSlots.${index}.from`, { deps: [`preferredTimeSlots.${index}.to`] })}
                      />
                    </label>
                    <label>
                      <span className="sr-only">Window {index + 1} </span>To
                      <input
                        type="time"
                        step={300}
                        aria-invalid={rowErrors?.to ? true : undefined}
                        aria-describedby={message ? `mini-slot-${index}-error` : undefined}
                        {...register(`preferredTimeSlots.${index}.to`)}
                      />
                    </label>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => slots.remove(index)}
                      disabled={slots.fields.length <= 1}
                      aria-label={`Remove window ${index + 1}`}
                    >
                      Remove
                    </button>
                    {message ? (
                      <p id={`mini-slot-${index}-error`} className="field-error mini-slot-error">
                        {message}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {arrayError(errors.preferredTimeSlots) && !Array.isArray(errors.preferredTimeSlots) ? (
              <p className="field-error">{arrayError(errors.preferredTimeSlots)}</p>
            ) : null}
            {slots.fields.length < MINI.timeSlotsMax ? (
              <p>
                <button type="button" className="btn btn-small" onClick={() => slots.append({ from: "09:00", to: "10:00" })}>
                  Add a time window
                </button>
              </p>
            ) : null}
          </div>
          <FormField label="Time zone" hint="The dates and times above are in this zone." error={errors.timezone?.message}>
            {(props) => <TimeZoneSelect {...props} zones={zones} {...register("timezone")} />}
          </FormField>
        </fieldset>

        <FormField label="Tags" optional hint={`Press Enter or type a comma after each one. Up to ${MINI.tagsMax}.`} error={arrayError(errors.tags)}>
          {(props) => (
            <Controller
              control={control}
              name="tags"
              render={({ field }) => (
                <TagInput
                  id={props.id}
                  describedBy={props["aria-describedby"]}
                  invalid={props["aria-invalid"]}
                  value={field.value ?? []}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  normalize={normalizeTag}
                  itemLabel="tag"
                  placeholder="e.g. react, interviews"
                />
              )}
            />
          )}
        </FormField>

        <FormField label="Relevant experience" optional error={errors.relevantExperience?.message}>
          {(props) => <textarea {...props} rows={3} {...register("relevantExperience")} />}
        </FormField>
        <FormField label="Specific questions" optional error={errors.specificQuestions?.message}>
          {(props) => <textarea {...props} rows={3} {...register("specificQuestions")} />}
        </FormField>
        <div className="field-row">
          <FormField label="Resume link" optional hint="An https:// link." error={errors.resumeUrl?.message}>
            {(props) => <input {...props} type="url" inputMode="url" placeholder="https://…" {...register("resumeUrl")} />}
          </FormField>
          <FormField label="Portfolio link" optional hint="An https:// link." error={errors.portfolioUrl?.message}>
            {(props) => <input {...props} type="url" inputMode="url" placeholder="https://…" {...register("portfolioUrl")} />}
          </FormField>
        </div>

        <p className="mini-wait muted" aria-live="polite" data-testid="mini-wait">
          {wait.status === "idle"
            ? "Choose the kind of help to see how long a claim usually takes."
            : wait.status === "loading"
              ? "Checking how long a claim usually takes…"
              : wait.status === "ready"
                ? wait.text
                : `Expected wait unavailable: ${wait.message}`}
        </p>

        {errors.root?.server ? (
          <p className="form-error" role="alert" data-testid="mini-post-error">
            {errors.root.server.message}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? "Posting…" : "Post request"}
          </button>
          <Link to={appLinks.mini()} className="btn btn-ghost">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
