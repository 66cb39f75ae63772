import { inviteDocSchema, paths, type CallableOutput, type InviteDoc } from "@mentormatch/shared";
import { collection, limit, orderBy, query } from "firebase/firestore";
import { call } from "../lib/callables";
import { db } from "../lib/firestore";
import { converterFor, watchList } from "./parse";

export interface Invite extends InviteDoc {
  id: string;
}

/** How many invitations the People page lists, newest first. */
export const INVITES_SHOWN = 50;

const inviteConverter = converterFor(inviteDocSchema, (data, id): Invite => ({ ...data, id }));

/** The newest invitations, live (admins only), open and accepted alike. */
export function watchInvites(onNext: (invites: Invite[]) => void, onError: (error: Error) => void, max = INVITES_SHOWN) {
  return watchList(
    query(collection(db, paths.invites()).withConverter(inviteConverter), orderBy("createdAt", "desc"), limit(max)),
    onNext,
    onError,
  );
}

/** Admins only: lets one address join from outside the allowed domains and emails it a sign-up link. */
export function inviteUser(email: string): Promise<CallableOutput<"inviteUser">> {
  return call("inviteUser", { email });
}

/** Admins only: withdraws an invitation nobody has used yet. */
export function revokeInvite(email: string): Promise<CallableOutput<"revokeInvite">> {
  return call("revokeInvite", { email });
}
