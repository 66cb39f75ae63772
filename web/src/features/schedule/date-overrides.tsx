import { AVAILABILITY_LIMITS, localDateSchema } from "@mentormatch/shared/scheduling";
import { useId, useState } from "react";
import { Controller, get, useFieldArray, useFormState, useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { DEFAULT_RANGE, describeLongDate, type ScheduleForm, type ScheduleFormInput } from "./schedule-form";
import { RangeList } from "./range-list";

type FormControl = Control<ScheduleFormInput, unknown, ScheduleForm>;

/**
 * Dates that differ from the weekly hours, in the mentor's calendar: pick a date, then a day off or that day's own
 * hours. Listed in date order; only today and later (saving drops the past ones).
 */
export function DateOverrides({ control, register, today }: { control: FormControl; register: UseFormRegister<ScheduleFormInput>; today: string }) {
  const id = useId();
  const { fields, insert, remove } = useFieldArray({ control, name: "overrides" });
  const overrides = useWatch({ control, name: "overrides" }) ?? [];
  const { errors } = useFormState({ control, name: "overrides" });
  const [newDate, setNewDate] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const full = fields.length >= AVAILABILITY_LIMITS.overrides;

  function add() {
    const check = localDateSchema.safeParse(newDate);
    if (!newDate) return setAddError("Choose a date first.");
    if (!check.success) return setAddError(check.error.issues[0]?.message ?? "Choose a date.");
    if (newDate < today) return setAddError("Choose today or a later date.");
    if (overrides.some((override) => override.date === newDate)) return setAddError("This date already has an override.");
    setAddError(null);
    // Kept in date order, so the list reads as a calendar.
    const at = overrides.findIndex((override) => override.date > newDate);
    insert(at === -1 ? overrides.length : at, { date: newDate, dayOff: true, ranges: [] });
    setNewDate("");
  }

  const listError = get(errors, "overrides") as { message?: string; root?: { message?: string } } | undefined;
  const overridesMessage = listError?.message ?? listError?.root?.message;

  return (
    <div className="overrides">
      <div className="override-add">
        <div className={`field${addError ? " field-invalid" : ""}`}>
          <label className="field-label" htmlFor={`${id}-date`}>
            Date
          </label>
          <input
            id={`${id}-date`}
            type="date"
            min={today}
            value={newDate}
            onChange={(event) => setNewDate(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
            aria-invalid={addError ? true : undefined}
            aria-describedby={addError ? `${id}-date-error` : `${id}-date-hint`}
          />
          {addError ? (
            <p id={`${id}-date-error`} className="field-error">
              {addError}
            </p>
          ) : (
            <p id={`${id}-date-hint`} className="field-hint">
              A date in your schedule's time zone. It starts as a day off; switch to custom hours to set that day's hours.
            </p>
          )}
        </div>
        <button type="button" className="btn" onClick={add} disabled={full}>
          Add date
        </button>
      </div>
      {overridesMessage ? <p className="field-error">{overridesMessage}</p> : null}

      {fields.length === 0 ? (
        <p className="muted">No date overrides. Every date follows your weekly hours.</p>
      ) : (
        <ul className="override-list" aria-label="Date overrides">
          {fields.map((field, index) => {
            const value = overrides[index];
            const date = value?.date ?? "";
            const label = date ? describeLongDate(date) : "Date";
            const dateError = (get(errors, `overrides.${index}.date`) as { message?: string } | undefined)?.message;
            return (
              <li key={field.id} className="override-row card-inset">
                <div className="override-head">
                  <h3 className="override-date">{label}</h3>
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => remove(index)} aria-label={`Remove the override for ${label}`}>
                    Remove
                  </button>
                </div>
                {dateError ? <p className="field-error">{dateError}</p> : null}
                <Controller
                  control={control}
                  name={`overrides.${index}.dayOff`}
                  render={({ field: dayOff }) => (
                    <fieldset className="override-kind">
                      <legend className="sr-only">{label}</legend>
                      <label className="radio-row">
                        <input type="radio" name={dayOff.name} checked={dayOff.value === true} onChange={() => dayOff.onChange(true)} onBlur={dayOff.onBlur} />
                        Day off
                      </label>
                      <label className="radio-row">
                        <input type="radio" name={dayOff.name} checked={dayOff.value === false} onChange={() => dayOff.onChange(false)} onBlur={dayOff.onBlur} />
                        Custom hours
                      </label>
                    </fieldset>
                  )}
                />
                {value && !value.dayOff ? (
                  <RangeList
                    control={control}
                    register={register}
                    name={`overrides.${index}.ranges`}
                    dayLabel={label}
                    emptyText={`No hours yet: add the hours you are free on this date (for example ${DEFAULT_RANGE.start}–${DEFAULT_RANGE.end}).`}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
