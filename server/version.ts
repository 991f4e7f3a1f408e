import { readFileSync } from "node:fs";
import path from "node:path";
import pkg from "@/package.json" with { type: "json" };

/** Tributary's version, from package.json; reported by health endpoints and `tributary --version`. */
export const VERSION: string = pkg.version;

/**
 * The source commit this process runs, for Kafka Connect's `GET /` (`commit`): `TRIBUTARY_COMMIT`
 * when set (release builds), else read from the checkout's `.git`, else "unknown".
 */
export function sourceCommit(home: string): string {
  if (process.env.TRIBUTARY_COMMIT) return process.env.TRIBUTARY_COMMIT;
  try {
    const head = readFileSync(path.join(home, ".git", "HEAD"), "utf8").trim();
    const sha = head.startsWith("ref: ")
      ? readFileSync(path.join(home, ".git", head.slice(5)), "utf8").trim()
      : head;
    return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 16) : "unknown";
  } catch {
    return "unknown";
  }
}
