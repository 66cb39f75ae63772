import { maskBlockedWords } from "@mentormatch/shared";
import { useEffect, useRef, useState } from "react";
import type { ChatSummary } from "../../data/chats";
import { getProfile } from "../../data/profiles";
import { useBlockedWords } from "../moderation/use-blocked-words";
import { useMessageNotifications } from "./desktop-notifications";

/**
 * Raises a browser notification for a new message while the app sits in a background tab, on whatever page is open:
 * mounted once by the shell. It watches the same bounded chat list as the sidebar counter (the SDK shares one
 * listener for identical queries) and loads the chat module lazily, so the first download stays without it.
 */
export function BackgroundMessageNotifier({ uid }: { uid: string }) {
  const [chats, setChats] = useState<{ uid: string; list: ChatSummary[] } | null>(null);
  const names = useRef(new Map<string, Promise<string | undefined>>());
  const blockedWords = useBlockedWords();

  useEffect(() => {
    let stopped = false;
    let stop: (() => void) | null = null;
    import("../../data/chats")
      .then((module) => {
        if (stopped) return;
        stop = module.watchMyChats(
          uid,
          (list) => setChats({ uid, list }),
          (error) => console.warn("message notifications: chat list listener failed", error),
        );
      })
      .catch((error: unknown) => console.warn("chat module failed to load", error));
    return () => {
      stopped = true;
      stop?.();
    };
  }, [uid]);

  useMessageNotifications(
    uid,
    chats?.uid === uid ? chats.list : null,
    (peerId) => {
      let name = names.current.get(peerId);
      if (!name) {
        name = getProfile(peerId).then((profile) => profile?.displayName, () => undefined);
        names.current.set(peerId, name);
      }
      return name;
    },
    (text) => maskBlockedWords(text, blockedWords),
  );
  return null;
}
