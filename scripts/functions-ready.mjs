// Waits until the functions emulator lists every function functions/dist exports, so no test makes its first call
// while the emulator is still loading definitions (on a busy machine discovery can take many seconds, and a call
// before it ends answers 404 "does not exist").
//   node scripts/functions-ready.mjs [--timeout 600]
// `node scripts/emulators.mjs exec` runs it before its command whenever the functions emulator is up.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PORTS, ROOT } from "./emulator-env.mjs";

const ORIGIN = `http://127.0.0.1:${PORTS.functions}`;

/** The export names of the built bundle (esbuild's CommonJS `__export(index_exports, { name: () => …, … })`). */
export function exportedFunctions(distIndex = join(ROOT, "functions", "dist", "index.js")) {
  const source = readFileSync(distIndex, "utf8");
  const block = /__export\(\w+_exports, \{([^}]*)\}\);\s*module\.exports = __toCommonJS\(/.exec(source);
  if (!block) throw new Error(`${distIndex}: no export list found (is it esbuild's CommonJS bundle?)`);
  return [...block[1].matchAll(/^\s*(\w+): \(\) =>/gm)].map((match) => match[1]);
}

/** What the functions emulator has registered: entry point → trigger definition. */
async function registeredTriggers() {
  const response = await fetch(`${ORIGIN}/backends`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET /backends answered ${response.status}`);
  const { backends } = await response.json();
  return new Map(backends.flatMap((backend) => backend.functionTriggers ?? []).map((trigger) => [trigger.entryPoint, trigger]));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves with the registered triggers once every exported function is among them; throws after `timeoutMs`
 * naming the missing ones. Polls; nothing here depends on how fast the machine is, only on the generous deadline.
 */
export async function waitForFunctions({ timeoutMs = 600_000, quiet = false } = {}) {
  const expected = exportedFunctions();
  const started = Date.now();
  let missing = expected;
  let lastError;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      const triggers = await registeredTriggers();
      missing = expected.filter((name) => !triggers.has(name));
      if (missing.length === 0) {
        if (!quiet) console.log(`functions-ready: all ${expected.length} functions registered after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return triggers;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `the functions emulator did not register ${missing.join(", ")} within ${timeoutMs / 1000} s${lastError ? ` (${lastError.message})` : ""}`,
      );
    await sleep(delay);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const timeoutIndex = args.indexOf("--timeout");
  const timeoutMs = timeoutIndex === -1 ? undefined : Number(args[timeoutIndex + 1]) * 1000;
  try {
    await waitForFunctions({ timeoutMs });
  } catch (error) {
    console.error(`functions-ready: ${error.message}`);
    process.exit(1);
  }
}
