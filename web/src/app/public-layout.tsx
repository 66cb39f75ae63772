import { Suspense } from "react";
import { Outlet } from "react-router-dom";
import { PageLoader } from "../components/page-loader";

export function PublicLayout() {
  return (
    <div className="public-layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="public-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">M</span> MentorMatch
        </span>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
