import { Icon } from "./icons";

/** The name box of a searchable list. Its label is a prop so each page can say what the names belong to. */
export function NameSearchInput({
  id,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
}) {
  return (
    <div className="filter filter-search">
      <label htmlFor={id}>Search by name</label>
      <div className="input-icon">
        <Icon name="search" size={18} />
        <input id={id} type="search" value={value} placeholder={placeholder} autoComplete="off" maxLength={60} onChange={(event) => onChange(event.target.value)} />
      </div>
    </div>
  );
}

/**
 * The line above a list's results: how many there are (announced to screen readers as it changes), a hidden
 * "loading" for them while a query runs, and "Clear filters" when any filter is set.
 */
export function ResultsBar({
  status,
  summary,
  loadingLabel,
  filtered,
  onClear,
  testId,
}: {
  status: "loading" | "error" | "ready";
  summary: string;
  loadingLabel: string;
  filtered: boolean;
  onClear: () => void;
  testId?: string;
}) {
  return (
    <div className="results-bar" aria-live="polite" aria-atomic="true">
      {status === "ready" ? (
        <span className="muted" data-testid={testId}>
          {summary}
        </span>
      ) : status === "loading" ? (
        <span className="sr-only">{loadingLabel}</span>
      ) : null}
      {filtered ? (
        <button type="button" className="link-btn" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
