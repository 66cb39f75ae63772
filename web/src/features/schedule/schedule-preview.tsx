import { planSlots } from "@mentormatch/shared/scheduling";
import { useMemo } from "react";
import { useWatch, type Control } from "react-hook-form";
import { describeDate, formToAvailability, scheduleFormSchema, slotWindows, wallTime, type ScheduleForm, type ScheduleFormInput } from "./schedule-form";

const PREVIEW_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "Your next free times": the next week as mentees would see it, from the form as it is now (saved or not), in the
 * mentor's own zone. Busy time is not known here, so nothing is taken out for sessions already booked.
 */
export function SchedulePreview({ control, viewerTimeZone, now }: { control: Control<ScheduleFormInput, unknown, ScheduleForm>; viewerTimeZone: string; now: Date }) {
  const values = useWatch({ control });
  const nowMs = now.getTime();
  // Recomputed when the values or the minute change; a week of 15-minute starts is a few hundred at most.
  const key = JSON.stringify(values);
  const preview = useMemo(() => {
    const parsed = scheduleFormSchema.safeParse(JSON.parse(key));
    if (!parsed.success) return null;
    const days = planSlots({ nowMs, availability: formToAvailability(parsed.data), busy: [], durationMinutes: 30, viewerTimeZone });
    const until = nowMs + PREVIEW_DAYS * DAY_MS;
    return days
      .map((day) => ({ date: day.date, slots: day.slots.filter((slot) => slot.startMs < until) }))
      .filter((day) => day.slots.length > 0)
      .map((day) => ({ date: day.date, windows: slotWindows(day.slots, (endMs) => wallTime(endMs, viewerTimeZone)) }));
    // nowMs changes every minute (useNow), which is as fresh as a preview needs.
  }, [key, nowMs, viewerTimeZone]);

  return (
    <section className="card schedule-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Your next free times</h2>
      <p className="field-hint">
        The next {PREVIEW_DAYS} days as mentees could book 30-minute sessions, in {viewerTimeZone.replace(/_/g, " ")}, with your minimum notice
        applied. Sessions you already have are not taken out here; mentees never see times that are booked.
      </p>
      {preview === null ? (
        <p className="muted" role="status">
          Fix the highlighted fields to see a preview.
        </p>
      ) : preview.length === 0 ? (
        <p className="muted" role="status">
          No free times in the next {PREVIEW_DAYS} days. Add weekly hours, or check the minimum notice and date overrides.
        </p>
      ) : (
        <ul className="preview-days" data-testid="schedule-preview">
          {preview.map((day) => (
            <li key={day.date} className="preview-day">
              <span className="preview-date">{describeDate(day.date)}</span>
              <span className="preview-windows">{day.windows.map((w) => `${w.from}–${w.to}`).join(", ")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
