import { signOut } from "firebase/auth";
import { Suspense, useEffect, useRef, useState } from "react";
import toast from "react-hot-toast";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router-dom";
import { Avatar } from "../components/avatar";
import { Icon, type IconName } from "../components/icons";
import { PageLoader } from "../components/page-loader";
import { describeUnread, formatBadgeCount } from "../features/notifications/notification-format";
import { BackgroundMessageNotifier } from "../features/messages/background-notifier";
import { browserTimeZone } from "../features/auth/time-zones";
import { ReminderManager } from "../features/sessions/reminder-manager";
import { describeUnreadMessages } from "../features/messages/chat-format";
import { describePendingRequests } from "../features/requests/match-format";
import { describeOpenSupport } from "../features/support/support-format";
import { useOpenSupportCount } from "../features/support/use-open-support-count";
import { auth } from "../lib/firebase";
import { errorMessage } from "../lib/error-message";
import { useAuth } from "./auth-context";
import { SessionDataProvider, useSessionData } from "./session-data";
import { roleChangeTracker } from "./sign-in-notice";
import { useRoleSync } from "./use-role-sync";

interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  adminOnly?: boolean;
  mentorOnly?: boolean;
}

const NAV: NavItem[] = [
  { to: "/", label: "Dashboard", icon: "dashboard" },
  { to: "/mentors", label: "Mentors", icon: "mentors" },
  { to: "/requests", label: "Requests", icon: "requests" },
  { to: "/messages", label: "Messages", icon: "messages" },
  { to: "/sessions", label: "Sessions", icon: "sessions" },
  { to: "/schedule", label: "Schedule", icon: "sessions", mentorOnly: true },
  { to: "/mini-sessions", label: "Mini sessions", icon: "mini" },
  { to: "/notifications", label: "Notifications", icon: "notifications" },
  { to: "/settings", label: "Settings", icon: "settings" },
  { to: "/support", label: "Help & support", icon: "messages" },
  { to: "/admin", label: "Admin", icon: "admin", adminOnly: true },
  { to: "/admin/analytics", label: "Analytics", icon: "dashboard", adminOnly: true },
  { to: "/admin/sessions", label: "All sessions", icon: "sessions", adminOnly: true },
  { to: "/admin/mini", label: "Mini requests", icon: "mini", adminOnly: true },
  { to: "/admin/support", label: "Support inbox", icon: "admin", adminOnly: true },
  { to: "/admin/moderation", label: "Moderation", icon: "admin", adminOnly: true },
];

const ROLE_LABELS = { mentor: "Mentor", mentee: "Mentee", admin: "Admin" } as const;

export function Shell() {
  return (
    <SessionDataProvider>
      <ShellLayout />
      <SignedInNotifier />
    </SessionDataProvider>
  );
}

/** Background-tab message notifications and the 15-minute session reminders on every signed-in page. */
function SignedInNotifier() {
  const { user, role } = useAuth();
  const timeZone = useSessionData().profile?.timezone || browserTimeZone();
  if (!user) return null;
  return (
    <>
      <BackgroundMessageNotifier uid={user.uid} />
      {role === "mentor" || role === "mentee" ? <ReminderManager uid={user.uid} timeZone={timeZone} /> : null}
    </>
  );
}

