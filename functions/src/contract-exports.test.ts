import { readFileSync } from "node:fs";
import { CALLABLE_NAMES } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";

// The web app calls callables by their contract names: each must be deployed under exactly that name.
describe("functions/src/index.ts", () => {
  const index = readFileSync(new URL("./index.ts", import.meta.url), "utf8");
  it.each(CALLABLE_NAMES)("exports the contract's %s from its own file", (name) => {
    const file = name.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`);
    expect(index).toContain(`export { ${name} } from "./callable/${file}.js";`);
    expect(readFileSync(new URL(`./callable/${file}.ts`, import.meta.url), "utf8")).toContain(`defineCallable("${name}"`);
  });
});
