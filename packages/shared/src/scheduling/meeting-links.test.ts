import { describe, expect, it } from "vitest";
import { meetingLinkSchema } from "./availability-schema.js";
import { jitsiRoomLink, MAX_MEETING_LINK_LENGTH, parseMeetingLink, type MeetingLinkCheck } from "./meeting-links.js";

const TOKEN = "a1B2c3D4e5F6g7H8";

describe("parseMeetingLink", () => {
  it.each<[string, string, MeetingLinkCheck]>([
    ["Zoom", "https://us02web.zoom.us/j/81234567890?pwd=abc", { ok: true, url: "https://us02web.zoom.us/j/81234567890?pwd=abc", provider: "zoom" }],
    ["Zoom without a subdomain", "https://zoom.us/j/1", { ok: true, url: "https://zoom.us/j/1", provider: "zoom" }],
    ["Zoom for Government", "https://agency.zoomgov.com/j/1", { ok: true, url: "https://agency.zoomgov.com/j/1", provider: "zoom" }],
    ["Google Meet", "https://meet.google.com/abc-defg-hij", { ok: true, url: "https://meet.google.com/abc-defg-hij", provider: "meet" }],
    ["Teams", "https://teams.microsoft.com/l/meetup-join/19%3ameeting", { ok: true, url: "https://teams.microsoft.com/l/meetup-join/19%3ameeting", provider: "teams" }],
    ["Teams (personal)", "https://teams.live.com/meet/9312", { ok: true, url: "https://teams.live.com/meet/9312", provider: "teams" }],
    ["Jitsi", "https://meet.jit.si/MentorMatch-s1-x", { ok: true, url: "https://meet.jit.si/MentorMatch-s1-x", provider: "jitsi" }],
    ["anything else https", "https://whereby.com/ada", { ok: true, url: "https://whereby.com/ada", provider: "other" }],
    ["surrounding spaces and an upper-case host", "  https://MEET.GOOGLE.COM/abc  ", { ok: true, url: "https://meet.google.com/abc", provider: "meet" }],
    ["a look-alike host is not Zoom", "https://zoom.us.evil.example/j/1", { ok: true, url: "https://zoom.us.evil.example/j/1", provider: "other" }],
    ["a host that merely ends in the letters is not Zoom", "https://notzoom.us/j/1", { ok: true, url: "https://notzoom.us/j/1", provider: "other" }],
    ["empty", "   ", { ok: false, message: "Paste the meeting link." }],
    ["not a URL", "zoom meeting 123", { ok: false, message: "That is not a link: it should start with https://" }],
    ["no scheme", "meet.google.com/abc", { ok: false, message: "That is not a link: it should start with https://" }],
    ["http", "http://meet.google.com/abc", { ok: false, message: "Meeting links must start with https://" }],
    ["javascript:", "javascript:alert(1)", { ok: false, message: "Meeting links must start with https://" }],
    ["JavaScript: in capitals", "JaVaScRiPt:alert(document.cookie)", { ok: false, message: "Meeting links must start with https://" }],
    ["data:", "data:text/html,<script>alert(1)</script>", { ok: false, message: "Meeting links must start with https://" }],
    ["a user name hiding the real host", "https://zoom.us@evil.example/j/1", { ok: false, message: "Meeting links cannot contain a user name or password." }],
    ["a password", "https://ada:secret@meet.google.com/abc", { ok: false, message: "Meeting links cannot contain a user name or password." }],
    ["a host without a dot", "https://localhost/room", { ok: false, message: "That link has no valid web address." }],
    ["too long", `https://meet.google.com/${"a".repeat(MAX_MEETING_LINK_LENGTH)}`, { ok: false, message: "A meeting link can be at most 500 characters." }],
  ])("%s", (_name, input, expected) => {
    expect(parseMeetingLink(input)).toEqual(expected);
  });

  it("accepts exactly 500 characters", () => {
    const url = `https://meet.google.com/${"a".repeat(MAX_MEETING_LINK_LENGTH - "https://meet.google.com/".length)}`;
    expect(url).toHaveLength(MAX_MEETING_LINK_LENGTH);
    expect(parseMeetingLink(url)).toEqual({ ok: true, url, provider: "meet" });
  });

  it("refuses a link that only grows past the limit when normalised", () => {
    const raw = `https://meet.google.com/${"é".repeat(200)}`;
    expect(raw.length).toBeLessThanOrEqual(MAX_MEETING_LINK_LENGTH);
    expect(parseMeetingLink(raw)).toEqual({ ok: false, message: "A meeting link can be at most 500 characters." });
  });

  it("knows a self-hosted Jitsi when told its host", () => {
    expect(parseMeetingLink("https://jitsi.uni.example/room", { jitsiHosts: ["jitsi.uni.example"] })).toMatchObject({ ok: true, provider: "jitsi" });
    expect(parseMeetingLink("https://jitsi.uni.example/room")).toMatchObject({ ok: true, provider: "other" });
  });
});

