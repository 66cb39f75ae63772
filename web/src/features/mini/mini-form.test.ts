import { MINI, miniRequestInputSchema } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import { addDays, canEstimateWait, defaultMiniValues, describeDuration, describeWait, miniFormFields, rangeProblemAt, valuesFromRequest } from "./mini-form";

// 2026-11-22 02:30 UTC: still the 21st in Los Angeles, already the 22nd in Tokyo.
const NOW = Date.UTC(2026, 10, 22, 2, 30);

describe("addDays", () => {
  it("moves across month and year ends", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("defaultMiniValues", () => {
  it("starts today in the student's zone, not the browser's", () => {
    expect(defaultMiniValues("America/Los_Angeles", NOW).preferredDateStart).toBe("2026-11-21");
    expect(defaultMiniValues("Asia/Tokyo", NOW).preferredDateStart).toBe("2026-11-22");
  });

  it("passes the shared schema once the title, type and description are filled in", () => {
    const values = { ...defaultMiniValues("Europe/Berlin", NOW), title: "Mock interview", sessionType: "interview_prep" as const, description: "I have a frontend interview on Friday and want practice." };
    expect(miniRequestInputSchema.safeParse(values).success).toBe(true);
    expect(rangeProblemAt(values, NOW)).toBeNull();
  });

  it("is refused by the schema while the session type is unchosen", () => {
    const values = { ...defaultMiniValues("UTC", NOW), title: "Mock interview", description: "I have a frontend interview on Friday and want practice." };
    const result = miniRequestInputSchema.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["sessionType"]);
  });
});

describe("rangeProblemAt", () => {
  const base = { timezone: "America/Los_Angeles" };

  it("refuses a first day before today in the student's zone", () => {
    expect(rangeProblemAt({ ...base, preferredDateStart: "2026-11-20", preferredDateEnd: "2026-11-25" }, NOW)).toEqual({
      field: "preferredDateStart",
      message: "The first day cannot be in the past.",
    });
  });

  it("accepts today in a zone behind UTC although UTC is already on the next day", () => {
    expect(rangeProblemAt({ ...base, preferredDateStart: "2026-11-21", preferredDateEnd: "2026-11-21" }, NOW)).toBeNull();
  });

  it("puts a range wholly in the past on the last day", () => {
    expect(rangeProblemAt({ ...base, preferredDateStart: "2026-01-01", preferredDateEnd: "2026-01-05" }, NOW)?.field).toBe("preferredDateEnd");
  });

  it("refuses a start too far ahead", () => {
    const start = addDays("2026-11-21", MINI.startWithinDays + 1);
    expect(rangeProblemAt({ ...base, preferredDateStart: start, preferredDateEnd: start }, NOW)?.field).toBe("preferredDateStart");
  });

  it("leaves half-typed dates and unknown zones to the schema", () => {
    expect(rangeProblemAt({ ...base, preferredDateStart: "", preferredDateEnd: "2020-01-01" }, NOW)).toBeNull();
    expect(rangeProblemAt({ timezone: "Mars/Olympus", preferredDateStart: "2020-01-01", preferredDateEnd: "2020-01-01" }, NOW)).toBeNull();
  });
});

describe("valuesFromRequest (Post again)", () => {
  const old = {
    title: "Portfolio review",
    sessionType: "portfolio_review" as const,
    description: "Please look at my case studies before I apply.",
    durationMinutes: 45 as const,
    urgency: "high" as const,
    preferredDateStart: "2026-10-01",
    preferredDateEnd: "2026-10-04",
    preferredTimeSlots: [{ from: "09:00", to: "10:00" }],
    timezone: "Asia/Tokyo",
    tags: ["design"],
    relevantExperience: "",
    specificQuestions: "Is it too long?",
    resumeUrl: "",
    portfolioUrl: "https://example.com/me",
  };

  it("keeps every answer and moves past dates to start today with the same length", () => {
    const values = valuesFromRequest(old, NOW);
    expect(values).toMatchObject({ ...old, preferredDateStart: "2026-11-22", preferredDateEnd: "2026-11-25" });
    expect(rangeProblemAt(values, NOW)).toBeNull();
    expect(miniRequestInputSchema.safeParse(values).success).toBe(true);
  });

  it("keeps dates that are still ahead", () => {
    const values = valuesFromRequest({ ...old, preferredDateStart: "2026-12-01", preferredDateEnd: "2026-12-03" }, NOW);
    expect([values.preferredDateStart, values.preferredDateEnd]).toEqual(["2026-12-01", "2026-12-03"]);
  });

  it("does not share arrays with the request it copies", () => {
    const values = valuesFromRequest(old, NOW);
    values.tags.push("x");
    values.preferredTimeSlots[0]!.from = "11:00";
    expect(old.tags).toEqual(["design"]);
    expect(old.preferredTimeSlots[0]!.from).toBe("09:00");
  });
});

describe("wait estimate", () => {
  it("asks only for a known type and urgency", () => {
    expect(canEstimateWait("resume_review", "urgent")).toBe(true);
    expect(canEstimateWait("", "urgent")).toBe(false);
    expect(canEstimateWait("resume_review", "whenever")).toBe(false);
  });

  it("rounds the median to minutes, hours or days", () => {
    expect(describeDuration(0.4)).toBe("about 1 minute");
    expect(describeDuration(40)).toBe("about 40 minutes");
    expect(describeDuration(90)).toBe("about 2 hours");
    expect(describeDuration(60 * 47)).toBe("about 47 hours");
    expect(describeDuration(60 * 72)).toBe("about 3 days");
  });

  it("says how many claims the median is of, or that there are too few", () => {
    expect(describeWait({ medianMinutes: 180, sampleSize: 12 })).toBe(
      "Expected wait for a claim: about 3 hours (median of the last 12 claimed requests of this type and urgency).",
    );
    expect(describeWait({ medianMinutes: null, sampleSize: 2 })).toBe("Expected wait for a claim: not enough data yet for this type and urgency.");
  });
});

describe("miniFormFields", () => {
  it("names each slot row's ends so a server error lands on the right row", () => {
    expect(miniFormFields(2)).toEqual(expect.arrayContaining(["preferredTimeSlots.0.from", "preferredTimeSlots.1.to", "resumeUrl"]));
    expect(miniFormFields(1)).not.toContain("preferredTimeSlots.1.to");
  });
});
