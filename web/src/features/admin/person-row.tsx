import { ROLES, type Role } from "@mentormatch/shared";
import { useEffect, useId, useRef, useState } from "react";
import toast from "react-hot-toast";
import { Avatar } from "../../components/avatar";
import { useConfirmStep } from "../../components/use-confirm-step";
import { changeUserRole } from "../../data/people";
import type { Profile } from "../../data/profiles";
import { callableErrorFrom, errorMessage } from "../../lib/error-message";
import {
  ROLE_LABELS,
  activeMenteesRefusal,
  checkRoleChange,
  confirmQuestion,
  endMatchesLabel,
  endedMatchesNote,
  roleChangeEffects,
  successMessage,
} from "./people-roles";

/** One person in the admin list: who they are, their role, and a two-step role change. */
export function PersonRow({ person, myUid, onRoleChanged }: { person: Profile; myUid: string; onRoleChanged: (uid: string, role: Role) => void }) {
  const isMe = person.uid === myUid;
  const name = person.displayName || "Unnamed user";
  const [next, setNext] = useState<Role>(person.role);
  // Focus follows the step, so keyboard and screen-reader users land on the question's answer and come back after.
  const step = useConfirmStep();
  const { phase } = step;
  const check = checkRoleChange({ myUid, targetUid: person.uid, name, current: person.role, next });
  const ids = { select: useId(), reason: useId(), question: useId(), endQuestion: useId() };
  // The server refused because this mentor has mentees: a second question offers to end those mentorings too.
  const [endMatches, setEndMatches] = useState<{ message: string; count: number | null } | null>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (endMatches) endButton.current?.focus();
  }, [endMatches]);

  async function confirm(endActiveMatches = false) {
    step.save();
    try {
      const result = await changeUserRole(person.uid, next, endActiveMatches);
      toast.success(successMessage(name, result.role, result.changed) + endedMatchesNote(result.endedMatches, result.closedRequests));
      onRoleChanged(person.uid, result.role);
    } catch (error) {
      const refusal = endActiveMatches ? null : activeMenteesRefusal(callableErrorFrom(error), person.activeMenteeCount);
      if (refusal) {
        setEndMatches(refusal);
        step.ask();
        return;
      }
      toast.error(errorMessage(error));
    }
    setEndMatches(null);
    step.close();
  }

  function cancelEnd() {
    setEndMatches(null);
    step.close();
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
            ref={step.actionButton}
            type="button"
            className="btn"
            disabled={!check.allowed}
            aria-describedby={!check.allowed ? ids.reason : undefined}
            onClick={step.ask}
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
      ) : endMatches ? (
        <div
          className="person-confirm person-confirm-warning"
          role="group"
          aria-labelledby={ids.endQuestion}
          onKeyDown={(event) => {
            if (event.key === "Escape" && phase !== "saving") cancelEnd();
          }}
          data-testid="end-matches-confirm"
        >
          <p id={ids.endQuestion} className="person-question" role="alert">
            {endMatches.message}
          </p>
          <p className="person-note">Their mentees are told, and requests waiting for {name} are closed.</p>
          <div className="person-confirm-actions">
            <button ref={endButton} type="button" className="btn btn-primary" disabled={phase === "saving"} onClick={() => confirm(true)}>
              {phase === "saving" ? "Changing…" : endMatchesLabel(endMatches.count)}
            </button>
            <button type="button" className="btn" disabled={phase === "saving"} onClick={cancelEnd}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div
          className="person-confirm"
          role="group"
          aria-labelledby={ids.question}
          onKeyDown={step.onKeyDown}
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
            <button ref={step.confirmButton} type="button" className="btn btn-primary" disabled={phase === "saving"} onClick={() => confirm()}>
              {phase === "saving" ? "Changing…" : `Yes, make ${ROLE_LABELS[next].toLowerCase()}`}
            </button>
            <button type="button" className="btn" disabled={phase === "saving"} onClick={step.close}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
