import { z } from "zod";
import { ROLES, SELF_SERVICE_ROLES } from "./constants.js";
import { registerAccountInputSchema, setUserRoleInputSchema } from "./schemas/account.js";

/** The callable contract: every callable's name, input schema and output schema, shared by web and functions. */
export const callables = {
  registerAccount: {
    input: registerAccountInputSchema,
    output: z.object({ role: z.enum(SELF_SERVICE_ROLES), created: z.boolean() }),
  },
  setUserRole: {
    input: setUserRoleInputSchema,
    output: z.object({ uid: z.string(), role: z.enum(ROLES) }),
  },
} as const;

export type CallableName = keyof typeof callables;
export type CallableInput<N extends CallableName> = z.input<(typeof callables)[N]["input"]>;
export type CallableOutput<N extends CallableName> = z.output<(typeof callables)[N]["output"]>;
export const CALLABLE_NAMES = Object.keys(callables) as CallableName[];
