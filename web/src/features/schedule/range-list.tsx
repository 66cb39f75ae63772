import { AVAILABILITY_LIMITS, type AvailabilityRange } from "@mentormatch/shared/scheduling";
import { useId } from "react";
import { get, useFieldArray, useFormState, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import type { ScheduleForm, ScheduleFormInput } from "./schedule-form";
import { nextRange } from "./schedule-form";

export type RangeListName = `weekly.${"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun"}` | `overrides.${number}.ranges`;

type FormControl = Control<ScheduleFormInput, unknown, ScheduleForm>;

const quarterHours = (from: number, to: number) =>
  Array.from({ length: (to - from) / 15 + 1 }, (_, i) => {
    const minutes = from + i * 15;
    return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  });
// Starts are on the quarter-hour grid the slots use; a stored time off the grid is still offered, so it shows as is.
const START_TIMES = quarterHours(0, 23 * 60 + 45);
const END_TIMES = quarterHours(15, 24 * 60);

function withCurrent(times: readonly string[], current: string | undefined): string[] {
  return current && !times.includes(current) ? [...times, current].sort() : [...times];
}

/** An array field's own message (too many, overlapping), which the resolver puts on the array or its `root`. */
function listError(error: unknown): string | undefined {
  if (!error) return undefined;
  return (error as { message?: string }).message || (error as { root?: { message?: string } }).root?.message;
}

/**
 * The hours of one day (a weekday or a date override): each range as two selects, add and remove. Labels carry the
 * day and the range number for screen readers; the visible layout is "09:00 – 17:00".
 */
export function RangeList({
  control,
  register,
  name,
  dayLabel,
  emptyText,
}: {
  control: FormControl;
  register: UseFormRegister<ScheduleFormInput>;
  name: RangeListName;
  dayLabel: string;
  emptyText: string;
}) {
  const id = useId();
  const { fields, append, remove } = useFieldArray({ control, name });
  const { errors } = useFormState({ control, name });
  // The current values (the field array's own copy is only refreshed by its own add and remove).
  const current = (useWatch({ control, name }) ?? []) as AvailabilityRange[];
  const dayError = listError(get(errors, name));
  const full = fields.length >= AVAILABILITY_LIMITS.rangesPerDay;

  return (
    <div className="range-list">
      {fields.length === 0 ? <p className="muted range-empty">{emptyText}</p> : null}
      <ul className="ranges" aria-label={`${dayLabel} hours`}>
        {fields.map((field, index) => {
          const range = current[index];
          const startError = (get(errors, `${name}.${index}.start`) as { message?: string } | undefined)?.message;
          const endError = (get(errors, `${name}.${index}.end`) as { message?: string } | undefined)?.message;
          const errorId = `${id}-${index}-error`;
          const invalid = Boolean(startError || endError);
          return (
            <li key={field.id} className="range-row">
              <label className="sr-only" htmlFor={`${id}-${index}-start`}>
                {dayLabel}, range {index + 1}, from
              </label>
              <select
                id={`${id}-${index}-start`}
                className="time-select"
                aria-invalid={startError ? true : undefined}
                aria-describedby={invalid ? errorId : undefined}
                {...register(`${name}.${index}.start`)}
              >
                {withCurrent(START_TIMES, range?.start).map((time) => (
                  <option key={time} value={time}>
                    {time}
                  </option>
                ))}
              </select>
              <span aria-hidden="true">–</span>
              <label className="sr-only" htmlFor={`${id}-${index}-end`}>
                {dayLabel}, range {index + 1}, to
              </label>
              <select
                id={`${id}-${index}-end`}
                className="time-select"
                aria-invalid={endError ? true : undefined}
                aria-describedby={invalid ? errorId : undefined}
                {...register(`${name}.${index}.end`)}
              >
                {withCurrent(END_TIMES, range?.end).map((time) => (
                  <option key={time} value={time}>
                    {time === "24:00" ? "24:00 (midnight)" : time}
                  </option>
                ))}
              </select>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => remove(index)} aria-label={`Remove ${dayLabel} range ${index + 1}`}>
                Remove
              </button>
              {invalid ? (
                <p id={errorId} className="field-error range-error">
                  {startError ?? endError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {dayError ? (
        <p className="field-error" role="alert">
          {dayLabel}: {dayError}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost btn-small"
        disabled={full}
        onClick={() => append(nextRange(current))}
        aria-label={`Add hours on ${dayLabel}`}
      >
        + Add hours
      </button>
      {full ? <span className="field-hint"> Up to {AVAILABILITY_LIMITS.rangesPerDay} ranges a day.</span> : null}
    </div>
  );
}
