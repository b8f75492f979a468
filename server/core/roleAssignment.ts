/**
 * Role assignment for a rolwissel-ronde: who plays which game role.
 *
 * Pure and deterministic: the same input (including `seed`) always gives the same output.
 *
 * Rules, in strict order of importance:
 * 1. Hard: nobody plays their own job (`ownGameRole(realRole)`).
 * 2. Six or more players: all six roles are covered whenever rule 1 allows it, and the roles are shared as evenly
 *    as possible; extra copies go to roles earlier in `priority`. Fewer than six players: everybody a different role.
 * 3. Nobody repeats a role they played in an earlier round while that can be avoided (having played a role twice
 *    before weighs twice as much).
 * 4. Fewer than six players: roles earlier in `priority` are handed out first.
 * 5. Remaining ties are broken by a PRNG seeded with `seed`.
 *
 * Method: a min-cost assignment (Hungarian algorithm) of players to slots "copy k of role r". The rules are encoded
 * as integer weights on separate scales, each larger than the largest possible total of all scales below it, so
 * the sum is compared lexicographically. Rule 2 uses a convex cost per copy (copy k costs C·(k−1)); minimising a
 * separable convex function over the achievable role counts gives the "most even" counts, which in particular
 * covers every role when that is possible.
 */
import { GAME_ROLES, ownGameRole, type GameRole, type RealRole } from "#shared/protocol/ids.ts";

export interface RolePlayer {
  participantId: string;
  realRole: RealRole;
  /** Roles played in earlier rounds (a role may appear more than once). */
  previousRoles: GameRole[];
}

export interface RoleAssignmentInput {
  players: RolePlayer[];
  /** All six roles, in the scenario's order of importance. */
  priority: readonly GameRole[];
  seed: number;
}

export interface RoleAssignment {
  participantId: string;
  role: GameRole;
}

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The priority list made safe: duplicates dropped, missing roles appended in GAME_ROLES order. */
function normalisePriority(priority: readonly GameRole[]): GameRole[] {
  const out: GameRole[] = [];
  for (const role of priority) if (GAME_ROLES.includes(role) && !out.includes(role)) out.push(role);
  for (const role of GAME_ROLES) if (!out.includes(role)) out.push(role);
  return out;
}

function countOf(list: readonly GameRole[], role: GameRole): number {
  let n = 0;
  for (const r of list) if (r === role) n++;
  return n;
}

/** Largest tie-break range we use; halved when the weights would get too large for exact float arithmetic. */
const MAX_NOISE = 1024;
const SAFE = 2 ** 50;

/**
 * Hand out roles for one rolwissel-ronde. Returns one entry per player, in the order of `input.players`.
 */
