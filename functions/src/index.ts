// Only re-exports: one file per callable, trigger and scheduled job. Every name in the callable contract
// (packages/shared/src/callables.ts) is exported here; a unit test checks it.
export { getSignUpPolicy } from "./callable/get-sign-up-policy.js";
export { registerAccount } from "./callable/register-account.js";
export { sendVerificationEmail } from "./callable/send-verification-email.js";
export { setUserRole } from "./callable/set-user-role.js";
export { inviteUser } from "./callable/invite-user.js";
export { revokeInvite } from "./callable/revoke-invite.js";
export { requestMatch } from "./callable/request-match.js";
export { acceptMatch } from "./callable/accept-match.js";
export { endMatch } from "./callable/end-match.js";
export { onProfileWritten } from "./triggers/on-profile-written.js";
export { onMailCreated } from "./triggers/on-mail-created.js";
export { onMatchWritten } from "./triggers/on-match-written.js";
export { retryMail } from "./scheduled/retry-mail.js";
export { expireMatchRequests } from "./scheduled/expire-match-requests.js";
