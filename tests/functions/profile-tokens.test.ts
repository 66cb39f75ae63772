import { buildSearchTokens, paths } from "@mentormatch/shared";
import { afterAll, describe, expect, it } from "vitest";
import { adminDb, closeClients, signUp, sleep, waitFor } from "./helpers.js";

afterAll(closeClients);

describe("on-profile-written", () => {
  it("recomputes searchTokens when the name or expertise change, and then stops", async () => {
    const client = await signUp("tokens");
    await client.call("registerAccount", { role: "mentor", displayName: "Ada Lovelace", timezone: "UTC" });
    const ref = adminDb.doc(paths.user(client.uid));

    // What an owner's profile edit does: new fields, stale tokens.
    await ref.update({ displayName: "Ada Byron", expertise: ["analytical engines", "poetry"] });
    const expected = buildSearchTokens({ displayName: "Ada Byron", expertise: ["analytical engines", "poetry"] });
    await waitFor(async () => {
      const tokens = (await ref.get()).get("searchTokens") as string[];
      return tokens.length === expected.length && expected.every((t) => tokens.includes(t));
    }, undefined, "tokens recomputed");
    const tokens = (await ref.get()).get("searchTokens") as string[];
    expect(tokens).toContain("n:ada b|x:poetry");
    expect(tokens).not.toContain("n:love");

    // Its own write fires it again; finding the tokens current, it must not write a third time.
    const settled = (await ref.get()).updateTime;
    await sleep(2_000);
    expect((await ref.get()).updateTime!.isEqual(settled!)).toBe(true);
  });

  it("leaves a profile whose tokens are current untouched", async () => {
    const client = await signUp("tokens-same");
    await client.call("registerAccount", { role: "mentee", displayName: "Bo Li", timezone: "UTC" });
    const ref = adminDb.doc(paths.user(client.uid));
    await ref.update({ bio: "Learning Go." });
    const written = (await ref.get()).updateTime;
    await sleep(2_000);
    expect((await ref.get()).updateTime!.isEqual(written!)).toBe(true);
  });
});
