import { zodResolver } from "@hookform/resolvers/zod";
import { AVAILABILITY_LIMITS, isSchedulingTimeZone, WEEKDAYS, type Availability, type Weekday } from "@mentormatch/shared/scheduling";
import { useEffect, useMemo, useState } from "react";
import { useForm, useWatch, type UseFormGetValues, type UseFormSetValue } from "react-hook-form";
import toast from "react-hot-toast";
import { Link } from "react-router-dom";
import { useAuth, useSignedInUser } from "../../app/auth-context";
import { useSessionData } from "../../app/session-data";
import { FormField } from "../../components/form-field";
import { ListSkeleton, ErrorState } from "../../components/states";
import { TimeZoneSelect } from "../../components/time-zone-select";
import { useNow } from "../../components/use-now";
import { usePageTitle } from "../../components/use-page-title";
import { saveAvailability, watchAvailability } from "../../data/availability";
import { errorMessage } from "../../lib/error-message";
import { browserTimeZone, supportedTimeZones, timeZoneOptions } from "../auth/time-zones";
import { DateOverrides } from "./date-overrides";
import { RangeList } from "./range-list";
import {
  availabilityToForm,
  copyDay,
  defaultAvailability,
  describeMinutes,
  formToAvailability,
  localDate,
  noticeChoices,
  scheduleFormSchema,
  WEEKDAY_LABELS,
  type ScheduleForm,
  type ScheduleFormInput,
} from "./schedule-form";
import { SchedulePreview } from "./schedule-preview";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; availability: Availability | null };

export function SchedulePage() {
  usePageTitle("Schedule");
  const { role } = useAuth();
  if (role !== "mentor") {
    return (
      <section className="page narrow" aria-labelledby="schedule-title">
        <h1 id="schedule-title">Schedule</h1>
        <p className="muted">The Schedule tab is where mentors set the hours mentees can book. It is only for mentors.</p>
      </section>
    );
  }
  return <MentorSchedule />;
}

function MentorSchedule() {
  const user = useSignedInUser();
  const profileZone = useSessionData().profile?.timezone;
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  // Only the first snapshot fills the form: later ones (our own save echoing back) must not wipe edits in progress.
  useEffect(() => {
    let loaded = false;
    return watchAvailability(
      user.uid,
      (availability) => {
        if (loaded) return;
        loaded = true;
        setState({ status: "ready", availability });
      },
      (error) => setState({ status: "error", message: errorMessage(error) }),
    );
  }, [user.uid, attempt]);

  const defaultZone = isSchedulingTimeZone(profileZone) ? profileZone : browserTimeZone();

  return (
    <section className="page schedule-page" aria-labelledby="schedule-title">
      <div className="page-head">
        <div>
          <h1 id="schedule-title">Schedule</h1>
          <p className="muted">The hours mentees can book sessions with you, in your own time zone. Mentees see them in theirs.</p>
        </div>
        <Link to={`/mentors/${user.uid}`} className="btn btn-ghost">
          View public profile
        </Link>
      </div>
      {state.status === "loading" ? (
        <div className="card" role="status" aria-label="Loading your schedule">
          <ListSkeleton rows={7} />
        </div>
      ) : state.status === "error" ? (
        <ErrorState
          message={state.message}
          onRetry={() => {
            setState({ status: "loading" });
            setAttempt((n) => n + 1);
          }}
        />
      ) : (
        <ScheduleEditor mentorId={user.uid} stored={state.availability} defaultZone={defaultZone} viewerTimeZone={defaultZone} />
      )}
    </section>
  );
}