describe("meetingLinkSchema", () => {
  it("yields the normalised link", () => {
    expect(meetingLinkSchema.parse(" https://Meet.Google.com/abc ")).toBe("https://meet.google.com/abc");
  });

  it("refuses with the same human message", () => {
    const result = meetingLinkSchema.safeParse("javascript:alert(1)");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Meeting links must start with https://");
  });
});

describe("jitsiRoomLink", () => {
  it.each<[string, string, string, string]>([
    ["the public server", "https://meet.jit.si", "s123", "https://meet.jit.si/MentorMatch-s123-a1B2c3D4e5F6g7H8"],
    ["a trailing slash", "https://meet.jit.si/", "s123", "https://meet.jit.si/MentorMatch-s123-a1B2c3D4e5F6g7H8"],
    ["a server under a path", "https://video.uni.example/jitsi/", "s123", "https://video.uni.example/jitsi/MentorMatch-s123-a1B2c3D4e5F6g7H8"],
    ["underscores in the session id", "https://meet.jit.si", "mentor_mentee_1", "https://meet.jit.si/MentorMatch-mentor-mentee-1-a1B2c3D4e5F6g7H8"],
  ])("%s", (_name, base, sessionId, expected) => {
    const link = jitsiRoomLink(base, sessionId, TOKEN);
    expect(link).toBe(expected);
    expect(parseMeetingLink(link, { jitsiHosts: ["video.uni.example"] })).toMatchObject({ ok: true, provider: "jitsi" });
  });

  it("gives different rooms for different tokens and sessions", () => {
    const links = new Set([
      jitsiRoomLink("https://meet.jit.si", "s1", TOKEN),
      jitsiRoomLink("https://meet.jit.si", "s1", "Z9y8X7w6V5u4T3s2"),
      jitsiRoomLink("https://meet.jit.si", "s2", TOKEN),
    ]);
    expect(links.size).toBe(3);
  });

  it.each<[string, string, string, string, RegExp]>([
    ["an http base", "http://meet.jit.si", "s1", TOKEN, /https/],
    ["a javascript: base", "javascript:alert(1)", "s1", TOKEN, /https/],
    ["a base that is not a URL", "meet.jit.si", "s1", TOKEN, /not a URL/],
    ["a base with credentials", "https://u:p@meet.jit.si", "s1", TOKEN, /plain https/],
    ["a base with a query", "https://meet.jit.si/?x=1", "s1", TOKEN, /plain https/],
    ["a session id with a slash", "https://meet.jit.si", "s1/../x", TOKEN, /session id/],
    ["a short token", "https://meet.jit.si", "s1", "abc123", /random token/],
    ["a token with punctuation", "https://meet.jit.si", "s1", "a1B2c3D4e5F6g7H8/", /random token/],
  ])("refuses %s", (_name, base, sessionId, token, message) => {
    expect(() => jitsiRoomLink(base, sessionId, token)).toThrow(message);
  });
});
