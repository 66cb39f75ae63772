// Bundles functions/src and the shared package into dist/, with a package.json that lists only the runtime
// dependencies: `firebase deploy` uploads dist/ alone, where a workspace dependency could not be installed.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const dist = join(root, "dist");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const external = Object.keys(pkg.dependencies);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const result = await build({
  entryPoints: [join(root, "src", "index.ts")],
  outfile: join(dist, "index.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  metafile: true,
  logLevel: "warning",
});
writeFileSync(
  join(dist, "package.json"),
  JSON.stringify(
    { name: "mentormatch-functions", private: true, main: "index.js", engines: pkg.engines, dependencies: pkg.dependencies },
    null,
    2,
  ) + "\n",
);
// dist/ is the deployed source, so every params file travels with the bundle: `.env` and `.env.<project-id>` for
// deploys, `.env.local` and `.secret.local` (a fake SendGrid key, the local capture URL) for the emulators;
// deploy skips `*.local` on its own.
for (const file of readdirSync(root)) {
  if (/^\.env(\..+)?$/.test(file) || file === ".secret.local") copyFileSync(join(root, file), join(dist, file));
}
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`functions: built dist/index.js (${(bytes / 1024).toFixed(0)} KiB with source map)`);
