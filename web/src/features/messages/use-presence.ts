import { useEffect, useState } from "react";
import { watchPresence, type Presence } from "../../data/chats";

/** A peer's presence, live (null until known or when never seen). */
export function usePresence(peerId: string): Presence | null {
  const [state, setState] = useState<{ peerId: string; presence: Presence | null } | null>(null);
  useEffect(() => {
    if (!peerId) return;
    return watchPresence(
      peerId,
      (presence) => setState({ peerId, presence }),
      (error) => console.warn("presence listener failed", error),
    );
  }, [peerId]);
  return state?.peerId === peerId ? state.presence : null;
}