function ScheduleEditor({
  mentorId,
  stored,
  defaultZone,
  viewerTimeZone,
}: {
  mentorId: string;
  stored: Availability | null;
  defaultZone: string;
  viewerTimeZone: string;
}) {
  const now = useNow();
  const initial = useMemo(() => {
    const start = stored ?? defaultAvailability(defaultZone);
    return availabilityToForm(start, localDate(Date.now(), start.timeZone));
  }, [stored, defaultZone]);
  const zones = useMemo(() => timeZoneOptions(initial.timeZone, supportedTimeZones()).filter(isSchedulingTimeZone), [initial.timeZone]);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    clearErrors,
    getValues,
    setValue,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<ScheduleFormInput, unknown, ScheduleForm>({ resolver: zodResolver(scheduleFormSchema), defaultValues: initial });
  const [timeZone, notice] = useWatch({ control, name: ["timeZone", "minimumNoticeMinutes"] });
  const today = localDate(now.getTime(), isSchedulingTimeZone(timeZone) ? timeZone : defaultZone);

  const onSubmit = handleSubmit(
    async (values) => {
      clearErrors("root.server");
      try {
        await saveAvailability(mentorId, formToAvailability(values));
        toast.success("Schedule saved.");
        reset(values);
      } catch (error) {
        setError("root.server", { type: "server", message: errorMessage(error) });
        toast.error("Your schedule was not saved.");
      }
    },
    () => toast.error("Some fields need attention: see the messages beside them."),
  );

  return (
    <div className="schedule-layout">
      <form onSubmit={onSubmit} noValidate className="form schedule-form" aria-label="Your schedule">
        {stored === null ? (
          <p className="notice" role="status">
            You have not set a schedule yet, so mentees see no free times. Below are weekday office hours to start from: change
            them and save.
          </p>
        ) : null}

        <div className="card">
          <h2>Time zone</h2>
          <FormField label="Your schedule's time zone" hint="Your hours and date overrides are in this zone." error={errors.timeZone?.message}>
            {(props) => <TimeZoneSelect {...props} zones={zones} {...register("timeZone")} />}
          </FormField>
        </div>

        <div className="card">
          <h2 id="weekly-title">Weekly hours</h2>
          <p className="field-hint">Several ranges a day are fine. An end before the start runs past midnight.</p>
          <ul className="weekdays" aria-labelledby="weekly-title">
            {WEEKDAYS.map((day) => (
              <li key={day} className="weekday-row">
                <div className="weekday-head">
                  <h3 className="weekday-name">{WEEKDAY_LABELS[day]}</h3>
                  <CopyButton day={day} getValues={getValues} setValue={setValue} />
                </div>
                <RangeList control={control} register={register} name={`weekly.${day}`} dayLabel={WEEKDAY_LABELS[day]} emptyText="Unavailable" />
              </li>
            ))}
          </ul>
        </div>

        <div className="card">
          <h2>Date overrides</h2>
          <p className="field-hint">A day off, or different hours on one date. It replaces that date's weekly hours.</p>
          <DateOverrides control={control} register={register} today={today} />
        </div>

        <div className="card">
          <h2>Booking rules</h2>
          <div className="field-row">
            <FormField label="Minimum notice" hint="How long before a session mentees must book it." error={errors.minimumNoticeMinutes?.message}>
              {(props) => (
                <select {...props} {...register("minimumNoticeMinutes", { valueAsNumber: true })}>
                  {noticeChoices(Number(notice ?? initial.minimumNoticeMinutes)).map((minutes) => (
                    <option key={minutes} value={minutes}>
                      {describeMinutes(minutes)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              label="Booking window (days)"
              hint={`How far ahead mentees can book: ${AVAILABILITY_LIMITS.minHorizonDays} to ${AVAILABILITY_LIMITS.maxHorizonDays} days (26 weeks).`}
              error={errors.horizonDays?.message}
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  inputMode="numeric"
                  min={AVAILABILITY_LIMITS.minHorizonDays}
                  max={AVAILABILITY_LIMITS.maxHorizonDays}
                  step={1}
                  className="input-narrow"
                  {...register("horizonDays", { valueAsNumber: true })}
                />
              )}
            </FormField>
          </div>
          <FormField label="Buffer between sessions" hint="Free time kept before and after each session." error={errors.bufferMinutes?.message}>
            {(props) => (
              <select {...props} className="input-narrow-wide" {...register("bufferMinutes", { valueAsNumber: true })}>
                {AVAILABILITY_LIMITS.bufferChoices.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {minutes === 0 ? "No buffer" : `${minutes} minutes`}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>

        {errors.root?.server ? (
          <p className="form-error" role="alert">
            {errors.root.server.message}
          </p>
        ) : null}
        <div className="form-actions schedule-actions">
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save schedule"}
          </button>
          {isDirty ? <span className="muted">Unsaved changes</span> : <span className="muted">All changes saved</span>}
        </div>
      </form>
      <aside className="schedule-aside">
        <SchedulePreview control={control} viewerTimeZone={viewerTimeZone} now={now} />
      </aside>
    </div>
  );
}

/** "Copy to Mon–Fri": this day's hours onto each working day (itself included, which changes nothing). */
function CopyButton({
  day,
  getValues,
  setValue,
}: {
  day: Weekday;
  getValues: UseFormGetValues<ScheduleFormInput>;
  setValue: UseFormSetValue<ScheduleFormInput>;
}) {
  function copy() {
    const weekly = getValues("weekly") as ScheduleForm["weekly"];
    const copied = copyDay(weekly, day);
    for (const target of WEEKDAYS) {
      if (target !== day && copied[target] !== weekly[target]) setValue(`weekly.${target}`, copied[target], { shouldDirty: true, shouldValidate: true });
    }
    toast.success(`${WEEKDAY_LABELS[day]}'s hours copied to Monday–Friday.`);
  }
  return (
    <button type="button" className="btn btn-ghost btn-small" onClick={copy} aria-label={`Copy ${WEEKDAY_LABELS[day]}'s hours to Monday to Friday`}>
      Copy to Mon–Fri
    </button>
  );
}
