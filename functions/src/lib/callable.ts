import type { Role } from "@mentormatch/shared";
import { describeZodError } from "@mentormatch/shared";
import { HttpsError, type CallableRequest } from "firebase-functions/v2/https";
import type { z } from "zod";

/** Parses a callable's input, turning a schema failure into `invalid-argument` with a message a person can act on. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  // Zod would say "expected object, received null": true, but not a sentence for the person who sees it.
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new HttpsError("invalid-argument", "The request was empty or not a set of fields.");
  const result = schema.safeParse(data);
  if (!result.success) throw new HttpsError("invalid-argument", describeZodError(result.error));
  return result.data;
}

export interface CallerAuth {
  uid: string;
  token: Record<string, unknown>;
}

export function requireAuth(request: CallableRequest): CallerAuth {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in first.");
  return { uid: request.auth.uid, token: request.auth.token as unknown as Record<string, unknown> };
}

/** Trusts only the ID token's claim, as the rules do; the profile's `role` is a mirror for queries. */
export function requireRole(request: CallableRequest, ...roles: Role[]): CallerAuth {
  const caller = requireAuth(request);
  const role = caller.token.role;
  if (typeof role !== "string" || !(roles as string[]).includes(role))
    throw new HttpsError("permission-denied", `Only ${roles.join(" or ")}s can do that.`);
  return caller;
}
