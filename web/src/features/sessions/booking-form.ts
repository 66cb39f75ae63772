import { bookSessionInputSchema, type BookSessionInput, type GetBookableSlotsOutput } from "@mentormatch/shared";
import * as z from "zod";

export const LINK_MODES = ["room", "paste", "none"] as const;
export type LinkMode = (typeof LINK_MODES)[number];

export interface BookingFormValues {
  durationMinutes: number;
  /** 0 until a slot is chosen. */
  startMs: number;
  agenda: string;
  linkMode: LinkMode;
  meetingLink: string;
}

export const defaultBookingValues = (): BookingFormValues => ({ durationMinutes: 30, startMs: 0, agenda: "", linkMode: "room", meetingLink: "" });

/** The callable's input for what the form holds: a pasted link only when "paste" is chosen, a room only for "room". */
export function toBookInput(values: BookingFormValues, matchId: string): BookSessionInput {
  return {
    matchId,
    startMs: values.startMs,
    durationMinutes: values.durationMinutes,
    agenda: values.agenda,
    ...(values.linkMode === "paste" ? { meetingLink: values.meetingLink } : {}),
    ...(values.linkMode === "room" ? { createRoom: true } : {}),
  };
}

/**
 * The booking form checked by the shared bookSessionInputSchema itself (so the page says what the server would),
 * each issue placed on the form field it concerns.
 */
export function bookingFormSchema(matchId: string) {
  return z
    .object({
      durationMinutes: z.number(),
      startMs: z.number(),
      agenda: z.string(),
      linkMode: z.enum(LINK_MODES),
      meetingLink: z.string(),
    })
    .superRefine((values, ctx) => {
      if (!values.startMs) ctx.addIssue({ code: "custom", message: "Choose a time.", path: ["startMs"] });
      const parsed = bookSessionInputSchema.safeParse(toBookInput(values, matchId));
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "startMs" && !values.startMs) continue;
        const path = typeof field === "string" && field in values ? [field] : ["startMs"];
        ctx.addIssue({ code: "custom", message: issue.message, path });
      }
    })
    .transform((values) => toBookInput(values, matchId));
}

type Day = GetBookableSlotsOutput["days"][number];

/** "Show later times" appends a window: a day split across two answers becomes one day again, in order. */
export function mergeSlotDays(current: readonly Day[], more: readonly Day[]): Day[] {
  const byDate = new Map<string, Day>();
  for (const day of [...current, ...more]) {
    const existing = byDate.get(day.date);
    if (!existing) byDate.set(day.date, { date: day.date, slots: [...day.slots] });
    else {
      const seen = new Set(existing.slots.map((slot) => slot.startMs));
      existing.slots.push(...day.slots.filter((slot) => !seen.has(slot.startMs)));
      existing.slots.sort((a, b) => a.startMs - b.startMs);
    }
  }
  return [...byDate.values()].filter((day) => day.slots.length > 0).sort((a, b) => a.date.localeCompare(b.date));
}
