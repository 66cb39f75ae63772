import { EMAIL_KINDS, EMAIL_KIND_LABELS, type EmailKind, type EmailPrefs } from "@mentormatch/shared";
import { useEffect, useState } from "react";
import toast from "react-hot-toast";
import { useAuth, useSignedInUser } from "../../app/auth-context";
import { ListSkeleton, ErrorState } from "../../components/states";
import { usePageTitle } from "../../components/use-page-title";
import { updateEmailPrefs, watchSettings, type Settings } from "../../data/settings";
import { errorMessage } from "../../lib/error-message";
import { BlockedPeople } from "../moderation/blocked-people";
import { CalendarFeedPanel } from "./calendar-feed-panel";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "missing" } | { status: "ready"; settings: Settings };

export function SettingsPage() {
  usePageTitle("Settings");
  const user = useSignedInUser();
  const { role } = useAuth();
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState<EmailKind | null>(null);

  useEffect(
    () =>
      watchSettings(
        user.uid,
        (settings) => setState(settings ? { status: "ready", settings } : { status: "missing" }),
        (error) => setState({ status: "error", message: errorMessage(error) }),
      ),
    [user.uid, attempt],
  );

  async function toggle(kind: EmailKind, on: boolean) {
    if (state.status !== "ready") return;
    const previous = state.settings;
    const emailPrefs: EmailPrefs = { ...previous.emailPrefs, [kind]: on };
    // Show the switch moved at once; the snapshot listener confirms it, and a failure puts it back.
    setState({ status: "ready", settings: { ...previous, emailPrefs } });
    setSaving(kind);
    try {
      await updateEmailPrefs(user.uid, emailPrefs);
      toast.success(on ? `Emails on: ${EMAIL_KIND_LABELS[kind]}.` : `Emails off: ${EMAIL_KIND_LABELS[kind]}.`);
    } catch (error) {
      setState({ status: "ready", settings: previous });
      toast.error(errorMessage(error));
    } finally {
      setSaving(null);
    }
  }

  return (
    <section className="page narrow-wide" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="card">
        <h2>Account</h2>
        <dl className="kv">
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd className="capitalize">{role}</dd>
        </dl>
      </div>
      <div className="card">
        <h2 id="email-prefs-title">Email notifications</h2>
        <p className="muted">Choose which emails you get. In-app notifications always appear here in MentorMatch.</p>
        {state.status === "loading" ? (
          <ListSkeleton rows={EMAIL_KINDS.length} />
        ) : state.status === "error" ? (
          <ErrorState message={state.message} onRetry={() => setAttempt((n) => n + 1)} />
        ) : state.status === "missing" ? (
          <p className="muted" role="status">
            Your settings are still being created. They'll appear here in a moment.
          </p>
        ) : (
          <ul className="switch-list" aria-labelledby="email-prefs-title">
            {EMAIL_KINDS.map((kind) => (
              <li key={kind}>
                <label className="switch-row">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={state.settings.emailPrefs[kind]}
                    disabled={saving === kind}
                    onChange={(event) => toggle(kind, event.target.checked)}
                  />
                  <span className="switch-title">{EMAIL_KIND_LABELS[kind]}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      {role === "mentor" || role === "mentee" ? (
        <CalendarFeedPanel createdAtMs={state.status === "ready" ? state.settings.calendarFeedCreatedAtMs : state.status === "missing" ? null : undefined} />
      ) : null}
      <BlockedPeople uid={user.uid} />
    </section>
  );
}
