/**
 * The rules for handing out game roles in a rolwissel-ronde, as a rulebook.
 *
 * The checks below are written independently of the implementation: coverage and balance are decided by a small
 * bipartite matching, "no repeats while avoidable" by looking for an improving swap or switch, and for small groups
 * the result is compared with a brute-force search over every possible assignment.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GAME_ROLES, REAL_ROLES, ownGameRole, type GameRole, type RealRole } from "#shared/protocol/ids.ts";
import { assignLateJoiner, assignRoles, type RoleAssignment, type RolePlayer } from "../../server/core/roleAssignment.ts";

const PRIORITY: readonly GameRole[] = ["burger", "wijkteamprofessional", "wethouder", "beleidsambtenaar", "raadslid", "directeur"];

// ---------------------------------------------------------------------------------------------------------------
// Independent helpers
// ---------------------------------------------------------------------------------------------------------------

/** Small seeded PRNG for building test groups (deliberately not the one in the implementation). */
function xorshift(seed: number): () => number {
  let x = (seed | 0) || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const mayPlay = (real: RealRole, role: GameRole) => ownGameRole(real) !== role;

/** Can rule 1 be met while every role gets a player? Max bipartite matching roles -> players (Kuhn). */
function coveragePossible(reals: readonly RealRole[]): boolean {
  const playerOf = new Array<number>(reals.length).fill(-1); // player -> role index, -1 = free
  const roleTake = (r: number, seen: boolean[]): boolean => {
    for (let p = 0; p < reals.length; p++) {
      if (seen[p] || !mayPlay(reals[p]!, GAME_ROLES[r]!)) continue;
      seen[p] = true;
      if (playerOf[p] === -1 || roleTake(playerOf[p]!, seen)) {
        playerOf[p] = r;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let r = 0; r < GAME_ROLES.length; r++) if (roleTake(r, new Array<boolean>(reals.length).fill(false))) matched++;
  return matched === GAME_ROLES.length;
}

/** Can every player get a role they may play, with exactly `capacity[r]` players on role r? (sum(capacity) = n) */
function fitsCapacities(reals: readonly RealRole[], capacity: readonly number[]): boolean {
  const members: number[][] = GAME_ROLES.map(() => []);
  const place = (p: number, seen: boolean[]): boolean => {
    for (let r = 0; r < GAME_ROLES.length; r++) {
      if (seen[r] || !mayPlay(reals[p]!, GAME_ROLES[r]!)) continue;
      seen[r] = true;
      if (members[r]!.length < capacity[r]!) {
        members[r]!.push(p);
        return true;
      }
      for (let idx = 0; idx < members[r]!.length; idx++) {
        const q = members[r]![idx]!;
        if (place(q, seen)) {
          members[r]![idx] = p;
          return true;
        }
      }
    }
    return false;
  };
  for (let p = 0; p < reals.length; p++) if (!place(p, new Array<boolean>(GAME_ROLES.length).fill(false))) return false;
  return true;
}

/** Can rule 1 be met with role counts that differ by at most one? Tries every choice of which roles get the extra. */
function balancePossible(reals: readonly RealRole[]): boolean {
  const n = reals.length;
  const q = Math.floor(n / 6);
  const extra = n % 6;
  for (let mask = 0; mask < 64; mask++) {
    let bits = 0;
    for (let r = 0; r < 6; r++) if (mask & (1 << r)) bits++;
    if (bits !== extra) continue;
    if (fitsCapacities(reals, GAME_ROLES.map((_, r) => (mask & (1 << r) ? q + 1 : q)))) return true;
  }
  return false;
}

function countRoles(assignment: readonly RoleAssignment[]): Map<GameRole, number> {
  const counts = new Map<GameRole, number>(GAME_ROLES.map((r) => [r, 0]));
  for (const a of assignment) counts.set(a.role, counts.get(a.role)! + 1);
  return counts;
}

/** How heavily playing `role` counts as a repeat for this player: once per earlier round in that role. */
const repeatWeight = (player: RolePlayer, role: GameRole) => player.previousRoles.filter((r) => r === role).length;

const totalRepeats = (players: readonly RolePlayer[], roles: readonly GameRole[]) =>
  players.reduce((sum, p, i) => sum + repeatWeight(p, roles[i]!), 0);

function makePlayers(reals: readonly RealRole[]): RolePlayer[] {
  return reals.map((realRole, i) => ({ participantId: `p${i}`, realRole, previousRoles: [] }));
}

/** A mix of real roles: a share of the group has one dominant job, the rest is drawn uniformly. */
function realRoleMix(n: number, dominant: RealRole, share: number, mixSeed: number): RealRole[] {
  const rand = xorshift(mixSeed);
  return Array.from({ length: n }, () => (rand() < share ? dominant : REAL_ROLES[Math.floor(rand() * REAL_ROLES.length)]!));
}

/** Check every rule on one round's result. */
function checkRound(players: readonly RolePlayer[], result: readonly RoleAssignment[], canCover: boolean, canBalance: boolean) {
  const n = players.length;
  expect(result.map((a) => a.participantId)).toEqual(players.map((p) => p.participantId));
  const roles = result.map((a) => a.role);
  const counts = countRoles(result);

  // (a) nobody plays their own role
  players.forEach((p, i) => expect(roles[i]).not.toBe(ownGameRole(p.realRole)));

  if (n >= 6) {
    // (b) all six roles covered when possible; counts within one of each other when possible
    if (canCover) for (const r of GAME_ROLES) expect(counts.get(r), `role ${r} uncovered`).toBeGreaterThan(0);
    const values = [...counts.values()];
    if (canBalance) expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    // and even when perfect balance is impossible: nobody could move from a crowded role to one with at least
    // two fewer players (that would make the spread more even without breaking rule 1)
    players.forEach((p, i) => {
      for (const r of GAME_ROLES) {
        if (mayPlay(p.realRole, r)) expect(counts.get(r)!, `${p.participantId} could even out ${roles[i]} -> ${r}`).toBeGreaterThanOrEqual(counts.get(roles[i]!)! - 1);
      }
    });
  } else {
    // (c) fewer than six players: all different roles
    expect(new Set(roles).size).toBe(n);
  }

  // (d) no repeat while avoidable: no swap of two players lowers the repeat total without breaking rule 1
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const pi = players[i]!;
      const pj = players[j]!;
      const ri = roles[i]!;
      const rj = roles[j]!;
      if (ri === rj || !mayPlay(pi.realRole, rj) || !mayPlay(pj.realRole, ri)) continue;
      const before = repeatWeight(pi, ri) + repeatWeight(pj, rj);
      const after = repeatWeight(pi, rj) + repeatWeight(pj, ri);
      expect(after, `swapping ${pi.participantId} and ${pj.participantId} would avoid a repeat`).toBeGreaterThanOrEqual(before);
    }
  }
  //     and with fewer than six players: nobody repeating could switch to a free role that is new to them
  if (n < 6) {
    players.forEach((p, i) => {
      if (repeatWeight(p, roles[i]!) === 0) return;
      for (const r of GAME_ROLES) {
        const free = counts.get(r) === 0;
        expect(free && mayPlay(p.realRole, r) && repeatWeight(p, r) === 0, `${p.participantId} could switch to ${r}`).toBe(false);
      }
    });
  }
}

/** Play three rounds in a row, feeding each round's roles into previousRoles, checking every round. */
function playThreeRounds(reals: readonly RealRole[], seed: number, priority: readonly GameRole[] = PRIORITY): RoleAssignment[][] {
  const canCover = reals.length >= 6 && coveragePossible(reals);
  const canBalance = reals.length >= 6 && balancePossible(reals);
  let players = makePlayers(reals);
  const rounds: RoleAssignment[][] = [];
  for (let round = 0; round < 3; round++) {
    const input = { players, priority, seed: seed + round };
    const result = assignRoles(input);
    checkRound(players, result, canCover, canBalance);
    // (e) same input, same result
    expect(assignRoles(structuredClone(input))).toEqual(result);
    rounds.push(result);
    players = players.map((p, i) => ({ ...p, previousRoles: [...p.previousRoles, result[i]!.role] }));
  }
  return rounds;
}

// ---------------------------------------------------------------------------------------------------------------
// The rulebook
// ---------------------------------------------------------------------------------------------------------------

describe("role assignment in a rolwissel-ronde", () => {
  it("nobody plays their own role", () => {
    const reals: RealRole[] = ["raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional", "raadslid", "wethouder"];
    for (let seed = 0; seed < 50; seed++) {
      const result = assignRoles({ players: makePlayers(reals), priority: PRIORITY, seed });
      result.forEach((a, i) => expect(a.role).not.toBe(ownGameRole(reals[i]!)));
    }
  });

  it("gives the result in the order of the players, one entry each", () => {
    const players = makePlayers(["anders", "raadslid", "teamleider"]).map((p, i) => ({ ...p, participantId: `speler-${3 - i}` }));
    const result = assignRoles({ players, priority: PRIORITY, seed: 1 });
    expect(result.map((a) => a.participantId)).toEqual(["speler-3", "speler-2", "speler-1"]);
  });

  it("an empty group gets no roles", () => {
    expect(assignRoles({ players: [], priority: PRIORITY, seed: 1 })).toEqual([]);
  });

  it("a group of six, one of each real role, plays three rounds without anybody repeating a role", () => {
    const reals: RealRole[] = ["raadslid", "wethouder", "directeur", "beleidsambtenaar", "wijkteamprofessional", "teamleider"];
    for (let seed = 0; seed < 20; seed++) {
      const rounds = playThreeRounds(reals, seed);
      for (const round of rounds) expect(new Set(round.map((a) => a.role)).size).toBe(6);
      reals.forEach((_, i) => {
        const played = rounds.map((round) => round[i]!.role);
        expect(new Set(played).size, `player ${i} played ${played.join(", ")}`).toBe(3);
      });
    }
  });

  it("with six wethouders nobody plays wethouder, and the other five roles are still all covered", () => {
    const reals: RealRole[] = Array.from({ length: 6 }, () => "wethouder");
    const result = assignRoles({ players: makePlayers(reals), priority: PRIORITY, seed: 3 });
    const counts = countRoles(result);
    expect(counts.get("wethouder")).toBe(0);
    for (const r of GAME_ROLES) if (r !== "wethouder") expect(counts.get(r)).toBeGreaterThanOrEqual(1);
    // the one extra copy goes to the role first in priority
    expect(counts.get(PRIORITY[0]!)).toBe(2);
  });

  it("two raadsleden get two different roles, the first two in priority order", () => {
    const result = assignRoles({ players: makePlayers(["raadslid", "raadslid"]), priority: PRIORITY, seed: 9 });
    expect(new Set(result.map((a) => a.role))).toEqual(new Set(["burger", "wijkteamprofessional"]));
  });

  it("with fewer than six players, roles earlier in priority come first, as long as nobody repeats", () => {
    const priority: GameRole[] = ["raadslid", "directeur", "burger", "wethouder", "beleidsambtenaar", "wijkteamprofessional"];
    const top3 = new Set(priority.slice(0, 3));
    let players = makePlayers(["teamleider", "anders", "teamleider"]);
    // Rounds 1-3: the three players rotate among the first three roles in priority, never repeating.
    for (let round = 1; round <= 3; round++) {
      const result = assignRoles({ players, priority, seed: round });
      expect(new Set(result.map((a) => a.role))).toEqual(top3);
      result.forEach((a, i) => expect(players[i]!.previousRoles).not.toContain(a.role));
      players = players.map((p, i) => ({ ...p, previousRoles: [...p.previousRoles, result[i]!.role] }));
    }
    // Round 4: everybody has played all three, so the group moves on to the next three.
    const fourth = assignRoles({ players, priority, seed: 4 });
    expect(new Set(fourth.map((a) => a.role))).toEqual(new Set(priority.slice(3)));
  });

  it("shares roles evenly; extra copies go to the roles first in priority", () => {
    const reals: RealRole[] = Array.from({ length: 14 }, () => "anders");
    const counts = countRoles(assignRoles({ players: makePlayers(reals), priority: PRIORITY, seed: 11 }));
    expect(PRIORITY.map((r) => counts.get(r))).toEqual([3, 3, 2, 2, 2, 2]);
  });

  it("covers every role even when perfect balance is impossible", () => {
    // Only the teamleider may play wethouder, so wethouder has one player and the others share five roles.
    const reals: RealRole[] = [...Array.from({ length: 11 }, (): RealRole => "wethouder"), "teamleider"];
    expect(coveragePossible(reals)).toBe(true);
    expect(balancePossible(reals)).toBe(false);
    const result = assignRoles({ players: makePlayers(reals), priority: PRIORITY, seed: 2 });
    expect(result[11]!.role).toBe("wethouder");
    const counts = countRoles(result);
    expect(PRIORITY.map((r) => counts.get(r))).toEqual([3, 2, 1, 2, 2, 2]);
  });

  it("someone who played a role twice before is kept off it before someone who played it once", () => {
    // Seven teamleiders; two burger copies are needed (burger is first in priority). Everyone has played
    // burger before except nobody: who gets the two burger slots? The ones who played it least.
    const players: RolePlayer[] = makePlayers(Array.from({ length: 7 }, (): RealRole => "teamleider")).map((p, i) => ({
      ...p,
      previousRoles: i < 5 ? ["burger", "burger"] : ["burger"],
    }));
    const result = assignRoles({ players, priority: PRIORITY, seed: 4 });
    expect(result.filter((a) => a.role === "burger").map((a) => a.participantId).sort()).toEqual(["p5", "p6"]);
  });

  it("breaks ties with the seed: same seed same roles, different seeds vary", () => {
    const players = makePlayers(Array.from({ length: 6 }, (): RealRole => "teamleider"));
    const a = assignRoles({ players, priority: PRIORITY, seed: 42 });
    expect(assignRoles({ players, priority: PRIORITY, seed: 42 })).toEqual(a);
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) seen.add(assignRoles({ players, priority: PRIORITY, seed }).map((x) => x.role).join(","));
    expect(seen.size).toBeGreaterThan(5);
  });

  it("is the best possible assignment for small groups (checked against every possible assignment)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom(...REAL_ROLES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        fc.integer(),
        (n, dominant, share, mixSeed, seed) => {
          const reals = realRoleMix(n, dominant, share, mixSeed);
          const rand = xorshift(seed ^ 0x5bd1e995);
          const players = makePlayers(reals).map((p) => ({
            ...p,
            previousRoles: Array.from({ length: Math.floor(rand() * 3) }, () => GAME_ROLES[Math.floor(rand() * 6)]!),
          }));
          const got = assignRoles({ players, priority: PRIORITY, seed }).map((a) => a.role);
          // Score = rules 2, 3 and 4 as a lexicographic key (rule 1 is a filter).
          const score = (roles: readonly GameRole[]): number[] => {
            const counts = PRIORITY.map((r) => roles.filter((x) => x === r).length);
            const repeats = totalRepeats(players, roles);
            if (n < 6) return [n - counts.filter((c) => c > 0).length, repeats, roles.reduce((s, r) => s + PRIORITY.indexOf(r), 0)];
            const uncovered = counts.filter((c) => c === 0).length;
            const sortedDesc = [...counts].sort((x, y) => y - x); // smaller = more even
            const extraRank = counts.reduce((s, c, rank) => s + rank * Math.max(0, c - 1), 0);
            return [uncovered, ...sortedDesc, extraRank, repeats];
          };
          const less = (x: number[], y: number[]) => {
            for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
            return false;
          };
          let best: number[] | null = null;
          const roles = new Array<GameRole>(n);
          const search = (i: number) => {
            if (i === n) {
              const s = score(roles);
              if (best === null || less(s, best)) best = s;
              return;
            }
            for (const r of GAME_ROLES) {
              if (!mayPlay(reals[i]!, r)) continue;
              roles[i] = r;
              search(i + 1);
            }
          };
          search(0);
          expect(score(got)).toEqual(best);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("property: for every group of 2..60 players, three rounds in a row keep all rules", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.constantFrom(...REAL_ROLES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        fc.integer(),
        (n, dominant, share, mixSeed, seed) => {
          playThreeRounds(realRoleMix(n, dominant, share, mixSeed), seed);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("every group size 2..60, with several real-role mixes each, keeps all rules over three rounds", () => {
    const mixes: { name: string; share: number; dominant: RealRole }[] = [
      { name: "uniform", share: 0, dominant: "anders" },
      { name: "mostly raadsleden", share: 0.7, dominant: "raadslid" },
      { name: "nearly all wethouders", share: 0.95, dominant: "wethouder" },
      { name: "half teamleiders", share: 0.5, dominant: "teamleider" },
    ];
    for (let n = 2; n <= 60; n++) {
      for (const [k, mix] of mixes.entries()) {
        const reals = realRoleMix(n, mix.dominant, mix.share, n * 31 + k);
        playThreeRounds(reals, n * 1000 + k);
      }
    }
  });

  it("60 players, three rounds, runs fast", () => {
    const reals = realRoleMix(60, "beleidsambtenaar", 0.3, 7);
    let players = makePlayers(reals);
    const start = performance.now();
    for (let round = 0; round < 3; round++) {
      const result = assignRoles({ players, priority: PRIORITY, seed: round });
      players = players.map((p, i) => ({ ...p, previousRoles: [...p.previousRoles, result[i]!.role] }));
    }
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(500); // in practice a few ms per round
    expect(players.every((p) => new Set(p.previousRoles).size === 3)).toBe(true);
  });
});

describe("a late joiner", () => {
  const current = (roles: GameRole[]): RoleAssignment[] => roles.map((role, i) => ({ participantId: `p${i}`, role }));

  it("never gets their own role, even when it is the least covered", () => {
    const joiner: RolePlayer = { participantId: "late", realRole: "wethouder", previousRoles: [] };
    const now = current(["burger", "raadslid", "directeur", "beleidsambtenaar", "wijkteamprofessional"]);
    expect(assignLateJoiner(joiner, now, PRIORITY)).not.toBe("wethouder");
  });

  it("gets the least covered role, earlier in priority on ties", () => {
    const joiner: RolePlayer = { participantId: "late", realRole: "anders", previousRoles: [] };
    expect(assignLateJoiner(joiner, current(["burger", "wijkteamprofessional", "wethouder", "beleidsambtenaar", "raadslid"]), PRIORITY)).toBe("directeur");
    expect(assignLateJoiner(joiner, current(GAME_ROLES.slice()), PRIORITY)).toBe(PRIORITY[0]);
    expect(assignLateJoiner(joiner, current([...GAME_ROLES, "burger"]), PRIORITY)).toBe(PRIORITY[1]);
  });

  it("does not repeat a role they played before when another is open to them", () => {
    const joiner: RolePlayer = { participantId: "late", realRole: "anders", previousRoles: ["directeur"] };
    const now = current(["burger", "wijkteamprofessional", "wethouder", "beleidsambtenaar", "raadslid"]);
    expect(assignLateJoiner(joiner, now, PRIORITY)).toBe("burger");
  });

  it("repeats only when every other role is their own or played before, choosing the one played least", () => {
    const joiner: RolePlayer = {
      participantId: "late",
      realRole: "raadslid",
      previousRoles: ["burger", "burger", "wijkteamprofessional", "wethouder", "beleidsambtenaar", "directeur", "directeur"],
    };
    expect(assignLateJoiner(joiner, current(["wijkteamprofessional", "wethouder"]), PRIORITY)).toBe("beleidsambtenaar");
  });

  it("property: never their own role, and never a repeat while a fresh role is available", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REAL_ROLES),
        fc.array(fc.constantFrom(...GAME_ROLES), { maxLength: 8 }),
        fc.array(fc.constantFrom(...GAME_ROLES), { maxLength: 60 }),
        (realRole, previousRoles, roles) => {
          const joiner: RolePlayer = { participantId: "late", realRole, previousRoles };
          const got = assignLateJoiner(joiner, current(roles), PRIORITY);
          expect(got).not.toBe(ownGameRole(realRole));
          const fresh = GAME_ROLES.filter((r) => r !== ownGameRole(realRole) && !previousRoles.includes(r));
          if (fresh.length > 0) {
            expect(fresh).toContain(got);
            const count = (r: GameRole) => roles.filter((x) => x === r).length;
            expect(count(got)).toBe(Math.min(...fresh.map(count)));
          }
        },
      ),
    );
  });
});
