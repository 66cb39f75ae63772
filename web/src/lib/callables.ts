import { callables, describeZodError, fieldErrors, type CallableInput, type CallableName, type CallableOutput } from "@mentormatch/shared";
import { httpsCallable } from "firebase/functions";
import { CallableError, UserFacingError, callableErrorFrom } from "./error-message";
import { functions } from "./functions";

/**
 * Calls a function through the shared contract. The input is checked here first so a person sees the same message
 * (and the same per-field messages) the server would give without a round trip; the output is checked so a
 * contract drift fails loudly, not later. A refusal the server sent on purpose (its `details` carry a message for
 * people) becomes a CallableError; anything else is rethrown as is for errorMessage()'s generic mapping.
 */
export async function call<N extends CallableName>(name: N, input: CallableInput<N>): Promise<CallableOutput<N>> {
  const contract = callables[name];
  const parsedInput = contract.input.safeParse(input);
  if (!parsedInput.success)
    throw new CallableError("invalid-argument", describeZodError(parsedInput.error), fieldErrors(parsedInput.error));
  let result;
  try {
    result = await httpsCallable(functions, name)(parsedInput.data);
  } catch (error) {
    throw callableErrorFrom(error) ?? error;
  }
  const parsedOutput = contract.output.safeParse(result.data);
  if (!parsedOutput.success) {
    console.error(`${name} returned an unexpected shape`, result.data, parsedOutput.error);
    throw new UserFacingError("The server sent an unexpected answer. Reload the page and try again.");
  }
  return parsedOutput.data as CallableOutput<N>;
}
