import { useEffect, useRef, useState } from "react";
import toast from "react-hot-toast";
import { useLocation, useNavigate } from "react-router-dom";
import { fetchLastCompletedSession, getMatchForBooking, watchUpcomingSessions, type Session } from "../../data/sessions";
import { claimNotice, parseNotified } from "../messages/message-notifications";
import { briefLines, nextReminderAt, reminderKey, remindersDue, type ReminderBrief, REMINDER_MINUTES_BEFORE } from "./reminder-due";
import { formatClock, otherPerson, sessionLink } from "./session-format";

/** Per person, shared by every tab: the reminders already shown (`reminderKey`s), so each shows once. */
const shownKey = (uid: string) => `mentormatch:session-reminders:${uid}`;
/** A page left open re-checks this often, so a reminder still comes after the computer slept through its timer. */
const RECHECK_MS = 15_000;

function readShown(uid: string): Set<string> {
  try {
    return new Set(parseNotified(localStorage.getItem(shownKey(uid))));
  } catch {
    return new Set();
  }
}

/**
 * Claims a reminder for this tab: under a Web Lock where the browser has one, so of several open tabs exactly one
 * shows it, and the marker in localStorage keeps a reload from showing it again.
 */
async function claim(uid: string, key: string): Promise<boolean> {
  const decide = () => {
    const { show, notified } = claimNotice(parseNotified(localStorage.getItem(shownKey(uid))), key);
    if (show) localStorage.setItem(shownKey(uid), JSON.stringify(notified));
    return show;
  };
  try {
    if (typeof navigator !== "undefined" && navigator.locks) return await navigator.locks.request(shownKey(uid), decide);
    return decide();
  } catch {
    // Storage unavailable (private mode): show it; this tab's own memory still keeps it to once per page.
    return true;
  }
}

/** The agenda, the last completed session's action items and the match's goals; what cannot be read is left out. */
async function loadBrief(uid: string, session: Session): Promise<ReminderBrief> {
  if (session.kind !== "match") return { agenda: session.agenda, actionItems: [], goals: [] };
  const [match, last] = await Promise.all([
    getMatchForBooking(session.matchId).catch(() => null),
    fetchLastCompletedSession(uid, session.matchId, session.startMs).catch((error: unknown) => {
      console.warn("last session for the reminder brief failed", error);
      return null;
    }),
  ]);
  return { agenda: session.agenda, actionItems: last?.actionItems ?? [], goals: match?.goals ?? [] };
}

function ReminderToast({ id, session, uid, timeZone, brief }: { id: string; session: Session; uid: string; timeZone: string; brief: ReminderBrief }) {
  const other = otherPerson(session, uid).name;
  const title = `${session.durationMinutes}-minute session with ${other}`;
  return (
    <div className="reminder-toast" data-testid="session-reminder" role="group" aria-label={`Reminder: ${title}`}>
      <p className="reminder-toast-title">
        <strong>{title}</strong>
        <span className="muted small"> starts at {formatClock(session.startMs, timeZone)}</span>
      </p>
      {briefLines(brief).map((line) => (
        <div key={line.label} className="reminder-toast-brief small">
          <span className="reminder-toast-label">{line.label}:</span>
          <ul>
            {line.items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
      {session.meetingType === "phone" && session.phone ? (
        <p className="small">
          Phone call: <a href={`tel:${session.phone.replace(/[^+0-9]/g, "")}`}>{session.phone}</a>
        </p>
      ) : session.meetingType === "in_person" && session.location ? (
        <p className="small">In person: {session.location}</p>
      ) : null}
      <div className="reminder-toast-actions">
        {session.meetingLink ? (
          <a className="btn btn-primary" href={session.meetingLink} target="_blank" rel="noopener noreferrer" data-testid="reminder-join" onClick={() => toast.dismiss(id)}>
            Join<span className="sr-only"> the session with {other} (opens in a new tab)</span>
          </a>
        ) : null}
        <a className="btn" href={sessionLink(session.id)}>
          Open session
        </a>
        <button type="button" className="btn btn-ghost" onClick={() => toast.dismiss(id)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/**
 * While the app is open in any tab: a toast 15 minutes before each of my accepted sessions, with a short brief and
 * Join, once per session per person across reloads and tabs; and a browser notification too when this tab is hidden
 * and the person allowed them. Reads only the bounded upcoming-sessions listener (one per tab).
 */
export function ReminderManager({ uid, timeZone }: { uid: string; timeZone: string }) {
  const [sessions, setSessions] = useState<Session[]>([]);
  const [tick, setTick] = useState(0);
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const zoneRef = useRef(timeZone);
  zoneRef.current = timeZone;
  const { pathname } = useLocation();
  const pathRef = useRef(pathname);
  pathRef.current = pathname;
  // What this tab has already started to show, so a re-render while claiming does not claim twice.
  const started = useRef(new Set<string>());

  useEffect(
    () =>
      watchUpcomingSessions(uid, Date.now(), setSessions, (error) => {
        // Reminders are a help, not the page: a failed listener is logged, never an error over every page.
        console.warn("reminder sessions listener failed", error);
      }),
    [uid],
  );

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), RECHECK_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const nowMs = Date.now();
    const shown = readShown(uid);
    for (const key of started.current) shown.add(key);
    for (const session of remindersDue(sessions, nowMs, shown)) {
      const key = reminderKey(session);
      started.current.add(key);
      void show(session, key);
    }
    // Wake exactly when the next one is due, not only at the next re-check.
    const next = nextReminderAt(sessions, nowMs);
    if (next === null || next - nowMs > RECHECK_MS) return;
    const timer = setTimeout(() => setTick((n) => n + 1), next - nowMs + 50);
    return () => clearTimeout(timer);

    async function show(session: Session, key: string) {
      if (!(await claim(uid, key))) return;
      const hidden = document.visibilityState === "hidden";
      // Someone already looking at this session's page has its Join in front of them: the reminder counts as seen.
      if (!hidden && pathRef.current === sessionLink(session.id)) return;
      const brief = await loadBrief(uid, session);
      const id = `session-reminder-${key}`;
      const untilStart = Math.max(session.startMs - Date.now(), 60_000);
      toast((t) => <ReminderToast id={t.id} session={session} uid={uid} timeZone={zoneRef.current} brief={brief} />, {
        id,
        duration: untilStart,
        className: "toast reminder-toast-wrap",
      });
      if (hidden && typeof Notification !== "undefined" && Notification.permission === "granted") {
        try {
          const other = otherPerson(session, uid).name;
          const notification = new Notification(`Session with ${other} in ${REMINDER_MINUTES_BEFORE} minutes`, {
            body: [`Starts at ${formatClock(session.startMs, zoneRef.current)}`, session.agenda].filter(Boolean).join(" · "),
            tag: id,
          });
          notification.onclick = () => {
            window.focus();
            navigateRef.current(sessionLink(session.id));
            notification.close();
          };
        } catch (error) {
          // Some browsers (Android Chrome) allow notifications only from a service worker; the toast is there.
          console.warn("reminder notification failed", error);
        }
      }
    }
  }, [uid, sessions, tick]);

  return null;
}
