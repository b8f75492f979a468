/**
 * The environment variables for running several processes (docs/deployment.md), parsed with zod so a typo stops
 * the server with a Dutch reason at start instead of a half-working cluster later.
 */
import { z } from "zod";
import type { ScaleOptions } from "./app.ts";

/** An empty variable counts as unset, as a blank `DATABASE_URL=` line in an .env file means. */
const unsetWhenEmpty = (value: unknown): unknown => (typeof value === "string" && value.trim() === "" ? undefined : value);

const EnvSchema = z.object({
  DATABASE_URL: z.preprocess(unsetWhenEmpty, z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL moet beginnen met postgres:// of postgresql://")
    .optional()),
  REDIS_URL: z.preprocess(unsetWhenEmpty, z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, "REDIS_URL moet beginnen met redis:// of rediss://")
    .optional()),
  // host[:port][/path], no scheme: the SDK puts ws:// or wss:// in front, as the page itself was loaded.
  PUBLIC_ADDRESS: z.preprocess(unsetWhenEmpty, z
    .string()
    .trim()
    .regex(/^(?!.*:\/\/)[A-Za-z0-9.\-[\]:]+(\/[A-Za-z0-9._~\-/]*)?$/, "PUBLIC_ADDRESS is host[:poort][/pad], zonder http:// of ws://, bijv. spel.example.nl/p1")
    .transform((value) => value.replace(/\/+$/, ""))
    .optional()),
});

export type ScaleConfig =
  | { ok: true; databaseUrl: string | undefined; scale: ScaleOptions | undefined; warnings: string[] }
  | { ok: false; error: string };

export function scaleConfigFromEnv(env: Record<string, string | undefined>): ScaleConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join("; ") };
  const { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PUBLIC_ADDRESS: publicAddress } = parsed.data;
  // Processes sharing matchmaking but each writing its own SQLite file would each hold a different truth.
  if (redisUrl && !databaseUrl) return { ok: false, error: "REDIS_URL is gezet maar DATABASE_URL niet: meerdere processen moeten één PostgreSQL-database delen." };
  const warnings: string[] = [];
  if (redisUrl && !publicAddress) {
    warnings.push("REDIS_URL zonder PUBLIC_ADDRESS: een deelnemer kan alleen meespelen in een kamer van het proces dat zijn verbinding krijgt. Geef elk proces een eigen PUBLIC_ADDRESS (zie docs/deployment.md).");
  }
  return { ok: true, databaseUrl, scale: redisUrl ? { redisUrl, publicAddress } : undefined, warnings };
}
