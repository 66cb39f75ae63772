import { newMiniRequestDoc, type MiniRequestFields } from "@mentormatch/shared";

/** A valid request's fields: the tests change only what they are about. */
const FIELDS: MiniRequestFields = {
  title: "Portfolio critique before applications",
  sessionType: "portfolio_review",
  description: "Could someone look over my design portfolio before I apply to agencies next month?",
  durationMinutes: 30,
  urgency: "normal",
  preferredDateStart: "2030-01-03",
  preferredDateEnd: "2030-01-06",
  preferredTimeSlots: [{ from: "09:00", to: "12:00" }],
  timezone: "UTC",
  tags: [],
  relevantExperience: "",
  specificQuestions: "",
  resumeUrl: "",
  portfolioUrl: "",
};

/**
 * A `miniRequests/` document exactly as postMiniRequest writes it (the planner's own builder), then put in any state
 * with `overrides`: rules, functions and browser tests seed requests without a copy of the document's shape each.
 * `timestamp` is the caller's SDK's `Timestamp.fromDate` (web or admin), so the document parses as stored.
 */
export function miniRequestDoc(
  input: { studentId: string; studentName?: string; nowMs: number; fields?: Partial<MiniRequestFields>; timestamp: (date: Date) => unknown },
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const doc = newMiniRequestDoc({ ...FIELDS, ...input.fields }, input.studentId, input.studentName ?? "Sam Student", input.nowMs);
  const stored = Object.fromEntries(Object.entries(doc).map(([key, value]) => [key, value instanceof Date ? input.timestamp(value) : value]));
  return { ...stored, ...overrides };
}
