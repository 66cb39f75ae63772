import { buildSearchTokens } from "@mentormatch/shared";
import { describe, expect, it } from "vitest";
import { planSearchTokensUpdate } from "./search-tokens-update.js";

const ada = { displayName: "Ada Lovelace", expertise: ["react"] };
const adaTokens = buildSearchTokens(ada);

describe("planSearchTokensUpdate", () => {
  it.each<[string, Record<string, unknown> | undefined, string[] | null]>([
    ["a deleted profile needs nothing", undefined, null],
    ["a profile without tokens gets them", ada, adaTokens],
    ["up-to-date tokens are left alone", { ...ada, searchTokens: adaTokens }, null],
    ["tokens in another order are still up to date", { ...ada, searchTokens: [...adaTokens].reverse() }, null],
    [
      "a renamed profile gets new tokens",
      { displayName: "Ada Byron", expertise: ["react"], searchTokens: adaTokens },
      buildSearchTokens({ displayName: "Ada Byron", expertise: ["react"] }),
    ],
    [
      "a new tag adds its tokens",
      { displayName: "Ada Lovelace", expertise: ["react", "go"], searchTokens: adaTokens },
      buildSearchTokens({ displayName: "Ada Lovelace", expertise: ["react", "go"] }),
    ],
    ["malformed fields index as empty", { displayName: 42, expertise: "react", searchTokens: ["n:x"] }, []],
  ])("%s", (_name, profile, expected) => {
    expect(planSearchTokensUpdate(profile)).toEqual(expected);
  });
});
