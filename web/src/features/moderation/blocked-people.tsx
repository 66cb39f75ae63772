import { useEffect, useState } from "react";
import toast from "react-hot-toast";
import { EmptyState, ErrorState, ListSkeleton } from "../../components/states";
import { unblockUser, watchMyBlocks, type Block } from "../../data/moderation";
import { errorMessage } from "../../lib/error-message";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; blocks: Block[] };

/** Settings: the people I blocked, live, each with Unblock. */
export function BlockedPeople({ uid }: { uid: string }) {
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(
    () =>
      watchMyBlocks(
        uid,
        (blocks) => setState({ status: "ready", blocks }),
        (error) => setState({ status: "error", message: errorMessage(error) }),
      ),
    [uid, attempt],
  );

  async function unblock(block: Block) {
    setBusy(block.blockedUid);
    try {
      await unblockUser(block.blockedUid);
      toast.success(`You unblocked ${block.blockedName || "them"}.`);
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="blocked-title" data-testid="blocked-people">
      <h2 id="blocked-title">Blocked people</h2>
      <p className="muted small">People you blocked cannot send you a request, and you cannot send them one. Unblocking does not reopen an ended mentoring.</p>
      {state.status === "loading" ? (
        <ListSkeleton rows={2} />
      ) : state.status === "error" ? (
        <ErrorState
          message={state.message}
          onRetry={() => {
            setState({ status: "loading" });
            setAttempt((n) => n + 1);
          }}
        />
      ) : state.blocks.length === 0 ? (
        <EmptyState title="You have not blocked anyone">You can block someone from their profile or your conversation with them.</EmptyState>
      ) : (
        <ul className="blocked-list">
          {state.blocks.map((block) => (
            <li key={block.id} className="blocked-row" data-testid="blocked-person">
              <span className="grow">{block.blockedName || "Someone"}</span>
              <button type="button" className="btn" disabled={busy === block.blockedUid} onClick={() => unblock(block)}>
                {busy === block.blockedUid ? "Unblocking…" : "Unblock"}
                <span className="sr-only"> {block.blockedName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
