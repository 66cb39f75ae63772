// Only re-exports: one file per callable, trigger and scheduled job.
export { registerAccount } from "./callable/register-account.js";
export { setUserRole } from "./callable/set-user-role.js";
export { onProfileWritten } from "./triggers/on-profile-written.js";
export { onMailCreated } from "./triggers/on-mail-created.js";
export { retryMail } from "./scheduled/retry-mail.js";
