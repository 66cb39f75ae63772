import { appLinks } from "@mentormatch/shared";
import { lazy, Suspense } from "react";
import { Link } from "react-router-dom";
import { useAuth } from "../../app/auth-context";
import { PageLoader } from "../../components/page-loader";
import { EmptyState } from "../../components/states";
import { usePageTitle } from "../../components/use-page-title";
import { MyMiniRequests } from "./my-mini-requests";

// Each side's screen is its own chunk: a mentee never downloads the mentors' board and scheduler, nor the reverse.
const MentorMiniPage = lazy(() => import("./mentor-mini-page").then((m) => ({ default: m.MentorMiniPage })));

/** `/mini-sessions`: a mentee's own requests, a mentor's claims and board; admins look at all of them elsewhere. */
export function MiniPage() {
  const { role } = useAuth();
  if (role === "mentor")
    return (
      <Suspense fallback={<PageLoader label="Loading mini sessions" />}>
        <MentorMiniPage />
      </Suspense>
    );
  if (role === "admin") return <AdminMiniNote />;
  return <MyMiniRequests />;
}

function AdminMiniNote() {
  usePageTitle("Mini sessions");
  return (
    <section className="page narrow-wide" aria-labelledby="mini-admin-title">
      <h1 id="mini-admin-title">Mini sessions</h1>
      <EmptyState title="Mentees post requests here" action={<Link to={appLinks.adminMini()} className="btn">All mini requests</Link>}>
        <p>As an admin you see every request and mini session, with the programme's figures, in the admin area.</p>
      </EmptyState>
    </section>
  );
}
