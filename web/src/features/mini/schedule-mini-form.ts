import { scheduleMiniSessionInputSchema, type MiniMeetingType, type ScheduleMiniSessionInput } from "@mentormatch/shared";
import * as z from "zod";

export const VIDEO_MODES = ["room", "paste"] as const;
export type VideoMode = (typeof VIDEO_MODES)[number];

export interface ScheduleMiniFormValues {
  /** 0 until a time is chosen. */
  startMs: number;
  meetingType: MiniMeetingType;
  videoMode: VideoMode;
  meetingLink: string;
  phone: string;
  location: string;
  agenda: string;
}

export const defaultScheduleMiniValues = (): ScheduleMiniFormValues => ({
  startMs: 0,
  meetingType: "video",
  videoMode: "room",
  meetingLink: "",
  phone: "",
  location: "",
  agenda: "",
});

/** The callable's input for what the form holds: only the detail the chosen way of meeting uses is sent. */
export function toScheduleMiniInput(values: ScheduleMiniFormValues, requestId: string): ScheduleMiniSessionInput {
  const base = { requestId, startMs: values.startMs, meetingType: values.meetingType, agenda: values.agenda };
  if (values.meetingType === "video")
    return values.videoMode === "room" ? { ...base, createRoom: true } : { ...base, meetingLink: values.meetingLink };
  if (values.meetingType === "phone") return { ...base, phone: values.phone };
  return { ...base, location: values.location };
}

const FORM_FIELDS = new Set(["startMs", "meetingType", "meetingLink", "phone", "location", "agenda"]);

/**
 * The form checked by the shared scheduleMiniSessionInputSchema itself, so the page says what the server would,
 * each issue on the field it concerns (anything else, such as a bad request id, beside the times).
 */
export function scheduleMiniFormSchema(requestId: string) {
  return z
    .object({
      startMs: z.number(),
      meetingType: z.enum(["video", "phone", "in_person"]),
      videoMode: z.enum(VIDEO_MODES),
      meetingLink: z.string(),
      phone: z.string(),
      location: z.string(),
      agenda: z.string(),
    })
    .superRefine((values, ctx) => {
      if (!values.startMs) ctx.addIssue({ code: "custom", message: "Choose a time.", path: ["startMs"] });
      const parsed = scheduleMiniSessionInputSchema.safeParse(toScheduleMiniInput(values, requestId));
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "startMs" && !values.startMs) continue;
        ctx.addIssue({ code: "custom", message: issue.message, path: [typeof field === "string" && FORM_FIELDS.has(field) ? field : "startMs"] });
      }
    })
    .transform((values) => toScheduleMiniInput(values, requestId));
}
