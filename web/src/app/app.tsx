import { lazy, Suspense } from "react";
import { Toaster } from "react-hot-toast";
import { Route, Routes } from "react-router-dom";
import { PageLoader } from "../components/page-loader";
import { PublicLayout } from "./public-layout";
import { RedirectIfSignedIn, RequireAuth, RequireRole } from "./guards";

// Every page is its own chunk; the signed-in shell carries Firestore, so a signed-out visitor never downloads it.
const Shell = lazy(() => import("./shell").then((m) => ({ default: m.Shell })));
const SignInPage = lazy(() => import("../features/auth/sign-in-page").then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import("../features/auth/sign-up-page").then((m) => ({ default: m.SignUpPage })));
const VerifyEmailPage = lazy(() => import("../features/auth/verify-email-page").then((m) => ({ default: m.VerifyEmailPage })));
const ResetPasswordPage = lazy(() => import("../features/auth/reset-password-page").then((m) => ({ default: m.ResetPasswordPage })));
const DashboardPage = lazy(() => import("../features/dashboard/dashboard-page").then((m) => ({ default: m.DashboardPage })));
const ProfileEditPage = lazy(() => import("../features/profile/profile-edit-page").then((m) => ({ default: m.ProfileEditPage })));
const DirectoryPage = lazy(() => import("../features/directory/directory-page").then((m) => ({ default: m.DirectoryPage })));
const MentorProfilePage = lazy(() => import("../features/directory/mentor-profile-page").then((m) => ({ default: m.MentorProfilePage })));
const NotificationsPage = lazy(() => import("../features/notifications/notifications-page").then((m) => ({ default: m.NotificationsPage })));
const SettingsPage = lazy(() => import("../features/settings/settings-page").then((m) => ({ default: m.SettingsPage })));
const AdminPage = lazy(() => import("../features/admin/admin-page").then((m) => ({ default: m.AdminPage })));
const PeoplePage = lazy(() => import("../features/admin/people-page").then((m) => ({ default: m.PeoplePage })));
const AnalyticsPage = lazy(() => import("../features/analytics/analytics-page").then((m) => ({ default: m.AnalyticsPage })));
const AdminSessionsPage = lazy(() => import("../features/admin-sessions/admin-sessions-page").then((m) => ({ default: m.AdminSessionsPage })));
const AdminMiniPage = lazy(() => import("../features/admin-mini/admin-mini-page").then((m) => ({ default: m.AdminMiniPage })));
const ModerationPage = lazy(() => import("../features/moderation/moderation-page").then((m) => ({ default: m.ModerationPage })));
const RequestsPage = lazy(() => import("../features/requests/requests-page").then((m) => ({ default: m.RequestsPage })));
const MessagesPage = lazy(() => import("../features/messages/messages-page").then((m) => ({ default: m.MessagesPage })));
const SchedulePage = lazy(() => import("../features/schedule/schedule-page").then((m) => ({ default: m.SchedulePage })));
const SupportPage = lazy(() => import("../features/support/support-page").then((m) => ({ default: m.SupportPage })));
const AdminSupportPage = lazy(() => import("../features/support/admin-support-page").then((m) => ({ default: m.AdminSupportPage })));
const SessionsPage = lazy(() => import("../features/sessions/sessions-page").then((m) => ({ default: m.SessionsPage })));
const SessionDetailPage = lazy(() => import("../features/sessions/session-detail-page").then((m) => ({ default: m.SessionDetailPage })));
const BookSessionPage = lazy(() => import("../features/sessions/book-session-page").then((m) => ({ default: m.BookSessionPage })));
const MiniBoardPage = lazy(() => import("../features/mini/mini-board-page").then((m) => ({ default: m.MiniBoardPage })));
const ScheduleMiniPage = lazy(() => import("../features/mini/schedule-mini-page").then((m) => ({ default: m.ScheduleMiniPage })));
const MiniPage = lazy(() => import("../features/mini/mini-page").then((m) => ({ default: m.MiniPage })));
const NewMiniRequestPage = lazy(() => import("../features/mini/new-mini-request-page").then((m) => ({ default: m.NewMiniRequestPage })));
const MiniRequestPage = lazy(() => import("../features/mini/mini-request-page").then((m) => ({ default: m.MiniRequestPage })));
const NotFoundPage = lazy(() => import("./not-found-page").then((m) => ({ default: m.NotFoundPage })));

export function App() {
  return (
    <>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route element={<PublicLayout />}>
            <Route path="/signin" element={<RedirectIfSignedIn><SignInPage /></RedirectIfSignedIn>} />
            <Route path="/reset-password" element={<RedirectIfSignedIn><ResetPasswordPage /></RedirectIfSignedIn>} />
            {/* Not behind RedirectIfSignedIn: a signed-in account without a role finishes registration here. */}
            <Route path="/signup" element={<SignUpPage />} />
            {/* The link in the verification email: works signed in (finishes the sign-up) or signed out. */}
            <Route path="/verify-email" element={<VerifyEmailPage />} />
          </Route>
          <Route element={<RequireAuth><Shell /></RequireAuth>}>
            <Route index element={<DashboardPage />} />
            <Route path="profile" element={<ProfileEditPage />} />
            <Route path="mentors" element={<DirectoryPage />} />
            <Route path="mentors/:uid" element={<MentorProfilePage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="requests" element={<RequestsPage />} />
            <Route path="messages" element={<MessagesPage />} />
            <Route path="messages/:chatId" element={<MessagesPage />} />
            <Route path="sessions" element={<SessionsPage />} />
            <Route path="sessions/book/:matchId" element={<BookSessionPage />} />
            <Route path="sessions/:sessionId" element={<SessionDetailPage />} />
            <Route path="mini-sessions" element={<MiniPage />} />
            <Route path="mini-sessions/new" element={<NewMiniRequestPage />} />
            <Route path="mini-sessions/board" element={<MiniBoardPage />} />
            <Route path="mini-sessions/:requestId/schedule" element={<ScheduleMiniPage />} />
            <Route path="mini-sessions/:requestId" element={<MiniRequestPage />} />
            <Route path="schedule" element={<SchedulePage />} />
            <Route path="admin" element={<RequireRole roles={["admin"]}><AdminPage /></RequireRole>} />
            <Route path="admin/people" element={<RequireRole roles={["admin"]}><PeoplePage /></RequireRole>} />
            <Route path="admin/analytics" element={<RequireRole roles={["admin"]}><AnalyticsPage /></RequireRole>} />
            <Route path="admin/sessions" element={<RequireRole roles={["admin"]}><AdminSessionsPage /></RequireRole>} />
            <Route path="admin/mini" element={<RequireRole roles={["admin"]}><AdminMiniPage /></RequireRole>} />
            <Route path="support" element={<SupportPage />} />
            <Route path="support/:threadId" element={<SupportPage />} />
            <Route path="admin/support" element={<RequireRole roles={["admin"]}><AdminSupportPage /></RequireRole>} />
            <Route path="admin/support/:threadId" element={<RequireRole roles={["admin"]}><AdminSupportPage /></RequireRole>} />
            <Route path="admin/moderation" element={<RequireRole roles={["admin"]}><ModerationPage /></RequireRole>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
      {/* react-hot-toast renders each toast in a role="status" aria-live="polite" region. */}
      <Toaster position="top-center" toastOptions={{ duration: 4000, className: "toast", error: { duration: 6000 } }} />
    </>
  );
}
