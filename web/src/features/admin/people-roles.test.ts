import { describe, expect, it } from "vitest";
import { activeMenteesRefusal, checkRoleChange, confirmQuestion, endMatchesLabel, endedMatchesNote, inviteSentMessage, peopleSummary, roleChangeEffects, roleFilterFromParam, successMessage } from "./people-roles";

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

describe("activeMenteesRefusal", () => {
  const refusal = {
    code: "failed-precondition",
    message: "This mentor has 2 active mentees. Changing their role ends those mentorings: confirm to go ahead.",
    fields: { endActiveMatches: "Confirm to end 2 mentorings." },
  };
  it("recognises the refusal by its field, whatever the wording", () =>
    expect(activeMenteesRefusal({ ...refusal, message: "Reworded." }, 2)).toEqual({ message: "Reworded.", count: 2 }));
  it("ignores other refusals", () => {
    expect(activeMenteesRefusal({ code: "permission-denied", message: refusal.message, fields: refusal.fields }, 2)).toBeNull();
    expect(activeMenteesRefusal({ code: "failed-precondition", message: "You cannot remove your own admin role." }, 2)).toBeNull();
    expect(activeMenteesRefusal({ code: "failed-precondition", message: refusal.message, fields: {} }, 2)).toBeNull();
    expect(activeMenteesRefusal(null, 2)).toBeNull();
  });
  it("leaves the count out when the profile does not know it", () => expect(activeMenteesRefusal(refusal, 0)?.count).toBeNull());
});

describe("endMatchesLabel and endedMatchesNote", () => {
  it("labels the second confirm", () => {
    expect(endMatchesLabel(2)).toBe("End their 2 matches and change role");
    expect(endMatchesLabel(1)).toBe("End their 1 match and change role");
    expect(endMatchesLabel(null)).toBe("End their matches and change role");
  });
  it("adds what ended to the toast", () => {
    expect(endedMatchesNote()).toBe("");
    expect(endedMatchesNote(2, 1)).toBe(" 2 mentorings ended, 1 waiting request closed; the mentees were told.");
    expect(endedMatchesNote(1, 0)).toBe(" 1 mentoring ended; the mentees were told.");
  });
});
