// What every test that calls a function through the functions emulator shares: telling the emulator's own failures
// (the function is not registered yet, its worker is still booting or died while booting) from our functions'
// answers, and trying such a call again with backoff. A busy machine makes the emulator slow; that must not make
// a test fail.

/**
 * True when the answer came from the emulator, not from the function: a callable always answers an error with a
 * JSON body `{ error: { status, message } }`, while the emulator answers 404 "Function … does not exist" (not
 * registered yet, or reloading), or a 500/503 with no callable error body (the worker could not start or died).
 */
export function isEmulatorFailure(status: number, body: unknown): boolean {
  if (![404, 500, 502, 503].includes(status)) return false;
  const error = (body as { error?: { status?: unknown } } | null | undefined)?.error;
  return typeof error?.status !== "string";
}

/**
 * The same, seen through the client SDK: with no callable error body it names the error after the HTTP status
 * alone ("internal [500]", "not-found [404]", "unavailable [503]"), where our functions always give a message.
 */
export function isEmulatorFailureError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || typeof message !== "string") return false;
  const bare = code.replace(/^functions\//, "");
  return ["not-found", "internal", "unavailable"].includes(bare) && /^\S+ \[\d{3}\]$/.test(message) && message.startsWith(`${bare} [`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call`, and again (after 0.5, 1, 2, 4, 8, 16 s) while it fails with an emulator failure (`isRetryable`).
 * Safe: such a failure means our function did not run. Any other outcome is returned or thrown as it is.
 */
export async function retryWhileLoading<T>(what: string, call: () => Promise<T>, isRetryable: (error: unknown) => boolean = isEmulatorFailureError): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 6 || !isRetryable(error)) throw error;
      console.warn(`${what}: the functions emulator answered ${String((error as Error).message)}; trying again (${attempt + 1})`);
      await sleep(500 * 2 ** attempt);
    }
  }
}

/** Thrown for an answer the emulator gave instead of the function (see isEmulatorFailure). */
export class EmulatorFailure extends Error {}

/**
 * POSTs a callable request (the protocol's JSON body) and returns the status and parsed answer, trying again while the
 * emulator answers instead of the function. An answer that is not JSON at all is an error, with what came back.
 */
export async function postToCallable<T>(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: T }> {
  const name = new URL(url).pathname.split("/").pop() ?? url;
  return retryWhileLoading(
    name,
    async () => {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      const text = await response.text();
      let json: T | null = null;
      try {
        json = JSON.parse(text) as T;
      } catch {
        // the emulator's own answer (a 404 or 500 page), judged below
      }
      if (isEmulatorFailure(response.status, json)) throw new EmulatorFailure(`${response.status} ${text.slice(0, 200)}`);
      if (json === null) throw new Error(`${name} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
      return { status: response.status, json };
    },
    (error) => error instanceof EmulatorFailure,
  );
}
