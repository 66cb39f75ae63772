import { zodResolver } from "@hookform/resolvers/zod";
import { SESSIONS, type MatchDoc } from "@mentormatch/shared";
import { useCallback, useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { FormField } from "../../components/form-field";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { usePageTitle } from "../../components/use-page-title";
import { bookSession, getBookableSlots, getMatchForBooking, rescheduleSession } from "../../data/sessions";
import { applyFieldErrors, callableErrorFrom, errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { bookingFormSchema, defaultBookingValues, type BookingFormValues } from "./booking-form";
import { sessionLink } from "./session-format";
import { SlotPicker, useSlotPages } from "./slot-picker";

type MatchState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; match: MatchDoc | null };

const TAKEN_CODE = "already-exists";

export function BookSessionPage() {
  usePageTitle("Book a session");
  const { matchId = "" } = useParams();
  // `?move=<sessionId>`: the same picker proposes a new time for an existing session (rescheduleSession).
  const moving = useSearchParams()[0].get("move");
  const uid = useSignedInUser().uid;
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const navigate = useNavigate();
  const [matchState, setMatchState] = useState<MatchState>({ status: "loading" });
  const [reload, setReload] = useState(0);

  const {
    register,
    handleSubmit,
    watch,
    setValue,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<BookingFormValues, unknown, ReturnType<typeof bookingFormSchema>["_zod"]["output"]>({
    resolver: zodResolver(bookingFormSchema(matchId)),
    defaultValues: defaultBookingValues(),
  });
  const durationMinutes = watch("durationMinutes");
  const startMs = watch("startMs");
  const linkMode = watch("linkMode");

  useEffect(() => {
    let cancelled = false;
    getMatchForBooking(matchId)
      .then((match) => !cancelled && setMatchState({ status: "ready", match }))
      .catch((error: unknown) => !cancelled && setMatchState({ status: "error", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, [matchId]);

  const fetchSlots = useCallback(
    (fromMs?: number) => getBookableSlots({ matchId, durationMinutes, timeZone, ...(fromMs === undefined ? {} : { fromMs }) }),
    [matchId, durationMinutes, timeZone],
  );
  const { slots, load: loadSlots, loadLater } = useSlotPages(fetchSlots);

  useEffect(() => {
    const match = matchState.status === "ready" ? matchState.match : null;
    if (match?.status === "accepted") loadSlots();
  }, [loadSlots, matchState, reload]);

  const onSubmit = handleSubmit(async (input) => {
    try {
      if (moving) {
        await rescheduleSession({ sessionId: moving, startMs: input.startMs, durationMinutes: input.durationMinutes, ...(input.agenda ? { note: input.agenda } : {}) });
        toast.success("New time proposed. You will be told when they answer.");
        navigate(sessionLink(moving));
        return;
      }
      const booked = await bookSession(input);
      toast.success("Session proposed. You will be told when they answer.");
      navigate(sessionLink(booked.sessionId));
    } catch (error) {
      const refusal = callableErrorFrom(error);
      if (refusal?.code === TAKEN_CODE) {
        // Someone else took it a moment ago: say so beside the times, show fresh ones, keep everything else.
        setValue("startMs", 0);
        loadSlots();
        setError("startMs", { type: "server", message: refusal.message }, { shouldFocus: false });
        return;
      }
      // A reschedule's reason comes back on `note`; it is typed in the agenda box.
      if (moving && callableErrorFrom(error)?.fields?.note) {
        setError("agenda", { type: "server", message: callableErrorFrom(error)!.fields!.note! });
        return;
      }
      if (!applyFieldErrors(error, setError, ["startMs", "durationMinutes", "agenda", "meetingLink"], { onUnmatched: (m) => toast.error(m) }))
        toast.error(errorMessage(error));
    }
  });

  if (matchState.status === "loading")
    return (
      <section className="page" aria-busy="true" aria-label="Book a session">
        <ListSkeleton rows={4} />
      </section>
    );
  if (matchState.status === "error")
    return (
      <section className="page" aria-label="Book a session">
        <ErrorState message={matchState.message} onRetry={() => window.location.reload()} />
      </section>
    );
  const match = matchState.match;
  if (!match || match.status !== "accepted" || !match.participants.includes(uid))
    return (
      <section className="page" aria-label="Book a session">
        <EmptyState title="You can't book here" action={<Link to="/requests" className="btn">Your matches</Link>}>
          <p>Sessions are booked within an active mentoring match. This one has ended or is not yours.</p>
        </EmptyState>
      </section>
    );

  const asMentor = match.mentorId === uid;
  const otherName = asMentor ? match.menteeName : match.mentorName;

  return (
    <section className="page book-session" aria-labelledby="book-title">
      <p>
        <Link to="/sessions">← Sessions</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id="book-title">{moving ? `Move your session with ${otherName}` : `Book a session with ${otherName}`}</h1>
          <p className="muted">
            Times are in your time zone ({timeZone.replace(/_/g, " ")}), with {otherName}'s beside them. {otherName} will be asked to accept.
          </p>
        </div>
      </div>

      <form className="card booking-form" noValidate onSubmit={onSubmit} aria-labelledby="book-title">
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
                  onChange={() => {
                    setValue("durationMinutes", minutes);
                    setValue("startMs", 0);
                    clearErrors("startMs");
                  }}
                />
                {minutes} minutes
              </label>
            ))}
          </div>
          {errors.durationMinutes ? <p className="field-error">{errors.durationMinutes.message}</p> : null}
        </fieldset>

        <fieldset className={`field slot-picker${errors.startMs ? " field-invalid" : ""}`} aria-describedby="slot-error" aria-busy={slots.status === "loading"}>
          <legend className="field-label">When?</legend>
          {errors.startMs ? (
            <p id="slot-error" className="field-error" role="alert" data-testid="slot-error">
              {errors.startMs.message}
            </p>
          ) : null}
          <SlotPicker
            slots={slots}
            selected={startMs}
            onSelect={(chosen) => {
              setValue("startMs", chosen);
              clearErrors("startMs");
            }}
            onRetry={() => setReload((n) => n + 1)}
            onLater={() => void loadLater()}
            timeZone={timeZone}
            otherName={otherName}
            showMentorZone={asMentor}
            empty={(answer) =>
              `No free ${durationMinutes}-minute times in the next ${SESSIONS.slotWindowDays} days.${answer.nextFromMs === null ? ` Ask ${otherName} in chat to find a time.` : ""}`
            }
          />
        </fieldset>

        {moving ? (
          <FormField
            label={`Note for ${otherName}`}
            optional
            hint={`Why the new time. Needed within ${SESSIONS.rescheduleCutoffHours} hours of the start.`}
            error={errors.agenda?.message}
          >
            {(props) => <textarea {...props} rows={3} {...register("agenda")} />}
          </FormField>
        ) : (
          <FormField label="Agenda" optional hint={`What you'd like to talk about (up to ${SESSIONS.agendaMax} characters).`} error={errors.agenda?.message}>
            {(props) => <textarea {...props} rows={3} {...register("agenda")} />}
          </FormField>
        )}

        {moving ? null : (
          <fieldset className="field">
            <legend className="field-label">Meeting link</legend>
            <label className="radio-row">
              <input type="radio" value="room" {...register("linkMode")} /> Create a room (a private Jitsi link, no account needed)
            </label>
            <label className="radio-row">
              <input type="radio" value="paste" {...register("linkMode")} /> Paste my own link (Zoom, Google Meet, Teams…)
            </label>
            <label className="radio-row">
              <input type="radio" value="none" {...register("linkMode")} /> Decide later in chat
            </label>
          </fieldset>
        )}
        {!moving && linkMode === "paste" ? (
          <FormField label="Your meeting link" hint="Starts with https://" error={errors.meetingLink?.message}>
            {(props) => <input {...props} type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://" {...register("meetingLink")} />}
          </FormField>
        ) : null}

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? "Sending…" : moving ? "Propose the new time" : "Propose this time"}
          </button>
          <Link to="/sessions" className="btn btn-ghost">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
