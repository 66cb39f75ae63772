import { zodResolver } from "@hookform/resolvers/zod";
import { MINI_MEETING_TYPES, SESSIONS, appLinks, type MiniMeetingType } from "@mentormatch/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import toast from "react-hot-toast";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { FormField } from "../../components/form-field";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { getMiniSlots, scheduleMiniSession, watchMiniRequest, type MiniRequest } from "../../data/mini-requests";
import { applyFieldErrors, callableErrorFrom, errorMessage } from "../../lib/error-message";
import { browserTimeZone } from "../auth/time-zones";
import { SlotPicker, useSlotPages } from "../sessions/slot-picker";
import { GiveBackButton } from "./mentor-request-actions";
import { describeScheduleBy } from "./mentor-format";
import { MiniRequestFacts, UrgencyBadge } from "./mini-request-facts";
import { defaultScheduleMiniValues, scheduleMiniFormSchema, type ScheduleMiniFormValues } from "./schedule-mini-form";

type RequestState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; request: MiniRequest | null };

const MEETING_LABELS: Record<MiniMeetingType, string> = { video: "Video call", phone: "Phone call", in_person: "In person" };
const TAKEN_CODE = "already-exists";

export function ScheduleMiniPage() {
  usePageTitle("Schedule a mini session");
  const { requestId = "" } = useParams();
  const uid = useSignedInUser().uid;
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  const navigate = useNavigate();
  const now = useNow(30_000);
  const [requestState, setRequestState] = useState<RequestState>({ status: "loading" });
  const [reload, setReload] = useState(0);
  // Once scheduled here the live request turns "scheduled": the page is leaving, not telling them it is not theirs.
  const scheduling = useRef(false);

  const {
    register,
    handleSubmit,
    watch,
    setValue,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<ScheduleMiniFormValues, unknown, ReturnType<typeof scheduleMiniFormSchema>["_zod"]["output"]>({
    resolver: zodResolver(scheduleMiniFormSchema(requestId)),
    defaultValues: defaultScheduleMiniValues(),
  });
  const startMs = watch("startMs");
  const meetingType = watch("meetingType");
  const videoMode = watch("videoMode");

  useEffect(
    () =>
      watchMiniRequest(
        requestId,
        (request) => setRequestState({ status: "ready", request }),
        (error) => setRequestState({ status: "error", message: errorMessage(error) }),
      ),
    [requestId],
  );

  const request = requestState.status === "ready" ? requestState.request : null;
  const mine = !!request && request.status === "claimed" && request.claimedBy === uid;

  const fetchSlots = useCallback(
    (fromMs?: number) => getMiniSlots({ requestId, timeZone, ...(fromMs === undefined ? {} : { fromMs }) }),
    [requestId, timeZone],
  );
  const { slots, load: loadSlots, loadLater } = useSlotPages(fetchSlots);

  useEffect(() => {
    if (mine) loadSlots();
  }, [mine, loadSlots, reload]);

  const onSubmit = handleSubmit(async (input) => {
    scheduling.current = true;
    try {
      const answer = await scheduleMiniSession(input);
      toast.success("Scheduled. You both have the invitation with a calendar file.");
      navigate(appLinks.session(answer.sessionId));
    } catch (error) {
      scheduling.current = false;
      const refusal = callableErrorFrom(error);
      if (refusal?.code === TAKEN_CODE) {
        // Someone booked that time a moment ago: say so beside the times, show fresh ones, keep the rest of the form.
        setValue("startMs", 0);
        loadSlots();
        setError("startMs", { type: "server", message: refusal.message }, { shouldFocus: false });
        return;
      }
      if (!applyFieldErrors(error, setError, ["startMs", "meetingType", "meetingLink", "phone", "location", "agenda"], { onUnmatched: (m) => toast.error(m) }))
        toast.error(errorMessage(error));
    }
  });

  if (requestState.status === "loading")
    return (
      <section className="page" aria-busy="true" aria-label="Schedule a mini session">
        <ListSkeleton rows={4} />
      </section>
    );
  if (requestState.status === "error")
    return (
      <section className="page" aria-label="Schedule a mini session">
        <ErrorState message={requestState.message} onRetry={() => window.location.reload()} />
      </section>
    );
  if (!request || (!mine && !scheduling.current))
    return (
      <section className="page" aria-label="Schedule a mini session">
        <EmptyState
          title={request?.status === "scheduled" && request.claimedBy === uid ? "Already scheduled" : "You can't schedule this request"}
          action={
            request?.status === "scheduled" && request.claimedBy === uid && request.sessionId ? (
              <Link to={appLinks.session(request.sessionId)} className="btn btn-primary">
                Open session
              </Link>
            ) : (
              <Link to={appLinks.miniBoard()} className="btn">
                Open requests
              </Link>
            )
          }
        >
          <p>
            {request?.status === "scheduled" && request.claimedBy === uid
              ? "This mini session has its time."
              : "Only the mentor who claimed a request schedules it, while it is claimed. It may have been given back, cancelled or taken by someone else."}
          </p>
        </EmptyState>
      </section>
    );

  const deadline = request.scheduleByMs === null ? null : describeScheduleBy(request.scheduleByMs, now.getTime());
  const student = request.studentName;

  return (
    <section className="page book-session schedule-mini" aria-labelledby="schedule-mini-title">
      <p>
        <Link to={appLinks.mini()}>← My mini sessions</Link>
      </p>
      <div className="page-head">
        <div>
          <h1 id="schedule-mini-title">Schedule “{request.title}”</h1>
          <p className="muted">
            A {request.durationMinutes}-minute session with {student}. Times are in your time zone ({timeZone.replace(/_/g, " ")}), with {student}'s beside
            them; only times inside {student}'s preferred days and hours and your own availability are offered.
          </p>
          {deadline ? (
            <p className={deadline.tone === "ok" ? "muted" : "field-error"} data-testid="mini-deadline">
              {deadline.text}
            </p>
          ) : null}
        </div>
      </div>

      <section className="card mini-summary" aria-label="The request">
        <div className="mini-card-head">
          <h2 className="mini-card-title">{request.title}</h2>
          <UrgencyBadge urgency={request.urgency} />
        </div>
        <p className="mini-card-description">{request.description}</p>
        <MiniRequestFacts request={request} timeZone={timeZone} />
        {request.specificQuestions ? (
          <p>
            <strong>Questions:</strong> {request.specificQuestions}
          </p>
        ) : null}
        {request.relevantExperience ? (
          <p>
            <strong>Experience:</strong> {request.relevantExperience}
          </p>
        ) : null}
        {request.resumeUrl || request.portfolioUrl ? (
          <p className="page-links">
            {request.resumeUrl ? (
              <a href={request.resumeUrl} target="_blank" rel="noopener noreferrer">
                Resume
              </a>
            ) : null}{" "}
            {request.portfolioUrl ? (
              <a href={request.portfolioUrl} target="_blank" rel="noopener noreferrer">
                Portfolio
              </a>
            ) : null}
          </p>
        ) : null}
      </section>

      <form className="card booking-form" noValidate onSubmit={onSubmit} aria-labelledby="schedule-mini-title">
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
            otherName={student}
            empty={(answer) => (
              <>
                No time fits both {student}'s preferred hours and your availability
                {answer.nextFromMs === null ? "." : ` in the next ${SESSIONS.slotWindowDays} days.`} Check your hours on the{" "}
                <Link to="/schedule">Schedule</Link> page, or give the request back.
              </>
            )}
          />
        </fieldset>

        <fieldset className="field">
          <legend className="field-label">How will you meet?</legend>
          <div className="segmented" role="radiogroup" aria-label="How you will meet">
            {MINI_MEETING_TYPES.map((type) => (
              <label key={type} className={`segment${meetingType === type ? " segment-on" : ""}`}>
                <input type="radio" value={type} {...register("meetingType")} />
                {MEETING_LABELS[type]}
              </label>
            ))}
          </div>
        </fieldset>

        {meetingType === "video" ? (
          <fieldset className="field">
            <legend className="field-label">Video link</legend>
            <label className="radio-row">
              <input type="radio" value="room" {...register("videoMode")} /> Create a room (a private Jitsi link, no account needed)
            </label>
            <label className="radio-row">
              <input type="radio" value="paste" {...register("videoMode")} /> Paste my own link (Zoom, Google Meet, Teams…)
            </label>
            {videoMode === "paste" ? (
              <FormField label="Your meeting link" hint="Starts with https://" error={errors.meetingLink?.message}>
                {(props) => <input {...props} type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://" {...register("meetingLink")} />}
              </FormField>
            ) : errors.meetingLink ? (
              <p className="field-error">{errors.meetingLink.message}</p>
            ) : null}
          </fieldset>
        ) : meetingType === "phone" ? (
          <FormField label="Phone number" hint={`${student} calls you on this number.`} error={errors.phone?.message}>
            {(props) => <input {...props} type="tel" inputMode="tel" autoComplete="tel" placeholder="+44 20 7946 0018" {...register("phone")} />}
          </FormField>
        ) : (
          <FormField label="Where" hint="A place you can both find, like a building and room." error={errors.location?.message}>
            {(props) => <input {...props} type="text" autoComplete="off" {...register("location")} />}
          </FormField>
        )}

        <FormField label="Agenda" optional hint={`What you will cover (up to ${SESSIONS.agendaMax} characters).`} error={errors.agenda?.message}>
          {(props) => <textarea {...props} rows={3} {...register("agenda")} />}
        </FormField>

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? "Scheduling…" : "Schedule and send the invitation"}
          </button>
          <GiveBackButton request={request} onDone={() => navigate(appLinks.mini())} />
        </div>
      </form>
    </section>
  );
}
