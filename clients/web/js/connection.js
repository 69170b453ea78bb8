// The WebSocket side of protocol armistice.v2 (docs/protocol.md): hello, requests with ids answered by
// ack/error/…, and a Session that holds a seat, tracks seq/prev, resyncs on gaps and resumes after a drop.

import { loadSeat, saveSeat, updateSeq, forgetSeat } from "./seats.js";
import { errorText, lang, t } from "./i18n.js";

export const PROTOCOL = "armistice.v2";

/** The WebSocket URL; with the room's code when it is known, so that a cluster's proxy routes it to the room's node. */
export function socketURL(room = null) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws` + (room ? `?room=${encodeURIComponent(room)}` : "");
}

/** An error reply from the server, with its stable code; its message is the catalog's text for the code, when there is one. */
export class ServerError extends Error {
  constructor(reply) {
    super(errorText(reply.code, reply.message));
    this.code = reply.code;
    this.serverMessage = reply.message || "";
  }
}

const REPLY_TYPES = new Set(["ack", "error", "welcome", "room_created", "joined", "resumed", "pong"]);

/** One WebSocket connection: open() sends hello; request() sends a message and waits for the reply with its id. */
export class Connection {
  /** `sayLanguage` false: hello names no language (the projector that follows its room's language). `room`: the code of
   * the room this connection is for, when known (it goes in the URL). */
  constructor(onEvent = () => {}, onClose = () => {}, { sayLanguage = true, room = null } = {}) {
    this.onEvent = onEvent;
    this.onClose = onClose;
    this.sayLanguage = sayLanguage;
    this.room = room;
    this.pending = new Map();
    this.nextID = 1;
    this.ws = null;
    this.limits = {};
  }

  open() {
    return new Promise((resolve, reject) => {
      let ws;
      try { ws = new WebSocket(socketURL(this.room), PROTOCOL); } catch (e) { reject(e); return; }
      this.ws = ws;
      let opened = false;
      ws.onopen = () => {
        opened = true;
        const hello = { type: "hello", protocol: PROTOCOL, client: "armistice-web" };
        if (this.sayLanguage) hello.lang = lang();
        this.request(hello).then((welcome) => {
          this.limits = welcome.limits || {};
          resolve(welcome);
        }, reject);
      };
      ws.onmessage = (e) => this.receive(e.data);
      ws.onclose = (e) => {
        for (const { reject: r } of this.pending.values()) r(new Error(t("connection.closed")));
        this.pending.clear();
        if (!opened) reject(new Error(t("connection.cannot_connect")));
        this.onClose(e);
      };
      ws.onerror = () => { /* onclose follows */ };
    });
  }

  receive(text) {
    let msg;
    try { msg = JSON.parse(text); } catch { return; }
    if (!msg || typeof msg !== "object" || typeof msg.type !== "string") return;
    if (msg.id !== undefined && this.pending.has(msg.id) && REPLY_TYPES.has(msg.type)) {
      const { resolve, reject } = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.type === "error") reject(new ServerError(msg)); else resolve(msg);
      return;
    }
    // set_language is answered by a snapshot in the new language (or `language` before a seat): it settles the
    // request, and a snapshot is also an event like any other.
    if (msg.id !== undefined && this.pending.has(msg.id) && (msg.type === "snapshot" || msg.type === "language")) {
      this.pending.get(msg.id).resolve(msg);
      this.pending.delete(msg.id);
      if (msg.type === "language") return;
    }
    this.onEvent(msg);
  }

  /** Sends a request; resolves with the reply (rejects with ServerError on `error`). */
  request(message) {
    const id = this.nextID++;
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) { reject(new Error(t("connection.not_connected"))); return; }
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ ...message, id }));
    });
  }

  /** Sends without waiting for a reply. */
  send(message) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  close() { if (this.ws) this.ws.close(1000); }
}

/** Opens a connection, takes a seat with `seatRequest` (create_room or join) and returns the reply; closes it. */
export async function takeSeat(seatRequest) {
  const conn = new Connection(undefined, undefined, { room: seatRequest.code || null });
  await conn.open();
  try {
    return await conn.request(seatRequest);
  } finally {
    conn.close();
  }
}

/**
 * Holds a seat in a room for a page: resumes with the stored token, feeds events to `handlers`, keeps the largest
 * seq seen, asks for a snapshot on a gap, and reconnects with backoff.
 * handlers: snapshot(msg), event(msg), status(state, detail), lost(reason, message, code) (token no longer valid /
 * removed: `code` is the `removed` message's reason_code)
 */
export class Session {
  constructor(room, kind, handlers, { sayLanguage = () => true, seatId = null } = {}) {
    this.room = room;
    this.kind = kind;
    // A student's seat id (`?seat=` of the page): a browser may hold several students' seats in one room.
    this.seatId = seatId;
    this.handlers = handlers;
    this.sayLanguage = sayLanguage;
    this.lastSeq = 0;
    this.conn = null;
    this.stopped = false;
    this.attempt = 0;
    this.timer = null;
  }

  get seat() { return loadSeat(this.room, this.kind, this.seatId); }

  start() { this.connect(); }

  status(state, detail = "") { this.state = state; this.handlers.status?.(state, detail); }

  async connect() {
    if (this.stopped) return;
    const seat = this.seat;
    if (!seat || !seat.token) { this.stopped = true; this.handlers.lost?.("no_seat"); return; }
    // The seat found is the one this page holds from now on, even if another student joins in this browser.
    if (seat.seat) this.seatId = seat.seat;
    this.status(this.attempt ? "reconnecting" : "connecting");
    const conn = new Connection((m) => this.onMessage(conn, m), () => this.onClose(conn), { sayLanguage: this.sayLanguage(), room: this.room });
    this.conn = conn;
    try {
      await conn.open();
      const resume = { type: "resume", token: seat.token };
      // Within a page's life the last seq seen asks for a replay of what was missed; a page that has just loaded
      // holds nothing yet, so it resumes without a seq and gets a snapshot.
      if (this.lastSeq) resume.seq = this.lastSeq;
      const reply = await conn.request(resume);
      this.attempt = 0;
      this.status("online", reply.mode);
    } catch (e) {
      if (e instanceof ServerError && ["bad_token", "token_expired", "wrong_code"].includes(e.code)) {
        this.stopped = true;
        forgetSeat(this.room, this.kind, this.seatId);
        this.handlers.lost?.(e.code, e.message);
        conn.close();
        return;
      }
      this.status("offline", e.message);
      conn.close();
    }
  }

  onClose(conn) {
    if (conn !== this.conn || this.stopped) return;
    this.status("offline");
    this.attempt += 1;
    const delay = Math.min(15000, 500 * 2 ** Math.min(this.attempt, 5)) * (0.75 + Math.random() / 2);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  noteSeq(seq) {
    if (typeof seq === "number" && seq > this.lastSeq) {
      this.lastSeq = seq;
      updateSeq(this.room, this.kind, seq, this.seatId);
    }
  }

  onMessage(conn, msg) {
    if (conn !== this.conn) return;
    switch (msg.type) {
      case "snapshot":
        this.lastSeq = 0;
        this.noteSeq(msg.seq);
        this.handlers.snapshot?.(msg);
        return;
      case "removed":
        this.stopped = true;
        forgetSeat(this.room, this.kind, this.seatId);
        this.handlers.lost?.("removed", msg.reason, msg.reason_code);
        return;
      case "update": case "chat": case "roster": case "clock": {
        if (typeof msg.prev === "number" && msg.prev > this.lastSeq) {
          // Missed something: a fresh snapshot replaces everything.
          conn.send({ type: "resync" });
          return;
        }
        const old = typeof msg.seq === "number" && msg.seq <= this.lastSeq;
        const idempotent = msg.type === "roster" || msg.type === "clock";
        if (old && !(idempotent && msg.seq === this.lastSeq)) return;
        this.noteSeq(msg.seq);
        this.handlers.event?.(msg);
        return;
      }
      case "error":
        this.handlers.error?.(msg);
        return;
      default:
        return; // unknown types are ignored
    }
  }

  /** Sends a request on the live connection. */
  request(message) {
    if (!this.conn) return Promise.reject(new Error(t("connection.not_connected")));
    return this.conn.request(message);
  }

  /** Drops the connection as a network failure would (for testing reconnects by hand). */
  drop() { this.conn?.ws?.close(4000, "dropped by hand"); }

  stop() { this.stopped = true; clearTimeout(this.timer); this.conn?.close(); }
}

export { saveSeat };
