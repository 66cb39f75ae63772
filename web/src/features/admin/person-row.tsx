import { ROLES, type Role } from "@mentormatch/shared";
import { useEffect, useId, useRef, useState } from "react";
import toast from "react-hot-toast";
import { Avatar } from "../../components/avatar";
import { changeUserRole } from "../../data/people";
import type { Profile } from "../../data/profiles";
import { errorMessage } from "../../lib/error-message";
import { ROLE_LABELS, checkRoleChange, confirmQuestion, roleChangeEffects, successMessage } from "./people-roles";

type Phase = "idle" | "confirm" | "saving";

/** One person in the admin list: who they are, their role, and a two-step role change. */
export function PersonRow({ person, myUid, onRoleChanged }: { person: Profile; myUid: string; onRoleChanged: (uid: string, role: Role) => void }) {
  const isMe = person.uid === myUid;
  const name = person.displayName || "Unnamed user";
  const [next, setNext] = useState<Role>(person.role);
  const [phase, setPhase] = useState<Phase>("idle");
  const check = checkRoleChange({ myUid, targetUid: person.uid, name, current: person.role, next });
  const ids = { select: useId(), reason: useId(), question: useId() };
  const changeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Focus follows the step, so keyboard and screen-reader users land on the question's answer and come back after.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (phase === "confirm") confirmButton.current?.focus();
    else if (phase === "idle" && returnFocus.current) {
      returnFocus.current = false;
      changeButton.current?.focus();
    }
  }, [phase]);

  function cancel() {
    returnFocus.current = true;
    setPhase("idle");
  }

  async function confirm() {
    setPhase("saving");
    try {
      const { role, changed } = await changeUserRole(person.uid, next);
      toast.success(successMessage(name, role, changed));
      onRoleChanged(person.uid, role);
    } catch (error) {
      toast.error(errorMessage(error));
    }
    returnFocus.current = true;
    setPhase("idle");
  }

  return (
    <li className="person-row" data-testid="person-row">
      <div className="person-id">
        <Avatar name={name} url={person.avatarUrl} />
        <div className="grow">
          <p className="person-name">
            {name}
            {isMe ? <span className="pill pill-you">You</span> : null}
          </p>
          <p className="person-meta">{[person.title, person.department].filter(Boolean).join(" · ") || <span className="muted">No title yet</span>}</p>
        </div>
        <span className={`pill pill-role pill-role-${person.role}`} data-testid="current-role">
          <span className="sr-only">Current role: </span>
          {ROLE_LABELS[person.role]}
        </span>
      </div>

      {phase === "idle" ? (
        <div className="person-controls">
          <label htmlFor={ids.select} className="sr-only">
            New role for {name}
          </label>
          <select
            id={ids.select}
            value={next}
            disabled={isMe}
            aria-describedby={isMe ? ids.reason : undefined}
            onChange={(event) => setNext(event.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <button
            ref={changeButton}
            type="button"
            className="btn"
            disabled={!check.allowed}
            aria-describedby={!check.allowed ? ids.reason : undefined}
            onClick={() => setPhase("confirm")}
          >
            Change role
          </button>
          {/* Your own row always says why; on others a disabled button's reason is for assistive tech. */}
          {!check.allowed ? (
            <p id={ids.reason} className={isMe ? "person-note" : "sr-only"}>
              {check.reason}
            </p>
          ) : null}
        </div>
      ) : (
        <div
          className="person-confirm"
          role="group"
          aria-labelledby={ids.question}
          onKeyDown={(event) => {
            if (event.key === "Escape" && phase === "confirm") cancel();
          }}
        >
          <div>
            <p id={ids.question} className="person-question">
              {confirmQuestion(name, next)}
            </p>
            {roleChangeEffects(person.role, next).map((effect) => (
              <p key={effect} className="person-note">
                {effect}
              </p>
            ))}
          </div>
          <div className="person-confirm-actions">
            <button ref={confirmButton} type="button" className="btn btn-primary" disabled={phase === "saving"} onClick={confirm}>
              {phase === "saving" ? "Changing…" : `Yes, make ${ROLE_LABELS[next].toLowerCase()}`}
            </button>
            <button type="button" className="btn" disabled={phase === "saving"} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
