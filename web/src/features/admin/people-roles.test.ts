import { describe, expect, it } from "vitest";
import { checkRoleChange, confirmQuestion, inviteSentMessage, peopleSummary, roleChangeEffects, roleFilterFromParam, successMessage } from "./people-roles";

describe("checkRoleChange", () => {
  const base = { myUid: "me", targetUid: "ada", name: "Ada Lovelace" } as const;
  it.each([
    [{ ...base, current: "mentee", next: "mentor" }, null],
    [{ ...base, current: "mentor", next: "admin" }, null],
    [{ ...base, current: "admin", next: "mentee" }, null],
    // A profile whose mirror is missing can still be given a role.
    [{ ...base, current: null, next: "mentee" }, null],
    [{ ...base, current: "mentor", next: "mentor" }, "Ada Lovelace is already a mentor."],
    [{ ...base, name: " ", current: "admin", next: "admin" }, "this person is already an admin."],
    [{ ...base, targetUid: "me", current: "admin", next: "mentee" }, /This is you/],
    // Even "admin → admin" on your own row says why the control is off, not that nothing would change.
    [{ ...base, targetUid: "me", current: "admin", next: "admin" }, /This is you/],
  ] as const)("%j", (input, reason) => {
    const check = checkRoleChange(input);
    if (reason === null) expect(check).toEqual({ allowed: true });
    else {
      expect(check.allowed).toBe(false);
      expect(check.allowed ? "" : check.reason).toMatch(reason);
    }
  });
});

describe("confirmQuestion and successMessage", () => {
  it.each([
    ["Ada Lovelace", "admin", "Make Ada Lovelace an admin?", "Ada Lovelace is now an admin."],
    ["Sam Okafor", "mentor", "Make Sam Okafor a mentor?", "Sam Okafor is now a mentor."],
    ["  Bo Li ", "mentee", "Make Bo Li a mentee?", "Bo Li is now a mentee."],
    ["", "mentee", "Make this person a mentee?", "this person is now a mentee."],
  ] as const)("%s → %s", (name, role, question, success) => {
    expect(confirmQuestion(name, role)).toBe(question);
    expect(successMessage(name, role)).toBe(success);
  });
  it("says when nothing changed", () => expect(successMessage("Ada Lovelace", "mentor", false)).toBe("Ada Lovelace is already a mentor."));
});

describe("roleChangeEffects", () => {
  it.each([
    ["mentee", "mentor", [/mentor directory and can accept/]],
    ["mentor", "mentee", [/capacity goes to 0/]],
    ["mentor", "admin", [/capacity goes to 0/, /change anyone's role/]],
    ["admin", "mentor", [/mentor directory and can accept/, /lose access/]],
    ["admin", "mentee", [/lose access/]],
    ["mentee", "admin", [/change anyone's role/]],
    [null, "mentee", []],
  ] as const)("%s → %s", (current, next, expected) => {
    const effects = roleChangeEffects(current, next);
    expect(effects).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(effects[i]).toMatch(pattern));
  });
});

describe("roleFilterFromParam", () => {
  it.each([
    ["mentor", "mentor"],
    ["admin", "admin"],
    ["", ""],
    [null, ""],
    ["owner", ""],
    ["Mentor", ""],
  ] as const)("%j → %j", (param, expected) => {
    expect(roleFilterFromParam(param)).toBe(expected);
  });
});

describe("peopleSummary", () => {
  it.each([
    [0, false, "No people found"],
    [1, false, "Showing 1 person"],
    [20, true, "Showing 20 people so far"],
    [1200, false, "Showing 1,200 people"],
  ] as const)("%i, more: %s", (count, more, text) => {
    expect(peopleSummary(count, more)).toBe(text);
  });
});

describe("inviteSentMessage", () => {
  it("says whether an email went out", () => {
    expect(inviteSentMessage("eve@gmail.com", true)).toBe("Invitation sent to eve@gmail.com.");
    expect(inviteSentMessage("eve@gmail.com", false)).toBe("eve@gmail.com already has an open invitation.");
  });
});
