import { describe, expect, it } from "vitest";
import { defaultScheduleMiniValues, scheduleMiniFormSchema, toScheduleMiniInput, type ScheduleMiniFormValues } from "./schedule-mini-form";

const REQUEST = "req123";
const START = Date.UTC(2026, 10, 24, 10, 0);

const errorsOf = (patch: Partial<ScheduleMiniFormValues>) => {
  const result = scheduleMiniFormSchema(REQUEST).safeParse({ ...defaultScheduleMiniValues(), startMs: START, ...patch });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("scheduleMiniFormSchema", () => {
  it.each<[string, Partial<ScheduleMiniFormValues>, Record<string, string>]>([
    ["video with a created room", {}, {}],
    ["no time chosen", { startMs: 0 }, { startMs: "Choose a time." }],
    ["a pasted link that is not https", { videoMode: "paste", meetingLink: "http://zoom.us/j/1" }, { meetingLink: expect.any(String) as unknown as string }],
    ["paste chosen but left empty", { videoMode: "paste", meetingLink: "" }, { meetingLink: "Paste a meeting link, or create a room." }],
    ["a good pasted link", { videoMode: "paste", meetingLink: "https://meet.google.com/abc-defg-hij" }, {}],
    ["phone without a number", { meetingType: "phone", phone: "call me" }, { phone: "Give a phone number, like +1 555 010 0199." }],
    ["phone with a number", { meetingType: "phone", phone: "+44 20 7946 0018" }, {}],
    ["in person without a place", { meetingType: "in_person", location: "  " }, { location: "Say where you will meet." }],
    ["an agenda too long", { agenda: "x".repeat(1001) }, { agenda: expect.stringContaining("at most") as unknown as string }],
  ])("%s", (_name, patch, expected) => {
    expect(errorsOf(patch)).toEqual(expected);
  });

  it("sends only what the chosen way of meeting uses", () => {
    const values = { ...defaultScheduleMiniValues(), startMs: START, meetingLink: "https://x.example", phone: "123", location: "Lobby" };
    expect(toScheduleMiniInput(values, REQUEST)).toEqual({ requestId: REQUEST, startMs: START, meetingType: "video", agenda: "", createRoom: true });
    expect(toScheduleMiniInput({ ...values, meetingType: "in_person" }, REQUEST)).toEqual({ requestId: REQUEST, startMs: START, meetingType: "in_person", agenda: "", location: "Lobby" });
  });
});
