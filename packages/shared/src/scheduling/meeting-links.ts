import { ID_PATTERN } from "../schemas/common.js";

/** Matches the planned `sessions.meetingLink` limit. */
export const MAX_MEETING_LINK_LENGTH = 500;

export type MeetingProvider = "zoom" | "meet" | "teams" | "jitsi" | "other";

export type MeetingLinkCheck = { ok: true; url: string; provider: MeetingProvider } | { ok: false; message: string };

const isHostOrSubdomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

const PROVIDERS: ReadonlyArray<[MeetingProvider, readonly string[]]> = [
  ["zoom", ["zoom.us", "zoomgov.com"]],
  ["meet", ["meet.google.com"]],
  ["teams", ["teams.microsoft.com", "teams.live.com"]],
  ["jitsi", ["meet.jit.si", "8x8.vc"]],
];

export function meetingProviderOf(hostname: string, jitsiHosts: readonly string[] = []): MeetingProvider {
  const host = hostname.toLowerCase();
  if (jitsiHosts.some((domain) => host === domain.toLowerCase())) return "jitsi";
  for (const [provider, domains] of PROVIDERS) {
    if (domains.some((domain) => isHostOrSubdomain(host, domain))) return provider;
  }
  return "other";
}

/**
 * A meeting link someone pasted: https only (so never `javascript:` or `data:`), no user name or password (which
 * makes `https://zoom.us@evil.example` look like Zoom), a real host name, at most 500 characters. Returns the
 * normalised URL and which provider it is, for the icon and the "join" label.
 */
export function parseMeetingLink(input: string, options: { jitsiHosts?: readonly string[] } = {}): MeetingLinkCheck {
  const raw = input.trim();
  if (raw === "") return { ok: false, message: "Paste the meeting link." };
  if (raw.length > MAX_MEETING_LINK_LENGTH) return { ok: false, message: `A meeting link can be at most ${MAX_MEETING_LINK_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: "That is not a link: it should start with https://" };
  }
  if (url.protocol !== "https:") return { ok: false, message: "Meeting links must start with https://" };
  if (url.username || url.password) return { ok: false, message: "Meeting links cannot contain a user name or password." };
  if (!url.hostname.includes(".") || url.hostname.endsWith(".")) return { ok: false, message: "That link has no valid web address." };
  const normalised = url.toString();
  if (normalised.length > MAX_MEETING_LINK_LENGTH) return { ok: false, message: `A meeting link can be at most ${MAX_MEETING_LINK_LENGTH} characters.` };
  return { ok: true, url: normalised, provider: meetingProviderOf(url.hostname, options.jitsiHosts) };
}

const TOKEN = /^[A-Za-z0-9]{16,64}$/;

/**
 * A Jitsi room for one session. Jitsi rooms are open to anyone who knows the name, so the name carries a random
 * token (16+ letters and digits from a CSPRNG, made by the caller so this stays pure) besides the session id.
 */
export function jitsiRoomLink(baseUrl: string, sessionId: string, randomToken: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new RangeError("The Jitsi base URL is not a URL.");
  }
  if (base.protocol !== "https:") throw new RangeError("The Jitsi base URL must use https.");
  if (base.username || base.password || base.search || base.hash) throw new RangeError("The Jitsi base URL must be a plain https address.");
  if (!ID_PATTERN.test(sessionId)) throw new RangeError("A Jitsi room needs a valid session id.");
  if (!TOKEN.test(randomToken)) throw new RangeError("A Jitsi room needs a random token of 16 to 64 letters and digits.");
  const path = base.pathname.replace(/\/+$/, "");
  // Jitsi room names are safest as letters, digits and hyphens; `_` in a session id becomes `-`.
  const room = `MentorMatch-${sessionId.replace(/_/g, "-")}-${randomToken}`;
  return `${base.origin}${path}/${room}`;
}
