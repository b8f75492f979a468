/**
 * A look at the SQLite WAL file before SQLite opens it. When SQLite recovers a WAL it stops at the first frame whose
 * checksum does not match, silently: every transaction after a damaged frame is lost, although it was synced and
 * acknowledged. Inside the database that cannot be seen afterwards (what remains is consistent, as of an earlier
 * commit). So this reads the WAL as SQLite will (https://www.sqlite.org/fileformat.html, "WAL file format") and
 * counts the commit frames of the current WAL generation (same salts as the header) that lie beyond the point where
 * SQLite will stop: each is a committed transaction that will not be loaded. When there are any, the WAL is copied
 * aside first, so what is left of it can still be examined.
 */
import { copyFileSync, existsSync, readFileSync } from "node:fs";

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;
/** How long to wait before looking at a WAL that seemed damaged a second time. */
const SECOND_LOOK_MS = 100;

export interface WalInspection {
  /** Committed transactions in the WAL that SQLite will not load; 0 when the WAL is whole. */
  lostCommits: number;
  /** The frame (counted from 1) where SQLite's recovery will stop. */
  stopsAtFrame: number;
  /** Whether the WAL header itself is damaged (then SQLite ignores the whole file). */
  badHeader: boolean;
}

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from `s`. */
function checksum(data: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** What SQLite's recovery will make of the WAL bytes given; null when there is nothing to recover. */
export function inspectWalBytes(wal: Buffer): WalInspection | null {
  if (wal.length < WAL_HEADER_BYTES) return null;
  const magic = wal.readUInt32BE(0);
  const pageSize = wal.readUInt32BE(8);
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  const headerSum = checksum(wal, 0, 24, magic === MAGIC_BIG_ENDIAN, [0, 0]);
  const headerOk =
    (magic === MAGIC_LITTLE_ENDIAN || magic === MAGIC_BIG_ENDIAN) && validPageSize && headerSum[0] === wal.readUInt32BE(24) && headerSum[1] === wal.readUInt32BE(28);
  if (!headerOk) {
    // SQLite ignores a WAL with a bad header altogether. Only a WAL that held frames could have held commits.
    return wal.length > WAL_HEADER_BYTES ? { lostCommits: 0, stopsAtFrame: 1, badHeader: true } : null;
  }
  const bigEndian = magic === MAGIC_BIG_ENDIAN;
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  let sum = headerSum;
  let recovering = true;
  let stopsAtFrame = 0;
  let lostCommits = 0;
  for (let offset = WAL_HEADER_BYTES, frame = 1; offset + frameBytes <= wal.length; offset += frameBytes, frame++) {
    const sameGeneration = wal.readUInt32BE(offset + 8) === salt1 && wal.readUInt32BE(offset + 12) === salt2;
    const commit = wal.readUInt32BE(offset + 4) !== 0;
    if (recovering) {
      let next: [number, number] | null = null;
      if (sameGeneration) {
        const s = checksum(wal, offset, offset + 8, bigEndian, sum);
        next = checksum(wal, offset + FRAME_HEADER_BYTES, offset + frameBytes, bigEndian, s);
        if (next[0] !== wal.readUInt32BE(offset + 16) || next[1] !== wal.readUInt32BE(offset + 20)) next = null;
      }
      if (next) {
        sum = next;
        continue;
      }
      recovering = false;
      stopsAtFrame = frame;
    }
    // Past the point where recovery stops, a commit frame of this generation is a committed transaction lost.
    // (Frames of an earlier generation have other salts; frames of a rolled-back transaction carry no commit mark.)
    if (sameGeneration && commit) lostCommits++;
  }
  return { lostCommits, stopsAtFrame, badHeader: false };
}

/**
 * Looks at `<file>-wal` before it is opened. Returns a Dutch description of the damage, or null when the WAL is whole
 * (or absent). When damaged, the WAL is first copied to `<file>-wal.beschadigd-<time>`.
 */
export function inspectWal(filePath: string, now = Date.now()): string | null {
  const walPath = `${filePath}-wal`;
  const look = (): WalInspection | null => {
    if (!existsSync(walPath)) return null;
    const found = inspectWalBytes(readFileSync(walPath));
    return found && (found.badHeader || found.lostCommits > 0) ? found : null;
  };
  const first = look();
  if (!first) return null;
  // Another process may have the file open and be writing a frame this very moment (SQLite writes a frame's header
  // before its page): damage is only damage when a second look, a moment later, finds it at the same place.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SECOND_LOOK_MS);
  const found = look();
  if (!found || found.stopsAtFrame !== first.stopsAtFrame || found.badHeader !== first.badHeader) return null;
  const copy = `${walPath}.beschadigd-${new Date(now).toISOString().replace(/[:.]/g, "-")}`;
  copyFileSync(walPath, copy);
  const what = found.badHeader
    ? "de kop van het WAL-bestand is beschadigd, dus SQLite laat alle transacties daarin weg"
    : `het WAL-bestand is beschadigd bij frame ${found.stopsAtFrame}: ${found.lostCommits === 1 ? "1 vastgelegde transactie daarna wordt" : `${found.lostCommits} vastgelegde transacties daarna worden`} niet geladen`;
  return `${what}. Welke sessies dat raakt, is uit de database zelf niet af te lezen. Een kopie van het WAL-bestand staat in ${copy}.`;
}
