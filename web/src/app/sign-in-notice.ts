/**
 * Why someone lands on the sign-in page without having signed out themselves. Kept in sessionStorage because the
 * way there is a sign-out (the shell unmounts, the guard redirects), and read once by the sign-in page.
 */
const NOTICE_KEY = "mentormatch.signInNotice";

export const SIGN_IN_NOTICES = {
  role_changed: "Your role was changed by a programme admin. Sign in again to continue.",
} as const;
export type SignInNotice = keyof typeof SIGN_IN_NOTICES;

export function setSignInNotice(notice: SignInNotice): void {
  try {
    sessionStorage.setItem(NOTICE_KEY, notice);
  } catch {
    // Storage can be unavailable (private mode, quotas); the person still reaches the sign-in page.
  }
}

/** The pending notice's text, or null; it stays until clearSignInNotice(), so a re-render shows the same one. */
export function peekSignInNotice(): string | null {
  try {
    const notice = sessionStorage.getItem(NOTICE_KEY);
    return notice && Object.hasOwn(SIGN_IN_NOTICES, notice) ? SIGN_IN_NOTICES[notice as SignInNotice] : null;
  } catch {
    return null;
  }
}

export function clearSignInNotice(): void {
  try {
    sessionStorage.removeItem(NOTICE_KEY);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

/**
 * A role change the shell has seen and not settled yet, for this user. If Firebase signs them out meanwhile (the
 * refresh tokens were revoked with the change) the auth provider leaves the role-changed notice.
 */
let pendingRoleChange: string | null = null;
let signingOutByHand = false;

export const roleChangeTracker = {
  start(uid: string) {
    pendingRoleChange = uid;
  },
  settle() {
    pendingRoleChange = null;
  },
  isPendingFor(uid: string | null): boolean {
    return uid !== null && pendingRoleChange === uid;
  },
  /** Around a sign-out the person asked for, so it is never mistaken for a revoked session. */
  async signOutByHand(signOut: () => Promise<void>): Promise<void> {
    signingOutByHand = true;
    pendingRoleChange = null;
    try {
      await signOut();
    } finally {
      signingOutByHand = false;
    }
  },
  get signingOutByHand() {
    return signingOutByHand;
  },
};