function ShellLayout() {
  const { user, role, refreshRole } = useAuth();
  const { profile, unreadCount, unreadLoaded, pendingRequestCount, unreadMessageCount } = useSessionData();
  useRoleSync(user?.uid ?? null, profile?.role, role, refreshRole);
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const firstPath = useRef(location.pathname);

  // A new page moves focus to <main>, so screen-reader and keyboard users start at the content, not the old link.
  // Filter changes only touch the query string and keep focus where the person is typing.
  useEffect(() => {
    setMenuOpen(false);
    if (location.pathname !== firstPath.current) {
      firstPath.current = location.pathname;
      mainRef.current?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [location.pathname]);

  // Opening the drawer moves focus into it; closing it by hand (Escape, ×, backdrop) returns focus to the menu
  // button once the page behind is no longer inert. Closing by following a link leaves focus to the new page.
  const restoreFocus = useRef(false);
  const closeButtonRef = useRef<HTMLButtonElement>(null);
  const closeMenu = () => {
    restoreFocus.current = true;
    setMenuOpen(false);
  };
  useEffect(() => {
    if (menuOpen) {
      closeButtonRef.current?.focus();
      const onKey = (event: KeyboardEvent) => {
        if (event.key === "Escape") {
          restoreFocus.current = true;
          setMenuOpen(false);
        }
      };
      document.addEventListener("keydown", onKey);
      return () => document.removeEventListener("keydown", onKey);
    }
    if (restoreFocus.current) {
      restoreFocus.current = false;
      menuButtonRef.current?.focus();
    }
  }, [menuOpen]);

  const name = profile?.displayName || user?.displayName || user?.email || "";
  const badge = formatBadgeCount(unreadCount);
  const requestsBadge = formatBadgeCount(pendingRequestCount);
  const messagesBadge = formatBadgeCount(unreadMessageCount);
  const openSupportCount = useOpenSupportCount(role === "admin");
  const supportBadge = formatBadgeCount(openSupportCount);

  async function handleSignOut() {
    try {
      await roleChangeTracker.signOutByHand(() => signOut(auth));
      toast.success("You're signed out.");
      navigate("/signin", { replace: true });
    } catch (error) {
      toast.error(errorMessage(error));
    }
  }

  return (
    <div className="app-layout" data-menu-open={menuOpen}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside id="sidebar" className="sidebar" aria-label="Sidebar">
        <div className="sidebar-head">
          <NavLink to="/" className="brand" aria-label="MentorMatch home">
            <span className="brand-mark" aria-hidden="true">M</span> MentorMatch
          </NavLink>
          <button ref={closeButtonRef} type="button" className="icon-btn sidebar-close" aria-label="Close menu" onClick={closeMenu}>
            <Icon name="close" />
          </button>
        </div>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV.filter((item) => (!item.adminOnly || role === "admin") && (!item.mentorOnly || role === "mentor")).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} className="nav-link">
                  <Icon name={item.icon} />
                  <span className="nav-label">{item.label}</span>
                  {item.to === "/notifications" && badge ? (
                    <>
                      <span className="badge" aria-hidden="true" data-testid="unread-badge">
                        {badge}
                      </span>
                      <span className="sr-only">, {describeUnread(unreadCount)}</span>
                    </>
                  ) : null}
                  {item.to === "/messages" && messagesBadge ? (
                    <>
                      <span className="badge" aria-hidden="true" data-testid="messages-badge">
                        {messagesBadge}
                      </span>
                      <span className="sr-only">, {describeUnreadMessages(unreadMessageCount)}</span>
                    </>
                  ) : null}
                  {item.to === "/admin/support" && supportBadge ? (
                    <>
                      <span className="badge" aria-hidden="true" data-testid="support-badge">
                        {supportBadge}
                      </span>
                      <span className="sr-only">, {describeOpenSupport(openSupportCount)}</span>
                    </>
                  ) : null}
                  {item.to === "/requests" && requestsBadge ? (
                    <>
                      <span className="badge" aria-hidden="true" data-testid="requests-badge">
                        {requestsBadge}
                      </span>
                      <span className="sr-only">, {describePendingRequests(pendingRequestCount)}</span>
                    </>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <button type="button" className="backdrop" aria-hidden="true" tabIndex={-1} onClick={closeMenu} />
      {/* While the phone drawer is open the page behind it is inert, so Tab stays inside the menu. */}
      <div className="app-main" inert={menuOpen}>
        <header className="topbar">
          <button
            ref={menuButtonRef}
            type="button"
            className="icon-btn menu-btn"
            aria-label="Open menu"
            aria-expanded={menuOpen}
            aria-controls="sidebar"
            onClick={() => setMenuOpen(true)}
          >
            <Icon name="menu" />
            {badge || requestsBadge || messagesBadge ? <span className="dot" aria-hidden="true" /> : null}
          </button>
          <span className="topbar-brand brand" aria-hidden="true">
            <span className="brand-mark">M</span>
          </span>
          <div className="topbar-spacer" />
          <NavLink to="/profile" className="user-chip" aria-label={`Your profile: ${name}`}>
            <Avatar name={name} url={profile?.avatarUrl} size="sm" />
            <span className="user-chip-text">
              <span className="user-name">{name}</span>
              {role ? <span className="user-role">{ROLE_LABELS[role]}</span> : null}
            </span>
          </NavLink>
          <button type="button" className="btn btn-ghost" onClick={handleSignOut}>
            <Icon name="logout" size={18} />
            <span className="hide-narrow">Sign out</span>
          </button>
        </header>
        <UnreadAnnouncer count={unreadLoaded ? unreadCount : null} />
        <main id="main" ref={mainRef} tabIndex={-1} className="content">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

/** Tells screen-reader users when a notification arrives, without announcing the count on every page load. */
function UnreadAnnouncer({ count }: { count: number | null }) {
  const [message, setMessage] = useState("");
  const previous = useRef<number | null>(null);
  useEffect(() => {
    if (count === null) return;
    if (previous.current !== null && count > previous.current) setMessage(`New notification. ${describeUnread(count)}.`);
    previous.current = count;
  }, [count]);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
