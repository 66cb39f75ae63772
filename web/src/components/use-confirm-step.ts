import { useEffect, useRef, useState, type KeyboardEvent } from "react";

export type ConfirmPhase = "idle" | "confirm" | "saving";

/**
 * A two-step action: a button asks, a question offers "Yes" and "Cancel", and "Yes" saves. Focus follows the step,
 * so keyboard and screen-reader users land on the answer when the question appears and come back to the button that
 * asked once it is dismissed, instead of being dropped at the top of the page when the focused button unmounts.
 *
 * Put `actionButton` on the button that asks and `confirmButton` on the "Yes" button, spread `onKeyDown` on the
 * question's group so Escape cancels it, call `save()` as saving starts and `close()` to cancel or when saving ends.
 */
export function useConfirmStep() {
  const [phase, setPhase] = useState<ConfirmPhase>("idle");
  const actionButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Only a dismissed question sends focus back: the first render, with nothing asked yet, leaves it where it is.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (phase === "confirm") confirmButton.current?.focus();
    else if (phase === "idle" && returnFocus.current) {
      returnFocus.current = false;
      actionButton.current?.focus();
    }
  }, [phase]);

  function close() {
    returnFocus.current = true;
    setPhase("idle");
  }

  return {
    phase,
    actionButton,
    confirmButton,
    ask: () => setPhase("confirm"),
    save: () => setPhase("saving"),
    close,
    // While saving, the answer is already given: Escape does nothing, as the disabled Cancel button would.
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "Escape" && phase === "confirm") close();
    },
  };
}
