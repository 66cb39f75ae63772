import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { watchPendingIncomingCount } from "../data/matches";
import { watchUnreadCount } from "../data/notifications";
import { watchProfile, type Profile } from "../data/profiles";
import { useAuth, useSignedInUser } from "./auth-context";

interface SessionData {
  profile: Profile | null;
  profileLoading: boolean;
  profileError: string | null;
  unreadCount: number;
  /** False until the first unread snapshot, so a count of 0 is not mistaken for "nothing new". */
  unreadLoaded: boolean;
  /** Mentors: requests waiting for their answer (live, up to PENDING_COUNT_LIMIT); 0 for everyone else. */
  pendingRequestCount: number;
  /** Unread chat messages: the sum of my userChats counters (live, over the bounded chat list). */
  unreadMessageCount: number;
}

const SessionDataContext = createContext<SessionData | null>(null);

/** The signed-in person's live profile and unread count, subscribed once for the whole shell. */
export function SessionDataProvider({ children }: { children: ReactNode }) {
  const user = useSignedInUser();
  const uid = user.uid;
  const [profileState, setProfileState] = useState<{ uid: string; profile: Profile | null; error: string | null } | null>(null);
  const [unread, setUnread] = useState<{ uid: string; count: number } | null>(null);
  const [pending, setPending] = useState<{ uid: string; count: number } | null>(null);
  const [unreadMessages, setUnreadMessages] = useState<{ uid: string; count: number } | null>(null);
  // The stored role once the profile is here (the claim may lag a role change); the claim until then.
  const claimRole = useAuth().role;
  const isMentor = (profileState?.uid === uid && profileState.profile ? profileState.profile.role : claimRole) === "mentor";

  useEffect(
    () =>
      watchProfile(
        uid,
        (profile) => setProfileState({ uid, profile, error: null }),
        (error) => setProfileState({ uid, profile: null, error: error.message }),
      ),
    [uid],
  );
  useEffect(
    () =>
      watchUnreadCount(
        uid,
        (count) => setUnread({ uid, count }),
        // The badge is a hint; a failed listener shows no badge rather than an error over every page.
        (error) => console.warn("unread count listener failed", error),
      ),
    [uid],
  );

  useEffect(() => {
    if (!isMentor) return;
    return watchPendingIncomingCount(
      uid,
      (count) => setPending({ uid, count }),
      // A hint like the unread badge: a failed listener shows no counter.
      (error) => console.warn("pending requests listener failed", error),
    );
  }, [uid, isMentor]);

  // Chat: the Realtime Database SDK loads here, after the shell, so the first download stays without it. While the
  // shell is open I am shown online (presence), and the Messages counter stays live.
  useEffect(() => {
    let stopped = false;
    let stop: (() => void) | null = null;
    import("../data/chats")
      .then((chats) => {
        if (stopped) return;
        const stopTotal = chats.watchUnreadMessageTotal(
          uid,
          (count) => setUnreadMessages({ uid, count }),
          (error) => console.warn("unread messages listener failed", error),
        );
        const stopPresence = chats.trackMyPresence(uid);
        stop = () => {
          stopTotal();
          stopPresence();
        };
      })
      .catch((error: unknown) => console.warn("chat module failed to load", error));
    return () => {
      stopped = true;
      stop?.();
    };
  }, [uid]);

  const current = profileState?.uid === uid ? profileState : null;
  const value: SessionData = {
    profile: current?.profile ?? null,
    profileLoading: current === null,
    profileError: current?.error ?? null,
    unreadCount: unread?.uid === uid ? unread.count : 0,
    unreadLoaded: unread?.uid === uid,
    pendingRequestCount: isMentor && pending?.uid === uid ? pending.count : 0,
    unreadMessageCount: unreadMessages?.uid === uid ? unreadMessages.count : 0,
  };
  return <SessionDataContext.Provider value={value}>{children}</SessionDataContext.Provider>;
}

export function useSessionData(): SessionData {
  const value = useContext(SessionDataContext);
  if (!value) throw new Error("useSessionData must be used inside <SessionDataProvider>");
  return value;
}
