#!/usr/bin/env node
// A local Realtime Database for machines where the official emulator jar cannot be had (see the "Realtime Database
// locally" section of docs/ARCHITECTURE.md). firebase-server already speaks the wire protocol, keeps the data (in
// an offline firebase 8 client) and evaluates rules with targaryen; this adapter fills the gaps the firebase 12 SDK
// and firebase-admin run into:
//   - auth: `owner` (what firebase-admin sends to any emulator) is rule-free admin, as on the real emulator; a
//     client's Auth-emulator ID token (unsigned) becomes `auth` with every claim in `auth.token`;
//   - rules see the same `now` that server timestamps resolve to (firebase-server passes it as the priority);
//   - `get()` (action g), onDisconnect (o, om, oc), unlisten (n) and `increment()` are answered;
//   - queries (orderBy…, startAt/After, endAt/Before, limitTo…) are evaluated here: a `get()` of a page returns
//     what the server sends as is, and a listen then sends only its window, as the real database does;
//   - the handshake names the host the client dialled, so a client never reconnects elsewhere.
// Listens are answered here too, so they can be removed on unlisten and on close (firebase-server never does).
//
//   node tools/rtdb-standin/standin.mjs [--host 127.0.0.1] [--port 9000] [--rules database.rules.json] [-- command…]
// With a command it runs that command with FIREBASE_DATABASE_EMULATOR_HOST set, then stops (like emulators:exec).
import { spawn } from "node:child_process";
import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import FirebaseServer from "firebase-server";
import targaryen from "targaryen";

const ADMIN_CREDENTIAL = "owner";
const OPEN_RULES = targaryen.ruleset({ rules: { ".read": true, ".write": true } });
// The SDK splits messages longer than this into numbered frames; answers are split the same way.
const MAX_FRAME = 16384;
const verbose = Boolean(process.env.RTDB_STANDIN_DEBUG);
const log = (...args) => verbose && console.error("[rtdb-standin]", ...args);

const normalize = (path = "") => path.replace(/^\/+|\/+$/g, "");
const join = (...parts) => parts.map(normalize).filter(Boolean).join("/");
const isIncrement = (value) => value !== null && typeof value === "object" && typeof value[".sv"]?.increment === "number";

/** The claims of an Auth-emulator ID token: the Auth emulator does not sign them, and no emulator checks signatures. */
function decodeIdToken(token) {
  const [, payload] = String(token).split(".");
  const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
  const uid = claims.user_id ?? claims.sub;
  if (typeof uid !== "string" || !uid) throw new Error("no uid in token");
  return { uid, provider: claims.firebase?.sign_in_provider ?? "custom", token: claims };
}

class StandIn extends FirebaseServer {
  constructor({ host, port, rules }) {
    super({ port, address: host }, `${host}:${port}`);
    this.rules = targaryen.ruleset(rules);
  }

  setRules(rules) {
    this.rules = targaryen.ruleset(rules);
  }

  /** The current data under `rules`, as `auth`; a fresh database each time so no one inherits another's auth. */
  database(conn) {
    const db = targaryen.database(conn.admin ? OPEN_RULES : this.rules, this.targaryen.root);
    return conn.auth ? db.as(conn.auth) : db;
  }

  handleConnection(ws, request) {
    const conn = { auth: null, admin: false, listens: new Map(), onDisconnect: [], frames: null };
    // firebase-server's connection code checks and applies writes through `server.targaryen` and names `this.name` in
    // the handshake. It runs on a per-connection view of this server: checks run as this connection's user (whatever
    // auth it passes), with `now` passed as `now`; only the resulting data is kept, since rules and auth are chosen
    // per request.
    const checks = {
      as: () => checks,
      read: (path) => this.database(conn).read(path, { now: Date.now() }),
      write: (path, value, now) => this.database(conn).write(path, value, { now }),
      update: (path, patch, now) => this.database(conn).update(path, patch, { now }),
    };
    const view = Object.create(this, {
      name: { value: request?.headers?.host ?? this.name },
      targaryen: {
        get: () => checks,
        set: (db) => {
          this.targaryen = targaryen.database(OPEN_RULES, db.root);
        },
      },
    });
    FirebaseServer.prototype.handleConnection.call(view, ws);
    const [firebaseServerHandler] = ws.listeners("message");
    ws.removeAllListeners("message");
    conn.forward = (message) => firebaseServerHandler(JSON.stringify(message));
    conn.send = (message) => sendFramed(ws, message);
    ws.on("message", (data) => {
      const message = conn.frames ? collectFrame(conn, data.toString()) : readFrame(conn, data.toString());
      if (!message) return;
      try {
        this.dispatch(conn, message);
      } catch (error) {
        log("message failed", error);
      }
    });
    ws.on("error", (error) => log("socket error", error.message));
    ws.on("close", () => this.disconnected(conn));
  }

