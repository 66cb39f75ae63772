import { Link } from "react-router-dom";
import { usePageTitle } from "../components/use-page-title";

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <section className="page narrow" aria-labelledby="nf-title">
      <h1 id="nf-title">Page not found</h1>
      <p className="muted">That address doesn't match anything in MentorMatch.</p>
      <Link className="btn" to="/">
        Go to your dashboard
      </Link>
    </section>
  );
}
