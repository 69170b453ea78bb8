// Seat tokens, kept in localStorage per room and per kind of page (player, instructor, observer), so that a
// reload or a dropped connection resumes the same seat. The instructor key and its sign-in session are kept for this tab
// only (below).

const PREFIX = "armistice.seat.";

export function normalizeCode(code) {
  return String(code || "").toUpperCase().replace(/[\s-]/g, "");
}

// A student's seat is kept under its room and its seat id (`armistice.seat.CODE.player.SEAT`), so that a shared laptop
// keeps every student's seat: a second student joining in the same browser does not replace the first one's. The
// instructor's and the projector's are one per room (`armistice.seat.CODE.instructor`).
function key(room, kind, seat = null) {
  return kind === "player" && seat ? `${PREFIX}${normalizeCode(room)}.player.${seat}` : `${PREFIX}${normalizeCode(room)}.${kind}`;
}

function read(k) {
  try { const raw = localStorage.getItem(k); return raw ? JSON.parse(raw) : null; } catch { return null; }
}

function storedKeys() {
  const keys = [];
  try { for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); if (k && k.startsWith(PREFIX)) keys.push(k); } } catch { /* no storage */ }
  return keys;
}

/** The single student seat per room that older pages kept (`armistice.seat.CODE.player`) moves under its seat id. */
function migrate() {
  for (const k of storedKeys()) {
    if (!/^armistice\.seat\.[^.]+\.player$/.test(k)) continue;
    const seat = read(k);
    try {
      if (seat?.seat && seat.room && !read(key(seat.room, "player", seat.seat))) localStorage.setItem(key(seat.room, "player", seat.seat), JSON.stringify(seat));
      localStorage.removeItem(k);
    } catch { /* private mode */ }
  }
}

/** The seat of `kind` in `room`: a student's by its seat id, or without one the one used last. */
export function loadSeat(room, kind, seat = null) {
  migrate();
  if (kind !== "player") return read(key(room, kind));
  if (seat) return read(key(room, kind, seat));
  const mine = storedKeys().filter((k) => k.startsWith(`${PREFIX}${normalizeCode(room)}.player.`)).map(read).filter((s) => s && s.token);
  return mine.sort((a, b) => (b.saved || 0) - (a.saved || 0))[0] || null;
}

export function saveSeat(room, kind, seat) {
  try { localStorage.setItem(key(room, kind, seat.seat), JSON.stringify({ ...seat, room: normalizeCode(room), kind, saved: Date.now() })); } catch { /* private mode */ }
}

export function updateSeq(room, kind, seq, seatId = null) {
  const seat = loadSeat(room, kind, seatId);
  if (seat && (!seat.seq || seq > seat.seq)) {
    try { localStorage.setItem(key(room, kind, seat.seat), JSON.stringify({ ...seat, seq })); } catch { /* private mode */ }
  }
}

export function forgetSeat(room, kind, seatId = null) {
  try { localStorage.removeItem(key(room, kind, seatId)); } catch { /* ignore */ }
}

/** The page of a saved seat: a student's names its seat, so that a shared browser resumes the one chosen. */
export function seatPage(s) {
  const seat = s.kind === "player" && s.seat ? `&seat=${encodeURIComponent(s.seat)}` : "";
  return `${pageFor(s.kind)}?room=${encodeURIComponent(s.room)}${seat}`;
}

/** Every saved seat, newest first. */
export function allSeats() {
  migrate();
  const seats = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k || !k.startsWith(PREFIX)) continue;
      try { seats.push(JSON.parse(localStorage.getItem(k))); } catch { /* skip */ }
    }
  } catch { /* no storage */ }
  return seats.filter((s) => s && s.room && s.token).sort((a, b) => (b.saved || 0) - (a.saved || 0));
}

export function pageFor(kind) {
  return kind === "instructor" ? "console.html" : kind === "observer" ? "board.html" : "play.html";
}

export function kindOfRole(role) {
  return role === "instructor" ? "instructor" : role === "observer" ? "observer" : "player";
}

// The instructor's sign-in, for this tab only (sessionStorage): the key or teacher's secret as typed, kept to sign in
// again, and the sign-in session the server traded for it (teacher.js, docs/protocol.md "Instructor accounts and the
// archive"). The session is what is sent: a key can be refused because others at the same address sent wrong keys,
// a session never is.
const KEY = "armistice.instructorKey";
const SESSION = "armistice.session";
/** How every sign-in session begins. */
export const SESSION_PREFIX = "session-";

export function isSession(value) {
  return String(value || "").startsWith(SESSION_PREFIX);
}

function stored(name) {
  try { return sessionStorage.getItem(name) || ""; } catch { return ""; }
}

/** This tab's sign-in session ({token, expires}) while it lasts by the server's clock as it said, else null. */
export function heldSession() {
  try {
    const held = JSON.parse(stored(SESSION) || "null");
    return held && isSession(held.token) && Number(held.expires) > Date.now() ? held : null;
  } catch { return null; }
}

/** What to send where the instructor key is asked for: this tab's sign-in session while it lasts, else the key or
 * teacher's secret as typed. */
export function instructorKey() {
  return heldSession()?.token || keptInstructorKey();
}

/** The key or teacher's secret this tab signed in with, as typed (never a session): kept to sign in again. */
export function keptInstructorKey() {
  const kept = stored(KEY);
  return isSession(kept) ? "" : kept;
}

/** Keeps a key or secret that worked. A session is not a key (rememberSession keeps it); another key than the one kept
 * ends this tab's session, which was the old key's. */
export function rememberInstructorKey(k) {
  if (!k || isSession(k)) return;
  if (k !== keptInstructorKey()) forgetSession();
  try { sessionStorage.setItem(KEY, k); } catch { /* ignore */ }
}

export function rememberSession(token, expires) {
  try { sessionStorage.setItem(SESSION, JSON.stringify({ token, expires })); } catch { /* private mode */ }
}

export function forgetSession() {
  try { sessionStorage.removeItem(SESSION); } catch { /* private mode */ }
}

/** Signing out: the key and the session both go. */
export function forgetInstructorKey() {
  forgetSession();
  try { sessionStorage.removeItem(KEY); } catch { /* private mode */ }
}
