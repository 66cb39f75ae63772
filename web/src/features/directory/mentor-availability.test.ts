import { describe, expect, it } from "vitest";
import { UNANSWERED_HOURS } from "@mentormatch/shared";
import { mentorActivity, mentorAvailability } from "./mentor-availability";

describe("mentorAvailability", () => {
  it.each<[boolean, number, number, string, string, number]>([
    [true, 3, 0, "3 spots open", "open", 3],
    [true, 3, 2, "1 spot open", "open", 1],
    [true, 3, 3, "Fully booked", "full", 0],
    [true, 2, 5, "Fully booked", "full", 0],
    [true, 0, 0, "Fully booked", "full", 0],
    [false, 3, 0, "Not taking requests", "closed", 3],
  ])("accepting=%s capacity=%s active=%s", (acceptingRequests, capacity, activeMenteeCount, label, tone, spots) =>
    expect(mentorAvailability({ acceptingRequests, capacity, activeMenteeCount })).toEqual({ label, tone, spots }),
  );
});

describe("mentorActivity", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const at = (iso: string) => ({ toMillis: () => Date.parse(iso) });

  it("says nothing before there is data", () =>
    expect(mentorActivity({ medianResponseHours: null, lastActiveAt: null }, now)).toEqual({
      responds: null,
      oftenUnanswered: false,
      lastActive: null,
      lastActiveAt: null,
    }));

  it("treats absent fields (an older profile) as no data", () =>
    expect(mentorActivity({}, now)).toEqual({ responds: null, oftenUnanswered: false, lastActive: null, lastActiveAt: null }));

  it("describes the median and the last answer", () => {
    const activity = mentorActivity({ medianResponseHours: 5, lastActiveAt: at("2026-03-07T09:00:00Z") }, now);
    expect(activity.responds).toBe("usually responds within a day");
    expect(activity.lastActive).toBe("active 3 days ago");
    expect(activity.lastActiveAt?.toISOString()).toBe("2026-03-07T09:00:00.000Z");
    expect(activity.oftenUnanswered).toBe(false);
  });

  // Expired requests count as answers after the whole window, so a median there means most went unanswered.
  it.each<[number, string, boolean]>([
    [UNANSWERED_HOURS, "often does not answer requests", true],
    [UNANSWERED_HOURS - 1, "usually takes more than a week to respond", false],
  ])("a median of %s hours: %s", (medianResponseHours, responds, oftenUnanswered) =>
    expect(mentorActivity({ medianResponseHours, lastActiveAt: null }, now)).toMatchObject({ responds, oftenUnanswered }),
  );
});
