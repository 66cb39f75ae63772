import { parseEmailDomains } from "@mentormatch/shared";
import { defineSecret, defineString } from "firebase-functions/params";

// The emulators read these from functions/.env.local and .secret.local (copied into dist/ by the build).
export const SENDGRID_API_KEY = defineSecret("SENDGRID_API_KEY");
export const DEFAULT_SENDGRID_BASE_URL = "https://api.sendgrid.com";
export const SENDGRID_BASE_URL = defineString("SENDGRID_BASE_URL", {
  default: DEFAULT_SENDGRID_BASE_URL,
  description: "SendGrid API origin; the emulators point it at the local mail capture.",
});
export const DEFAULT_MAIL_FROM = "MentorMatch <no-reply@mentormatch.dev>";
export const MAIL_FROM = defineString("MAIL_FROM", { default: DEFAULT_MAIL_FROM, description: "Sender of every email." });
export const DEFAULT_APP_URL = "http://localhost:5173";
export const APP_URL = defineString("APP_URL", {
  default: DEFAULT_APP_URL,
  description: "Web app origin used for links in emails.",
});

// A param's default is applied by the CLI at deploy/emulator start, not at runtime: code running outside a
// function (tests, scripts) sees an empty value, so the defaults are repeated here.
export const appUrl = () => APP_URL.value() || DEFAULT_APP_URL;
export const sendgridBaseUrl = () => SENDGRID_BASE_URL.value() || DEFAULT_SENDGRID_BASE_URL;
export const mailFrom = () => MAIL_FROM.value() || DEFAULT_MAIL_FROM;

// Who may sign up: a comma-separated list of the organisation's email domains; empty lets anyone in (the demo).
// Set per deploy in functions/.env.<project-id>; admins invite single outside addresses in the app.
export const ALLOWED_EMAIL_DOMAINS = defineString("ALLOWED_EMAIL_DOMAINS", {
  default: "",
  description: "Comma-separated email domains allowed to sign up (e.g. acme.com, acme.io). Empty: anyone.",
});
export const allowedEmailDomains = () => parseEmailDomains(ALLOWED_EMAIL_DOMAINS.value());
