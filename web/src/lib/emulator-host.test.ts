import { describe, expect, it } from "vitest";
import { emulatorHost } from "./emulator-host";

describe("emulatorHost", () => {
  it.each([
    ["localhost", "127.0.0.1"],
    ["", "127.0.0.1"],
    ["[::1]", "127.0.0.1"],
    ["127.0.0.1", "127.0.0.1"],
    ["192.168.1.20", "192.168.1.20"],
    ["laptop.local", "laptop.local"],
  ])("page on %j talks to emulators on %j", (page, host) => expect(emulatorHost(page)).toBe(host));
});
