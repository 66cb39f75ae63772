import { useId, useRef, useState } from "react";
import toast from "react-hot-toast";
import { ListSkeleton } from "../../components/states";
import { useConfirmStep } from "../../components/use-confirm-step";
import { createCalendarFeed, deleteCalendarFeed } from "../../data/calendar-feed";
import { errorMessage } from "../../lib/error-message";
import { calendarFeedLinks, type CalendarFeedLinks } from "./calendar-feed-links";

/** `undefined` while the settings load; null when the feed is off. */
export type FeedState = number | null | undefined;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/**
 * Settings: the private calendar feed. The address is shown once, right after it is made (only its hash is stored);
 * after that the panel says the feed is on and offers a new address, which stops the old one, or turning it off.
 */
export function CalendarFeedPanel({ createdAtMs }: { createdAtMs: FeedState }) {
  const [fresh, setFresh] = useState<CalendarFeedLinks | null>(null);
  const [busy, setBusy] = useState<"create" | "delete" | null>(null);
  const reset = useConfirmStep();
  const off = useConfirmStep();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const on = createdAtMs !== null && createdAtMs !== undefined;

  async function make(replacing: boolean) {
    setBusy("create");
    if (replacing) reset.save();
    try {
      const feed = await createCalendarFeed();
      setFresh(calendarFeedLinks(window.location.origin, feed.path));
      toast.success(feed.replaced ? "New feed address ready. The old one no longer works." : "Calendar feed on. Subscribe to it below.");
      if (replacing) reset.close();
    } catch (error) {
      toast.error(errorMessage(error));
      if (replacing) reset.ask();
    } finally {
      setBusy(null);
    }
  }

  async function turnOff() {
    setBusy("delete");
    off.save();
    try {
      await deleteCalendarFeed();
      setFresh(null);
      toast.success("Calendar feed off. Subscribed calendars stop updating.");
      off.close();
    } catch (error) {
      toast.error(errorMessage(error));
      off.ask();
    } finally {
      setBusy(null);
    }
  }

  async function copy(links: CalendarFeedLinks) {
    try {
      await navigator.clipboard.writeText(links.https);
      toast.success("Feed address copied.");
    } catch {
      // No clipboard access (an old browser, or permission refused): select it so Ctrl+C / ⌘C copies it.
      input.current?.select();
      toast("Press Ctrl+C (⌘C on a Mac) to copy the selected address.");
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="calendar-feed-title" data-testid="calendar-feed">
      <h2 id="calendar-feed-title">Calendar feed</h2>
      <p className="muted small">
        See your MentorMatch sessions in the calendar you already use: upcoming ones and those of the last 90 days, kept up to
        date as sessions are booked, moved or cancelled (calendar apps check about once an hour). The feed shows titles, times,
        agendas and where to meet — never your notes.
      </p>
      {createdAtMs === undefined ? (
        <ListSkeleton rows={1} />
      ) : fresh ? (
        <div className="calendar-feed-fresh">
          <p role="status">
            <strong>Your private feed address.</strong> Anyone who has it can see your sessions, so keep it to yourself. It is shown
            only now; if you lose it, get a new one.
          </p>
          <label htmlFor={inputId} className="field-label">
            Feed address
          </label>
          <div className="copy-row">
            <input id={inputId} ref={input} type="text" className="grow" readOnly value={fresh.https} onFocus={(event) => event.target.select()} />
            <button type="button" className="btn" onClick={() => copy(fresh)}>
              Copy link
            </button>
          </div>
          <ul className="calendar-feed-links">
            <li>
              <a className="btn btn-primary" href={fresh.google} target="_blank" rel="noopener noreferrer">
                Subscribe in Google Calendar
              </a>
            </li>
            <li>
              <a className="btn" href={fresh.outlook} target="_blank" rel="noopener noreferrer">
                Subscribe in Outlook
              </a>
              <span className="muted small">
                {" "}
                (work or school account;{" "}
                <a href={fresh.outlookPersonal} target="_blank" rel="noopener noreferrer">
                  Outlook.com
                </a>
                )
              </span>
            </li>
            <li>
              <a className="btn" href={fresh.webcal}>
                Open in my calendar app
              </a>
              <span className="muted small"> (Apple Calendar, Outlook for desktop)</span>
            </li>
          </ul>
        </div>
      ) : on ? (
        <p role="status">
          Your calendar feed is on, since {dateFormat.format(createdAtMs)}. For your privacy its address is shown only when it is
          made: to subscribe another calendar, get a new address.
        </p>
      ) : (
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => make(false)}>
          {busy === "create" ? "Turning on…" : "Turn on calendar feed"}
        </button>
      )}
      {on && createdAtMs !== undefined ? (
        <div className="calendar-feed-actions">
          {reset.phase === "idle" ? (
            <button type="button" className="btn" ref={reset.actionButton} disabled={busy !== null} onClick={reset.ask}>
              Get a new address
            </button>
          ) : (
            <div role="group" aria-label="Get a new feed address" onKeyDown={reset.onKeyDown} className="confirm-inline">
              <p>The current address stops working at once, and calendars subscribed to it stop updating. Get a new one?</p>
              <button type="button" className="btn btn-primary" ref={reset.confirmButton} disabled={reset.phase === "saving"} onClick={() => make(true)}>
                {reset.phase === "saving" ? "Making a new address…" : "Yes, new address"}
              </button>{" "}
              <button type="button" className="btn" disabled={reset.phase === "saving"} onClick={reset.close}>
                Cancel
              </button>
            </div>
          )}
          {off.phase === "idle" ? (
            <button type="button" className="btn" ref={off.actionButton} disabled={busy !== null} onClick={off.ask}>
              Turn off
            </button>
          ) : (
            <div role="group" aria-label="Turn off the calendar feed" onKeyDown={off.onKeyDown} className="confirm-inline">
              <p>Turn the feed off? Calendars subscribed to it stop updating; sessions already there may stay until you remove the calendar.</p>
              <button type="button" className="btn btn-danger" ref={off.confirmButton} disabled={off.phase === "saving"} onClick={turnOff}>
                {off.phase === "saving" ? "Turning off…" : "Yes, turn off"}
              </button>{" "}
              <button type="button" className="btn" disabled={off.phase === "saving"} onClick={off.close}>
                Cancel
              </button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
