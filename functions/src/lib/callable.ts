import {
  FUNCTIONS_REGION,
  callables,
  describeZodError,
  fieldErrors,
  findForbiddenKey,
  type CallableErrorDetails,
  type CallableInput,
  type CallableName,
  type CallableOutput,
  type Role,
} from "@mentormatch/shared";
import { logger } from "firebase-functions";
import { HttpsError, onCall, type CallableOptions, type CallableRequest, type FunctionsErrorCode } from "firebase-functions/v2/https";
import type * as z from "zod";
import { currentRole } from "./roles.js";

/**
 * An error meant for the person: `message` is shown as is by the web app (it is also in `details`, which is how the
 * app tells our sentences from the SDK's own codes), and `fields` puts a problem next to its form field.
 */
export function fail(code: FunctionsErrorCode, message: string, fields?: Record<string, string>): HttpsError {
  const details: CallableErrorDetails = fields ? { message, fields } : { message };
  return new HttpsError(code, message, details);
}

/** Parses a callable's input, turning a schema failure into `invalid-argument` with a message a person can act on. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, raw?: unknown): z.output<S> {
  // Zod would say "expected object, received null": true, but not a sentence for the person who sees it.
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw fail("invalid-argument", "The request was empty or not a set of fields.");
  // The callable protocol copies the JSON body into plain objects, where a "__proto__" key sets the prototype
  // instead of a field: look at both the decoded data and the body as parsed, before anything reads a field.
  const forbidden = findForbiddenKey(data) ?? findForbiddenKey(raw);
  if (forbidden) throw fail("invalid-argument", `The request has a field named "${forbidden}", which is not allowed.`);
  const result = schema.safeParse(data);
  if (!result.success) throw fail("invalid-argument", describeZodError(result.error), fieldErrors(result.error));
  return result.data;
}

export interface CallContext<N extends CallableName> {
  /** Null only for public callables called by someone signed out. */
  uid: string | null;
  /** The caller's current (stored) role, or null: an account that has not registered, or nobody. */
  role: Role | null;
  data: z.output<(typeof callables)[N]["input"]>;
  request: CallableRequest<CallableInput<N>>;
}

export interface SignedInContext<N extends CallableName> extends CallContext<N> {
  uid: string;
}

export interface MemberContext<N extends CallableName> extends SignedInContext<N> {
  role: Role;
}

type ContextFor<N extends CallableName> = (typeof callables)[N]["access"] extends "public"
  ? CallContext<N>
  : (typeof callables)[N]["access"] extends "account"
    ? SignedInContext<N>
    : MemberContext<N>;

/**
 * Every callable: auth → current role → parse → handler, with the name, access and schemas from the shared
 * contract, so a new callable is one small file whose handler only decides and writes. Anything unexpected is
 * logged and answered as `internal`, without details that could leak.
 */
export function defineCallable<N extends CallableName>(
  name: N,
  handler: (context: ContextFor<N>) => Promise<CallableOutput<N>>,
  options: CallableOptions = {},
) {
  const contract = callables[name];
  return onCall<CallableInput<N>, Promise<CallableOutput<N>>>({ region: FUNCTIONS_REGION, ...options }, async (request) => {
    const access = contract.access as "public" | "account" | readonly Role[];
    const uid = request.auth?.uid ?? null;
    if (access !== "public" && !uid) throw fail("unauthenticated", "Sign in first.");
    const role = uid && access !== "public" ? await currentRole(uid) : null;
    if (Array.isArray(access) && (!role || !access.includes(role)))
      throw fail("permission-denied", `Only ${access.map((r) => `${r}s`).join(" or ")} can do that.`);
    const rawBody = (request.rawRequest?.body as { data?: unknown } | undefined)?.data;
    const data = parseInput(contract.input, request.data, rawBody);
    try {
      return await handler({ uid, role, data, request } as ContextFor<N>);
    } catch (err) {
      if (err instanceof HttpsError) throw err;
      logger.error(`${name} failed`, err);
      throw new HttpsError("internal", "Something went wrong on our side. Try again in a moment.");
    }
  });
}

