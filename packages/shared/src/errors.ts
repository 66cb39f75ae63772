import type * as z from "zod";

/** One sentence a person can act on: each problem's message, prefixed with its field when it has one. */
export function describeZodError(error: z.ZodError): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const issue of error.issues) {
    const message = issue.code === "unrecognized_keys" ? `Unexpected field(s): ${issue.keys.join(", ")}.` : issue.message;
    const field = issue.path.length ? `${issue.path.map(String).join(".")}: ` : "";
    const line = `${field}${message}`;
    if (!seen.has(line)) {
      seen.add(line);
      parts.push(line);
    }
  }
  return parts.join(" ") || "The request was not valid.";
}

/** Field path → first message, for showing errors next to form fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}
