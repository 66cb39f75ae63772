import { describe, expect, it } from "vitest";
import { mentorAvailability } from "./mentor-availability";

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