  dispatch(conn, message) {
    if (message.t !== "d" || !message.d) return;
    const { r: id, a: action, b: body = {} } = message.d;
    const reply = (status, data) => id !== undefined && conn.send({ t: "d", d: { r: id, b: { s: status, d: data } } });
    const denied = () => reply("permission_denied", "Permission denied");
    const path = normalize(body.p);
    switch (action) {
      case "auth":
      case "gauth":
        if (body.cred === ADMIN_CREDENTIAL) {
          Object.assign(conn, { admin: true, auth: null });
          return reply("ok", { auth: null, admin: true });
        }
        try {
          Object.assign(conn, { admin: false, auth: decodeIdToken(body.cred) });
          return reply("ok", { auth: conn.auth, expires: conn.auth.token.exp ?? null });
        } catch {
          Object.assign(conn, { admin: false, auth: null });
          return reply("invalid_token", "Could not parse auth token.");
        }
      case "unauth":
        Object.assign(conn, { admin: false, auth: null });
        return reply("ok", {});
      case "q":
      case "l":
        return this.listen(conn, path, body, reply, denied);
      case "n":
        conn.listens.get(`${path}|${body.t ?? ""}`)?.();
        return;
      case "g":
        if (!this.database(conn).read(path, { now: Date.now() }).allowed) return denied();
        return this.query(path, body.q).once("value", (snap) => reply("ok", snap.exportVal()));
      case "p":
      case "m":
        // firebase-server resolves server timestamps; increments need the current value, which it cannot see.
        message.d.b = { ...body, d: this.resolveIncrements(path, body.d, action === "m") };
        return conn.forward(message);
      case "o":
      case "om": {
        const now = Date.now();
        const data = this.resolveIncrements(path, body.d, action === "om");
        const db = this.database(conn);
        const result = action === "o" ? db.write(path, data, { now }) : db.update(path, data, { now });
        if (!result.allowed) return denied();
        conn.onDisconnect.push({ action: action === "o" ? "p" : "m", path, data: body.d });
        return reply("ok", {});
      }
      case "oc":
        conn.onDisconnect = conn.onDisconnect.filter((op) => path && op.path !== path && !op.path.startsWith(`${path}/`));
        return reply("ok", {});
      case "s":
        return reply("ok", {});
      default:
        log("unhandled action", action);
    }
  }

  /**
   * The SDK's wire query (`q`: i index, sp/sn/sin start, ep/en/ein end, l limit, vf side) as the same query on the
   * data's firebase 8 client, which evaluates it with the SDK's own ordering rules.
   */
  query(path, q = {}) {
    let query = path ? this.baseRef.child(path) : this.baseRef;
    if (Object.keys(q).length === 0) return query;
    const index = q.i ?? ".priority";
    if (index === ".key") query = query.orderByKey();
    else if (index === ".value") query = query.orderByValue();
    else if (index === ".priority") query = query.orderByPriority();
    else query = query.orderByChild(index);
    // The SDK's sentinels for "before/after every key" are its defaults when no key is given.
    const name = (key) => (key === "[MIN_NAME]" || key === "[MAX_NAME]" ? undefined : key);
    if ("sp" in q) query = q.sin === false ? query.startAfter(q.sp, name(q.sn)) : query.startAt(q.sp, name(q.sn));
    if ("ep" in q) query = q.ein === false ? query.endBefore(q.ep, name(q.en)) : query.endAt(q.ep, name(q.en));
    if ("l" in q) query = q.vf === "l" ? query.limitToFirst(q.l) : query.limitToLast(q.l);
    return query;
  }

  /** Sends the (query's) value at `path` now and on every change, tagged as the SDK asked. */
  listen(conn, path, { q, t: tag }, reply, denied) {
    const key = `${path}|${tag ?? ""}`;
    conn.listens.get(key)?.();
    if (!this.database(conn).read(path, { now: Date.now() }).allowed) return denied();
    const ref = this.query(path, q);
    let answered = false;
    const onValue = ref.on("value", (snap) => {
      conn.send({ t: "d", d: { a: "d", b: { p: path, d: snap.exportVal(), ...(tag === undefined ? {} : { t: tag }) } } });
      if (!answered) reply("ok", {});
      answered = true;
    });
    conn.listens.set(key, () => {
      ref.off("value", onValue);
      conn.listens.delete(key);
    });
  }

