import { useId } from "react";
import toast from "react-hot-toast";
import { useConfirmStep } from "../../components/use-confirm-step";
import { blockUser } from "../../data/moderation";
import { errorMessage } from "../../lib/error-message";

/**
 * "Block" with a confirm step that says what happens, for a conversation's header and a profile. Blocking ends an
 * accepted mentoring between the two (the other person is told it ended, not why), closes a waiting request, makes
 * the chat read-only and stops new requests either way. Settings lists blocked people, to unblock.
 */
export function BlockAction({ uid, name, onBlocked }: { uid: string; name: string; onBlocked?: () => void }) {
  const step = useConfirmStep();
  const { phase } = step;
  const questionId = useId();

  async function confirm() {
    step.save();
    try {
      await blockUser(uid);
      toast.success(`You blocked ${name}. You can unblock them in Settings.`);
      onBlocked?.();
    } catch (error) {
      toast.error(errorMessage(error));
    }
    step.close();
  }

  if (phase === "idle")
    return (
      <button ref={step.actionButton} type="button" className="btn btn-ghost" onClick={step.ask} data-testid="block-user">
        Block<span className="sr-only"> {name}</span>
      </button>
    );
  return (
    <div className="block-confirm" role="group" aria-labelledby={questionId} onKeyDown={step.onKeyDown} data-testid="block-confirm">
      <p id={questionId} className="person-question">
        Block {name}?
      </p>
      <p className="small">
        A mentoring between you ends and a waiting request closes; {name} is told the mentoring ended, not that you blocked them. Your chat
        becomes read-only, and neither of you can send the other a request. You can unblock them later in Settings.
      </p>
      <div className="person-confirm-actions">
        <button ref={step.confirmButton} type="button" className="btn btn-danger" disabled={phase === "saving"} onClick={confirm}>
          {phase === "saving" ? "Blocking…" : `Block ${name}`}
        </button>
        <button type="button" className="btn" disabled={phase === "saving"} onClick={step.close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
