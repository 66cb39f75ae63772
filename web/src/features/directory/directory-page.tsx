import { DEPARTMENTS, DIRECTORY_SORTS, DIRECTORY_SORT_LABELS, type DirectorySort } from "@mentormatch/shared";
import type { DocumentSnapshot } from "firebase/firestore";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { CardSkeletons, EmptyState, ErrorState } from "../../components/states";
import { useDebouncedValue } from "../../components/use-debounced-value";
import { NameSearchInput, ResultsBar } from "../../components/list-controls";
import { LoadMore } from "../../components/load-more";
import { usePagedResults } from "../../components/use-paged-results";
import { usePageTitle } from "../../components/use-page-title";
import { fetchDirectoryPage } from "../../data/profiles";
import { pluralize } from "../../components/rating";
import { DEFAULT_FILTERS, filtersFromParams, hasActiveFilters, paramsFromFilters, type DirectoryFilters } from "./directory-url";
import { MentorCard } from "./mentor-card";
import { useAuth } from "../../app/auth-context";
import { SuggestedMentors } from "../suggestions/suggested-mentors";


export function DirectoryPage() {
  usePageTitle("Find a mentor");
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filtersKey = paramsFromFilters(filters).toString();

  // Text boxes are edited locally and written to the URL after a pause, so each keystroke is not a query.
  const [text, setText] = useState(filters.text);
  const [expertise, setExpertise] = useState(filters.expertise);
  const debouncedText = useDebouncedValue(text);
  const debouncedExpertise = useDebouncedValue(expertise);

  const update = useCallback(
    (patch: Partial<DirectoryFilters>) => setParams(paramsFromFilters({ ...filtersFromParams(params), ...patch }), { replace: true }),
    [params, setParams],
  );

  useEffect(() => {
    if (debouncedText !== filters.text || debouncedExpertise !== filters.expertise) update({ text: debouncedText, expertise: debouncedExpertise });
    // Only the debounced values drive this; reacting to `filters` too would undo back/forward navigation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedText, debouncedExpertise]);

  // Back/forward or a pasted link changes the URL under us: the boxes follow it.
  const lastKey = useRef(filtersKey);
  useEffect(() => {
    if (lastKey.current === filtersKey) return;
    lastKey.current = filtersKey;
    if (filters.text !== debouncedText) setText(filters.text);
    if (filters.expertise !== debouncedExpertise) setExpertise(filters.expertise);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filtersKey]);

  const { results, loadMore, reload } = usePagedResults(
    filtersKey,
    (cursor: DocumentSnapshot | null) => fetchDirectoryPage(filters, cursor).then((page) => ({ items: page.profiles, cursor: page.cursor })),
    "directory",
  );

  function clearFilters() {
    setText("");
    setExpertise("");
    setParams(paramsFromFilters({ ...DEFAULT_FILTERS, sort: filters.sort }), { replace: true });
  }

  const { role } = useAuth();
  const ids = { search: useId(), department: useId(), expertise: useId(), sort: useId() };
  const active = hasActiveFilters(filters);
  const from = `/mentors${filtersKey ? `?${filtersKey}` : ""}`;

  return (
    <section className="page" aria-labelledby="directory-title">
      <div className="page-head">
        <div>
          <h1 id="directory-title">Find a mentor</h1>
          <p className="muted">Search by name, or narrow down by department and expertise.</p>
        </div>
      </div>

      {role === "mentee" && !active ? <SuggestedMentors variant="strip" from={from} /> : null}

      <form className="filters card" role="search" aria-label="Mentor search" onSubmit={(event) => event.preventDefault()}>
        <NameSearchInput id={ids.search} value={text} onChange={setText} placeholder="e.g. Priya" />
        <div className="filter">
          <label htmlFor={ids.department}>Department</label>
          <select id={ids.department} value={filters.department} onChange={(event) => update({ department: event.target.value as DirectoryFilters["department"] })}>
            <option value="">All departments</option>
            {DEPARTMENTS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.expertise}>Expertise</label>
          <input id={ids.expertise} type="text" value={expertise} placeholder="e.g. react" autoComplete="off" maxLength={40} onChange={(event) => setExpertise(event.target.value)} />
        </div>
        <div className="filter">
          <label htmlFor={ids.sort}>Sort by</label>
          <select id={ids.sort} value={filters.sort} onChange={(event) => update({ sort: event.target.value as DirectorySort })}>
            {DIRECTORY_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {DIRECTORY_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </form>

      <ResultsBar
        status={results.status}
        summary={
          results.status !== "ready"
            ? ""
            : results.items.length === 0
              ? "No results"
              : `Showing ${pluralize(results.items.length, "mentor")}${results.cursor ? " so far" : ""}`
        }
        loadingLabel="Loading mentors…"
        filtered={active}
        onClear={clearFilters}
      />

      {results.status === "loading" ? (
        <CardSkeletons />
      ) : results.status === "error" ? (
        <ErrorState message={results.message} onRetry={reload} />
      ) : results.items.length === 0 ? (
        active ? (
          <EmptyState
            title="No mentors match your search"
            action={
              <button type="button" className="btn" onClick={clearFilters}>
                Clear filters
              </button>
            }
          >
            <p>Try a shorter name, another department, or a broader expertise tag.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No mentors yet">
            <p>When mentors join the programme they'll be listed here.</p>
          </EmptyState>
        )
      ) : (
        <>
          <div className="card-grid">
            {results.items.map((mentor) => (
              <MentorCard key={mentor.uid} mentor={mentor} from={from} />
            ))}
          </div>
          <LoadMore hasMore={!!results.cursor} loading={results.loadingMore} error={results.moreError} onLoadMore={loadMore} />
        </>
      )}
    </section>
  );
}
