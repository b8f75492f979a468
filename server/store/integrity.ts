/**
 * What a store knows about damage to what it keeps: found by the check at start-up (checkIntegrity) and by every load
 * after it. A damaged session is refused whole (DamagedSessionError), never half-loaded; /health reports the damage.
 */

/** A session whose log does not hold together; `problem` says where, in Dutch, for the operator. */
export class DamagedSessionError extends Error {
  readonly sessionId: string;
  readonly problem: string;

  constructor(sessionId: string, problem: string, options?: { cause?: unknown }) {
    super(`Sessie ${sessionId} is beschadigd: ${problem}.`, options);
    this.name = "DamagedSessionError";
    this.sessionId = sessionId;
    this.problem = problem;
  }
}

export interface DamagedSession {
  sessionId: string;
  /** The session's label, when its sessions row could still be read. */
  label: string | null;
  /** What is wrong, in Dutch. */
  problem: string;
}

export interface IntegrityReport {
  /** When the last full check ran (ms since epoch); null: not checked since the store was opened. */
  checkedAt: number | null;
  /** How many sessions the last full check went through. */
  sessionsChecked: number;
  /** Problems of the storage as a whole (SQLite's quick_check, the WAL file), in Dutch. */
  storage: string[];
  /** Sessions found damaged, by the full check or by a load since. */
  damaged: DamagedSession[];
}

/** Whether anything is known to be wrong. */
export const isDamaged = (report: IntegrityReport): boolean => report.storage.length > 0 || report.damaged.length > 0;

/** The damage a store has found so far; each store keeps one. */
export class DamageLedger {
  private checkedAt: number | null = null;
  private sessionsChecked = 0;
  private storage: string[] = [];
  /** Problems found before the store could even be opened (the WAL file): a later check cannot see them, so they stay. */
  private readonly sticky: string[] = [];
  private readonly damaged = new Map<string, DamagedSession>();

  /** The outcome of a full check replaces what was known before. */
  checked(report: Omit<IntegrityReport, "checkedAt">, at = Date.now()): IntegrityReport {
    this.checkedAt = at;
    this.sessionsChecked = report.sessionsChecked;
    this.storage = [...new Set([...this.sticky, ...report.storage])];
    this.damaged.clear();
    for (const d of report.damaged) this.damaged.set(d.sessionId, d);
    return this.report();
  }

  storageProblem(problem: string): void {
    this.sticky.push(problem);
    if (!this.storage.includes(problem)) this.storage.push(problem);
  }

  session(damage: DamagedSession): void {
    const known = this.damaged.get(damage.sessionId);
    this.damaged.set(damage.sessionId, { ...damage, label: damage.label ?? known?.label ?? null });
  }

  /** A deleted session is no longer damage anyone can run into. */
  forget(sessionId: string): void {
    this.damaged.delete(sessionId);
  }

  report(): IntegrityReport {
    return { checkedAt: this.checkedAt, sessionsChecked: this.sessionsChecked, storage: [...this.storage], damaged: [...this.damaged.values()].map((d) => ({ ...d })) };
  }
}

/** SQLite's result codes (the primary code, the low byte) that mean the file itself is damaged or not a database. */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** Whether an error from node:sqlite says the file is damaged (rather than busy, full, or a bug). */
export function isSqliteDamage(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("errcode" in error) || typeof error.errcode !== "number") return false;
  const primary = error.errcode & 0xff;
  return primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB;
}

/** The message of an error, without its stack. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Start-up lines about the check, in Dutch: what was checked, and which sessions are damaged and why. */
export function describeIntegrity(report: IntegrityReport): string[] {
  const checked = `${report.sessionsChecked} ${report.sessionsChecked === 1 ? "sessie" : "sessies"}`;
  if (!isDamaged(report)) return [`Opslag gecontroleerd: ${checked}, alles in orde.`];
  const lines = [`LET OP: de opslag is beschadigd (${checked} gecontroleerd).`];
  for (const problem of report.storage) lines.push(`  opslag: ${problem}`);
  for (const d of report.damaged) lines.push(`  sessie ${printable(d.sessionId)}${d.label ? ` ("${printable(d.label)}")` : ""}: ${d.problem}`);
  if (report.damaged.length > 0) {
    lines.push(`  ${report.damaged.length === 1 ? "Deze sessie wordt" : "Deze sessies worden"} niet geopend; de andere sessies werken gewoon. Zet een reservekopie terug (zie docs/deployment.md, "Beschadigde opslag").`);
  }
  return lines;
}

/** Text from the store as it may go to a terminal: no control characters, line separators or bidi overrides. */
const printable = (text: string): string => text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, "");