export function assignRoles(input: RoleAssignmentInput): RoleAssignment[] {
  const players = input.players;
  const n = players.length;
  if (n === 0) return [];
  const priority = normalisePriority(input.priority);
  const rankOf = new Map<GameRole, number>(priority.map((role, i) => [role, i]));
  const roles = priority; // column order follows priority; any order works.
  const few = n < 6;
  // Copies per role. With < 6 players everybody gets a different role, so one copy suffices. Otherwise no role
  // needs more than ceil(n/5) players: everybody may play at least five roles, and in the most even spread a
  // player on a role with c players has >= 4 other roles open to them with >= c-1 players each, so n >= 5c-4.
  // One spare copy for good measure.
  const copies = few ? 1 : Math.min(n, Math.ceil(n / 5) + 1);

  // Repeat weights: how often player i played role r before.
  const repeats: number[][] = players.map((p) => roles.map((r) => countOf(p.previousRoles, r)));
  const repeatBound = repeats.reduce((sum, row) => sum + Math.max(0, ...row), 0); // max possible repeat total

  // Pick the scales (see the file comment). Each scale exceeds the largest possible total of the scales below it.
  let noise = MAX_NOISE;
  let scales: { P: number; R: number; E: number; C: number; max: number };
  for (;;) {
    const noiseTotal = n * noise; // sum of n tie-breaks, each < noise
    const P = few ? noiseTotal : 0; // rule 4, per priority rank of the (only) copy
    const R = few ? 16 * noiseTotal : noiseTotal; // rule 3: ranks of <= 5 distinct roles sum to <= 15
    const E = R * (repeatBound + 1); // rule 2 tail: rank of a role, per extra copy
    const C = E * (5 * n + 1); // rule 2: copy k costs C*(k-1)
    const maxCell = C * (copies - 1) + E * 5 + R * Math.max(0, ...repeats.flat()) + P * 5 + noise;
    scales = { P, R, E, C, max: maxCell };
    if (n * maxCell * 4 < SAFE) break;
    if (noise === 1) throw new RangeError("assignRoles: too many players or earlier rounds for exact weights");
    noise = Math.max(1, Math.floor(noise / 2));
  }
  const { P, R, E, C } = scales;

  // Tie-breaks, one per (player, role), drawn in a fixed order from the seeded PRNG.
  const rand = mulberry32(input.seed);
  const tie: number[][] = players.map(() => roles.map(() => Math.floor(rand() * noise)));

  // Cost matrix: rows = players, columns = slots (role j, copy k) at column j*copies + (k-1).
  const m = roles.length * copies;
  const cost: Float64Array[] = players.map((player, i) => {
    const row = new Float64Array(m);
    const own = ownGameRole(player.realRole);
    for (let j = 0; j < roles.length; j++) {
      const role = roles[j]!;
      const rank = rankOf.get(role)!;
      const base = role === own ? Infinity : R * repeats[i]![j]! + tie[i]![j]! + (few ? P * rank : 0);
      for (let k = 1; k <= copies; k++) {
        row[j * copies + (k - 1)] = k === 1 ? base : base + C * (k - 1) + E * rank;
      }
    }
    return row;
  });

  const colOfRow = hungarian(cost, n, m);
  return players.map((p, i) => ({ participantId: p.participantId, role: roles[Math.floor(colOfRow[i]! / copies)]! }));
}

/**
 * Min-cost assignment of every row to a distinct column (n <= m), O(n²·m). Entries may be Infinity (forbidden) as
 * long as a finite assignment exists. Returns the column chosen for each row.
 */
function hungarian(a: readonly Float64Array[], n: number, m: number): Int32Array {
  // Classic potentials formulation, 1-based with a virtual column 0.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j] = row matched to column j (0 = none)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      const row = a[i0 - 1]!;
      const ui0 = u[i0]!;
      let delta = Infinity;
      let j1 = -1;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = row[j - 1]! - ui0 - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      if (j1 < 0 || delta === Infinity) throw new Error("assignRoles: no valid assignment exists");
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(n);
  for (let j = 1; j <= m; j++) if (p[j] !== 0) colOfRow[p[j]! - 1] = j - 1;
  return colOfRow;
}

/**
 * The role for someone joining a round that is already under way. In order: never their own role; a role they
 * have not played before (fewest earlier plays) when that can be avoided; the role fewest people play in
 * `current`; the earliest role in `priority`.
 */
export function assignLateJoiner(
  player: RolePlayer,
  current: readonly RoleAssignment[],
  priority: readonly GameRole[],
): GameRole {
  const order = normalisePriority(priority);
  const own = ownGameRole(player.realRole);
  const counts = new Map<GameRole, number>(GAME_ROLES.map((r) => [r, 0]));
  for (const a of current) {
    if (a.participantId === player.participantId) continue; // a rejoining player does not count themselves
    counts.set(a.role, (counts.get(a.role) ?? 0) + 1);
  }
  let best: GameRole | null = null;
  let bestKey: [number, number, number] | null = null;
  for (let rank = 0; rank < order.length; rank++) {
    const role = order[rank]!;
    if (role === own) continue;
    const key: [number, number, number] = [countOf(player.previousRoles, role), counts.get(role)!, rank];
    if (bestKey === null || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      best = role;
      bestKey = key;
    }
  }
  return best!; // at least five roles are never anybody's own, so best is set
}
