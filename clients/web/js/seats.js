// Seat tokens, kept in localStorage per room and per kind of page (player, instructor, observer), so that a
// reload or a dropped connection resumes the same seat. The instructor key is kept for this tab only.

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

export function instructorKey() {
  try { return sessionStorage.getItem("armistice.instructorKey") || ""; } catch { return ""; }
}

export function rememberInstructorKey(k) {
  try { sessionStorage.setItem("armistice.instructorKey", k); } catch { /* ignore */ }
}
