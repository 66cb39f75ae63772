import type { GetBookableSlotsOutput } from "@mentormatch/shared";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { ListSkeleton } from "../../components/states";
import { errorMessage } from "../../lib/error-message";
import { mergeSlotDays } from "./booking-form";
import { describeDate, formatClock, theirTime } from "./session-format";

/**
 * The free times of a booking screen, one engine for both: booking in a match (getBookableSlots) and scheduling a
 * claimed mini request (getMiniSlots) answer the same shape, so the paging, the stale-answer guard and the picker
 * live here once.
 */
export type SlotsState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; answer: GetBookableSlotsOutput; loadingMore: boolean; moreError: string | null };

/** `fetchSlots(fromMs?)` asks for one window; a new `fetchSlots` (its inputs changed) makes `load` start over. */
export function useSlotPages(fetchSlots: (fromMs?: number) => Promise<GetBookableSlotsOutput>) {
  const [slots, setSlots] = useState<SlotsState>({ status: "loading" });
  // Answers to an older question (another duration, a reload) arrive late; only the newest ticket may set state.
  const ticket = useRef(0);

  const load = useCallback(() => {
    const mine = ++ticket.current;
    setSlots({ status: "loading" });
    fetchSlots()
      .then((answer) => mine === ticket.current && setSlots({ status: "ready", answer, loadingMore: false, moreError: null }))
      .catch((error: unknown) => mine === ticket.current && setSlots({ status: "error", message: errorMessage(error) }));
  }, [fetchSlots]);

  const loadLater = useCallback(async () => {
    if (slots.status !== "ready" || slots.answer.nextFromMs === null) return;
    const mine = ticket.current;
    const current = slots;
    setSlots({ ...current, loadingMore: true, moreError: null });
    try {
      const more = await fetchSlots(current.answer.nextFromMs!);
      if (mine !== ticket.current) return;
      setSlots({ status: "ready", answer: { ...more, days: mergeSlotDays(current.answer.days, more.days) }, loadingMore: false, moreError: null });
    } catch (error) {
      if (mine === ticket.current) setSlots({ ...current, loadingMore: false, moreError: errorMessage(error) });
    }
  }, [fetchSlots, slots]);

  return { slots, load, loadLater };
}

export interface SlotPickerProps {
  slots: SlotsState;
  selected: number;
  onSelect: (startMs: number) => void;
  onRetry: () => void;
  onLater: () => void;
  /** The viewer's zone (the days are grouped in it) and the other person's name, for "Name: 10:00" beside each time. */
  timeZone: string;
  otherName: string;
  /** What to say when no time fits in this window. */
  empty: (answer: GetBookableSlotsOutput) => ReactNode;
  /** A mentor booking from another zone than their profile's also sees the time in their schedule's zone. */
  showMentorZone?: boolean;
}

export function SlotPicker({ slots, selected, onSelect, onRetry, onLater, timeZone, otherName, empty, showMentorZone = false }: SlotPickerProps) {
  if (slots.status === "loading") return <ListSkeleton rows={3} />;
  if (slots.status === "error")
    return (
      <div role="alert">
        <p className="muted">{slots.message}</p>
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  const { answer } = slots;
  return (
    <>
      {answer.days.length === 0 ? (
        <p className="muted">{empty(answer)}</p>
      ) : (
        <div className="slot-days">
          {answer.days.map((day) => (
            <div key={day.date} className="slot-day" role="group" aria-labelledby={`day-${day.date}`}>
              <h3 id={`day-${day.date}`} className="slot-day-title">
                {describeDate(day.date)}
              </h3>
              <ul className="slot-list">
                {day.slots.map((slot) => {
                  const theirs = theirTime(slot.startMs, timeZone, answer.otherTimeZone);
                  const mentorsOwn = showMentorZone && answer.mentorTimeZone !== timeZone ? formatClock(slot.startMs, answer.mentorTimeZone) : null;
                  return (
                    <li key={slot.startMs}>
                      <label className={`slot${selected === slot.startMs ? " slot-on" : ""}`}>
                        <input type="radio" name="startMs" value={slot.startMs} checked={selected === slot.startMs} onChange={() => onSelect(slot.startMs)} />
                        <span className="slot-time">{slot.viewerTime}</span>
                        {theirs ? (
                          <span className="slot-theirs muted small">
                            {otherName}: {theirs}
                          </span>
                        ) : null}
                        {mentorsOwn ? <span className="slot-theirs muted small">your schedule: {mentorsOwn}</span> : null}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
      {answer.nextFromMs !== null ? (
        <>
          {slots.moreError ? (
            <p className="field-error" role="alert">
              {slots.moreError}
            </p>
          ) : null}
          <button type="button" className="btn" onClick={onLater} disabled={slots.loadingMore}>
            {slots.loadingMore ? "Loading…" : "Show later times"}
          </button>
        </>
      ) : null}
    </>
  );
}
