// Seat tokens, kept in localStorage per room and per kind of page (player, instructor, observer), so that a
// reload or a dropped connection resumes the same seat. The instructor key is kept for this tab only.

const PREFIX = "armistice.seat.";

export function normalizeCode(code) {
  return String(code || "").toUpperCase().replace(/[\s-]/g, "");
}

function key(room, kind) { return `${PREFIX}${normalizeCode(room)}.${kind}`; }

export function loadSeat(room, kind) {
  try {
    const raw = localStorage.getItem(key(room, kind));
    return raw ? JSON.parse(raw) : null;
  } catch { return null; }
}

export function saveSeat(room, kind, seat) {
  try { localStorage.setItem(key(room, kind), JSON.stringify({ ...seat, room: normalizeCode(room), kind, saved: Date.now() })); } catch { /* private mode */ }
}

export function updateSeq(room, kind, seq) {
  const seat = loadSeat(room, kind);
  if (seat && (!seat.seq || seq > seat.seq)) saveSeat(room, kind, { ...seat, seq });
}

export function forgetSeat(room, kind) {
  try { localStorage.removeItem(key(room, kind)); } catch { /* ignore */ }
}

/** Every saved seat, newest first. */
export function allSeats() {
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
