import { describe, expect, it } from "vitest";
import { planRoleSync, type RoleSyncEvent, type RoleSyncPlan } from "./role-sync";

describe("planRoleSync", () => {
  it.each<[string, RoleSyncEvent, RoleSyncPlan]>([
    // What the shell sees
    ["roles agree", { type: "observed", profileRole: "mentee", tokenRole: "mentee" }, { action: "none" }],
    ["profile not loaded yet", { type: "observed", profileRole: undefined, tokenRole: "mentee" }, { action: "none" }],
    ["profile without a role", { type: "observed", profileRole: null, tokenRole: "mentee" }, { action: "none" }],
    ["token without a role (sign-up page's job)", { type: "observed", profileRole: "mentee", tokenRole: null }, { action: "none" }],
    ["an admin changed the role", { type: "observed", profileRole: "mentor", tokenRole: "mentee" }, { action: "refresh", attempt: 0, delayMs: 0 }],
    // A refresh answered
    ["the new role arrived", { type: "refreshed", profileRole: "mentor", role: "mentor", attempt: 0 }, { action: "announce", role: "mentor" }],
    ["the claim lags the profile", { type: "refreshed", profileRole: "mentor", role: "mentee", attempt: 0 }, { action: "refresh", attempt: 1, delayMs: 1_000 }],
    ["still lagging", { type: "refreshed", profileRole: "mentor", role: "mentee", attempt: 2 }, { action: "refresh", attempt: 3, delayMs: 10_000 }],
    ["retries used up", { type: "refreshed", profileRole: "admin", role: "mentee", attempt: 3 }, { action: "give-up" }],
    // A refresh failed
    ["session revoked", { type: "refresh-failed", code: "auth/user-token-expired", attempt: 0 }, { action: "sign-in-again" }],
    ["account disabled", { type: "refresh-failed", code: "auth/user-disabled", attempt: 1 }, { action: "sign-in-again" }],
    ["token no longer valid", { type: "refresh-failed", code: "auth/invalid-user-token", attempt: 3 }, { action: "sign-in-again" }],
    ["offline: try again", { type: "refresh-failed", code: "auth/network-request-failed", attempt: 0 }, { action: "refresh", attempt: 1, delayMs: 1_000 }],
    ["unknown failure, retries used up", { type: "refresh-failed", code: null, attempt: 3 }, { action: "give-up" }],
    // Firebase signed the person out
    ["signed out by the SDK during a role change", { type: "signed-out", roleChangePending: true, byUser: false }, { action: "sign-in-again" }],
    ["signed out by hand during a role change", { type: "signed-out", roleChangePending: true, byUser: true }, { action: "none" }],
    ["an ordinary sign-out", { type: "signed-out", roleChangePending: false, byUser: false }, { action: "none" }],
  ])("%s", (_name, event, plan) => expect(planRoleSync(event)).toEqual(plan));
});
