/** The foot of a paged list: why the next page failed, if it did, and the button that fetches it. */
export function LoadMore({
  hasMore,
  loading,
  error,
  onLoadMore,
}: {
  hasMore: boolean;
  loading: boolean;
  error: string | null | undefined;
  onLoadMore: () => void;
}) {
  return (
    <>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {hasMore ? (
        <div className="load-more">
          <button type="button" className="btn" onClick={onLoadMore} disabled={loading}>
            {loading ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}
    </>
  );
}
