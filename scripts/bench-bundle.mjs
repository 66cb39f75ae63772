// Benchmark: what a first visit downloads. Builds the web app and prints the raw and gzipped size of the
// initial JavaScript (the entry chunk and everything index.html preloads), the CSS, and all lazy chunks.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./emulator-env.mjs";

const dist = join(ROOT, "web", "dist");
if (!process.argv.includes("--no-build")) {
  const build = spawnSync("npm", ["run", "build", "-w", "web", "--silent"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const html = readFileSync(join(dist, "index.html"), "utf8");
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]),
);
const sizes = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sum = (files) => files.map(sizes).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

const assets = readdirSync(join(dist, "assets")).map((name) => `assets/${name}`);
const js = assets.filter((file) => file.endsWith(".js"));
const initialJs = js.filter((file) => initial.has(file));
const lazyJs = js.filter((file) => !initial.has(file));
const css = assets.filter((file) => file.endsWith(".css"));

const rows = [
  ["initial JS", initialJs],
  ["lazy JS chunks", lazyJs],
  ["CSS", css],
];
console.log("web bundle (vite build):");
for (const [label, files] of rows) {
  const total = sum(files);
  console.log(`  ${label.padEnd(16)} ${String(files.length).padStart(3)} files  ${kib(total.raw).padStart(11)} raw  ${kib(total.gzip).padStart(10)} gzip`);
}
console.log(`  dist total       ${kib(assets.reduce((acc, file) => acc + statSync(join(dist, file)).size, 0))}`);
