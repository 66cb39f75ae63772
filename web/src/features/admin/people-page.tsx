import { ROLES, type Role } from "@mentormatch/shared";
import type { DocumentSnapshot } from "firebase/firestore";
import { useCallback, useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useSignedInUser } from "../../app/auth-context";
import { NameSearchInput, ResultsBar } from "../../components/list-controls";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { LoadMore } from "../../components/load-more";
import { usePagedResults } from "../../components/use-paged-results";
import { usePageTitle } from "../../components/use-page-title";
import { fetchPeoplePage } from "../../data/people";
import type { Profile } from "../../data/profiles";
import { InvitePanel } from "./invite-panel";
import { ROLE_FILTER_LABELS, peopleSummary, roleFilterFromParam } from "./people-roles";
import { PersonRow } from "./person-row";
import { RecentChanges } from "./recent-changes";

export function PeoplePage() {
  usePageTitle("People");
  const me = useSignedInUser().uid;
  const [params, setParams] = useSearchParams();
  // The filters start from the address (the overview links to one role) and are written back with `replace`,
  // so a reload keeps them without every keystroke becoming a history entry.
  const [text, setText] = useState(() => params.get("q") ?? "");
  const [role, setRole] = useState<Role | "">(() => roleFilterFromParam(params.get("role")));
  const debouncedText = useDebouncedValue(text);
  const search = { text: debouncedText.trim(), role };

  useEffect(() => {
    const next = new URLSearchParams();
    if (search.text) next.set("q", search.text);
    if (role) next.set("role", role);
    // Writing an unchanged address would still navigate, and a new location re-runs this effect.
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [search.text, role, params, setParams]);

  const { results, loadMore, reload, updateItems } = usePagedResults(
    JSON.stringify(search),
    (cursor: DocumentSnapshot | null) => fetchPeoplePage(search, cursor).then((page) => ({ items: page.profiles, cursor: page.cursor })),
    "people",
  );

  // The row shows the role the function confirmed. It stays in a role-filtered list it no longer matches until the
  // next search, so the admin sees what they just did rather than the row vanishing.
  const onRoleChanged = useCallback(
    (uid: string, newRole: Role) => updateItems((items: Profile[]) => items.map((item) => (item.uid === uid ? { ...item, role: newRole } : item))),
    [updateItems],
  );

  function clearFilters() {
    setText("");
    setRole("");
  }

  const ids = { search: useId(), role: useId() };
  const filtered = Boolean(search.text || role);

  return (
    <section className="page" aria-labelledby="people-title">
      <div className="page-head">
        <div>
          <h1 id="people-title">People</h1>
          <p className="muted">Everyone on MentorMatch. Change someone's role here; they see it within seconds.</p>
          <nav className="page-links" aria-label="On this page">
            <a href="#invite-title">Invite someone</a>
            <a href="#recent-changes-title">Recent changes</a>
          </nav>
        </div>
        <Link to="/admin" className="btn btn-ghost">
          Programme overview
        </Link>
      </div>

      <form className="filters filters-people card" role="search" aria-label="People search" onSubmit={(event) => event.preventDefault()}>
        <NameSearchInput id={ids.search} value={text} onChange={setText} placeholder="e.g. Morgan" />
        <div className="filter">
          <label htmlFor={ids.role}>Role</label>
          <select id={ids.role} value={role} onChange={(event) => setRole(roleFilterFromParam(event.target.value))}>
            {(["", ...ROLES] as const).map((value) => (
              <option key={value} value={value}>
                {ROLE_FILTER_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      </form>

      <ResultsBar
        status={results.status}
        summary={results.status === "ready" ? peopleSummary(results.items.length, Boolean(results.cursor)) : ""}
        loadingLabel="Loading people…"
        filtered={filtered}
        onClear={clearFilters}
        testId="people-summary"
      />

      {results.status === "loading" ? (
        <ListSkeleton rows={6} />
      ) : results.status === "error" ? (
        <ErrorState message={results.message} onRetry={reload} />
      ) : results.items.length === 0 ? (
        <EmptyState
          title={filtered ? "Nobody matches your search" : "Nobody has signed up yet"}
          action={
            filtered ? (
              <button type="button" className="btn" onClick={clearFilters}>
                Clear filters
              </button>
            ) : undefined
          }
        >
          {filtered ? <p>Names are matched from the start of a word: try a shorter name or another role.</p> : null}
        </EmptyState>
      ) : (
        <>
          <ul className="people-list" aria-label="People">
            {results.items.map((person) => (
              <PersonRow key={person.uid} person={person} myUid={me} onRoleChanged={onRoleChanged} />
            ))}
          </ul>
          <LoadMore hasMore={!!results.cursor} loading={results.loadingMore} error={results.moreError} onLoadMore={loadMore} />
        </>
      )}

      <div className="admin-panels">
        <InvitePanel />
        <RecentChanges />
      </div>
    </section>
  );
}
