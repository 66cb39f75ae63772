/**
 * Lock cells: one lock document per person per 15-minute UTC cell that a session occupies. Two sessions that overlap
 * by any amount share at least one cell, so a transaction that creates every cell of a booking fails if any other
 * booking of the same person already holds one — no double booking, without querying ranges inside a transaction.
 *
 * Cell ids are UTC instants in minute precision, "2026-11-22T09:15Z": readable in the console and in logs, sortable as
 * strings, free of `/` and `.` so they are valid document ids, and unambiguous because they carry the Z. Epoch
 * quarter numbers would be shorter but mean nothing to a person reading a lock document.
 */
export const LOCK_CELL_MINUTES = 15;
const CELL_MS = LOCK_CELL_MINUTES * 60_000;

/** A booking can hold at most this many cells (a 60-minute session holds 4); more means a caller bug, not a session. */
export const MAX_LOCK_CELLS = 96;

export function lockCellId(cellIndex: number): string {
  return `${new Date(cellIndex * CELL_MS).toISOString().slice(0, 16)}Z`;
}

const CELL_ID = /^(\d{4}-\d{2}-\d{2}T\d{2}:(00|15|30|45))Z$/;

/** The start instant of a cell id, or null for anything that is not one. */
export function parseLockCellId(id: string): number | null {
  const match = CELL_ID.exec(id);
  if (!match) return null;
  const ms = Date.parse(`${match[1]}:00Z`);
  return Number.isNaN(ms) || lockCellId(ms / CELL_MS) !== id ? null : ms;
}

/**
 * The cells covering the half-open interval [startMs, endMs): every quarter-hour that any instant of it falls in.
 * Sessions start and end on quarter-hours, so for them a shared cell also means a real overlap; an interval off the
 * grid claims its partly used cells too, which errs on the side of refusing.
 */
export function lockCellsFor(startMs: number, endMs: number): string[] {
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs) {
    throw new RangeError("A lock needs a non-empty interval.");
  }
  const first = Math.floor(startMs / CELL_MS);
  const last = Math.ceil(endMs / CELL_MS) - 1;
  if (last - first + 1 > MAX_LOCK_CELLS) throw new RangeError(`An interval of more than ${MAX_LOCK_CELLS} cells is not a session.`);
  const cells: string[] = [];
  for (let cell = first; cell <= last; cell++) cells.push(lockCellId(cell));
  return cells;
}

/**
 * The cells a booking locks: the session plus the mentor's buffer after it, [startMs, endMs + buffer). Two on-grid
 * bookings then share a cell exactly when they overlap or the gap between them is shorter than the buffer (the earlier
 * booking's buffer), so the buffer is as race-proof as the overlap; locking the buffer on one side only is what keeps
 * a gap of exactly the buffer allowed.
 */
export function lockCellsForBooking(startMs: number, endMs: number, bufferMinutes: number): string[] {
  return lockCellsFor(startMs, endMs + bufferMinutes * 60_000);
}

/** The lock document id for one person and one cell, `{uid}_{cell}`: the cell id has a fixed length, so a uid containing `_` still splits off cleanly. */
export function lockDocId(uid: string, cellId: string): string {
  return `${uid}_${cellId}`;
}