  /** `{".sv": {increment: n}}` becomes the current number plus n (or n), as the real database does. */
  resolveIncrements(path, data, isMerge) {
    const resolveAt = (at, value) => {
      if (isIncrement(value)) {
        const current = this.targaryen.snapshot(at).val();
        return (typeof current === "number" ? current : 0) + value[".sv"].increment;
      }
      if (value === null || typeof value !== "object" || ".sv" in value) return value;
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, resolveAt(join(at, key), child)]));
    };
    if (!isMerge) return resolveAt(path, data);
    return Object.fromEntries(Object.entries(data ?? {}).map(([key, child]) => [key, resolveAt(join(path, key), child)]));
  }

  /** Stops the connection's listeners, then runs its onDisconnect writes as its user, each checked by the rules. */
  disconnected(conn) {
    for (const stop of [...conn.listens.values()]) stop();
    conn.send = () => undefined;
    for (const { action, path, data } of conn.onDisconnect.splice(0)) this.dispatch(conn, { t: "d", d: { a: action, b: { p: path, d: data } } });
  }
}

function sendFramed(ws, message) {
  const payload = JSON.stringify(message);
  try {
    if (payload.length <= MAX_FRAME) return ws.send(payload);
    ws.send(String(Math.ceil(payload.length / MAX_FRAME)));
    for (let at = 0; at < payload.length; at += MAX_FRAME) ws.send(payload.slice(at, at + MAX_FRAME));
  } catch (error) {
    log("send failed", error.message);
  }
}

/** A frame is either a whole message, "0" (keep-alive) or the number of frames the next message spans. */
function readFrame(conn, text) {
  if (/^\d{1,6}$/.test(text)) {
    if (Number(text) > 1) conn.frames = { expected: Number(text), parts: [] };
    return null;
  }
  return parseMessage(text);
}

function collectFrame(conn, text) {
  conn.frames.parts.push(text);
  if (conn.frames.parts.length < conn.frames.expected) return null;
  const whole = conn.frames.parts.join("");
  conn.frames = null;
  return parseMessage(whole);
}

function parseMessage(text) {
  try {
    return JSON.parse(text);
  } catch {
    log("unparseable message", text.slice(0, 200));
    return null;
  }
}

/** Starts the stand-in; resolves once it listens. */
export function startStandIn({ host = "127.0.0.1", port = 9000, rulesPath = "database.rules.json" } = {}) {
  const readRules = () => JSON.parse(readFileSync(rulesPath, "utf8"));
  const server = new StandIn({ host, port, rules: readRules() });
  return new Promise((resolvePromise, reject) => {
    server.wss.once("error", reject);
    server.wss.once("listening", () => {
      const reload = () => {
        try {
          server.setRules(readRules());
          console.log(`rtdb-standin: reloaded ${rulesPath}`);
        } catch (error) {
          console.error(`rtdb-standin: kept the previous rules, ${rulesPath} is invalid: ${error.message}`);
        }
      };
      watchFile(rulesPath, { interval: 1000 }, reload);
      resolvePromise({
        host,
        port: server.getPort(),
        setRules: (rules) => server.setRules(rules),
        close: async () => {
          unwatchFile(rulesPath, reload);
          for (const client of server.wss.clients) client.terminate();
          await server.close();
        },
      });
    });
  });
}

function parseArgs(argv) {
  const dashes = argv.indexOf("--");
  const flags = dashes === -1 ? argv : argv.slice(0, dashes);
  const option = (name, fallback) => {
    const at = flags.indexOf(`--${name}`);
    return at === -1 ? fallback : flags[at + 1];
  };
  return {
    host: option("host", "127.0.0.1"),
    port: Number(option("port", "9000")),
    rulesPath: resolve(option("rules", "database.rules.json")),
    command: dashes === -1 ? [] : argv.slice(dashes + 1),
  };
}

async function main() {
  const { host, port, rulesPath, command } = parseArgs(process.argv.slice(2));
  const standIn = await startStandIn({ host, port, rulesPath });
  console.log(`rtdb-standin: listening on ${host}:${standIn.port} with ${rulesPath}`);
  const stop = (code) => standIn.close().finally(() => process.exit(code));
  if (command.length === 0) {
    process.on("SIGINT", () => stop(130));
    process.on("SIGTERM", () => stop(143));
    return;
  }
  const clientHost = `${host === "0.0.0.0" ? "127.0.0.1" : host}:${standIn.port}`;
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, FIREBASE_DATABASE_EMULATOR_HOST: clientHost } });
  // Ctrl-C reaches the command too (same process group): stay up until it has shut down, then stop.
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  child.once("exit", (code, signal) => stop(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`rtdb-standin: ${error.message}`);
    process.exit(1);
  });
}
