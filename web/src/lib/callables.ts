import { callables, describeZodError, type CallableInput, type CallableName, type CallableOutput } from "@mentormatch/shared";
import { httpsCallable } from "firebase/functions";
import { UserFacingError } from "./error-message";
import { functions } from "./functions";

/**
 * Calls a function through the shared contract. The input is checked here first so a person sees the same message
 * the server would give without a round trip; the output is checked so a contract drift fails loudly, not later.
 */
export async function call<N extends CallableName>(name: N, input: CallableInput<N>): Promise<CallableOutput<N>> {
  const contract = callables[name];
  const parsedInput = contract.input.safeParse(input);
  if (!parsedInput.success) throw new UserFacingError(describeZodError(parsedInput.error));
  const result = await httpsCallable(functions, name)(parsedInput.data);
  const parsedOutput = contract.output.safeParse(result.data);
  if (!parsedOutput.success) {
    console.error(`${name} returned an unexpected shape`, result.data, parsedOutput.error);
    throw new UserFacingError("The server sent an unexpected answer. Reload the page and try again.");
  }
  return parsedOutput.data as CallableOutput<N>;
}
