// Shared by the in-process Realtime Database rules tests (targaryen): the rules file, the clock, and the people who
// try every path. nora and uma are members too, so their denials are the missing role and the unverified address,
// not membership.
import { readFileSync } from "node:fs";

export const rules = JSON.parse(readFileSync(new URL("../../database.rules.json", import.meta.url), "utf8")) as object;

export const OPEN = "c1";
export const CLOSED = "c2";
/** A chat without chat-list entries yet: its first send creates them. */
export const UNLISTED = "c3";
export const NOW = Date.UTC(2025, 0, 1);
export const EARLIER = NOW - 60_000;
export const SERVER_TIME = { ".sv": "timestamp" };

export type Auth = { uid: string; token: Record<string, unknown> } | null;
export interface Actor {
  name: string;
  auth: Auth;
  /** In the members list of c1 and c2. */
  member: boolean;
}

export const verified = (uid: string, role: string): Auth => ({ uid, token: { email_verified: true, role } });

/** Auth objects as the client SDK presents them to rules: uid plus the token's claims. */
export const ACTORS: Actor[] = [
  { name: "anonymous", auth: null, member: false },
  { name: "a member signed in without a role", auth: { uid: "nora", token: { email_verified: true } }, member: true },
  { name: "a member whose email is unverified", auth: { uid: "uma", token: { email_verified: false, role: "mentor" } }, member: true },
  { name: "the member mentor", auth: verified("mark", "mentor"), member: true },
  { name: "the member mentee", auth: verified("alice", "mentee"), member: true },
  { name: "an admin who is not a member", auth: verified("ada", "admin"), member: false },
  { name: "a mentee who is not a member", auth: verified("olga", "mentee"), member: false },
];

/** Verified, with a role: what every RTDB rule asks of a person before anything else. */
export const isUser = (actor: Actor) => actor.auth?.token.email_verified === true && actor.auth.token.role != null;
export const canChat = (actor: Actor) => isUser(actor) && actor.member;
export const peerOf = (uid: string) => (uid === "mark" ? "alice" : "mark");

export const memberUids = ["mark", "alice", "nora", "uma"];
export const members = Object.fromEntries(memberUids.map((uid) => [uid, true]));
export const history = { m1: { from: "alice", text: "Hello", sentAt: EARLIER } };
