/**
 * Tributary's auto-restart policy (no Kafka Connect equivalent: Connect never restarts a FAILED
 * instance by itself). The keys live in the connector config, so the policy travels with it
 * through the REST API, `.properties` files and the config topic; they are defined and validated
 * with the other framework keys in connector-config.ts and documented in README ("Auto restart").
 */

export const AUTO_RESTART_ENABLED = "tributary.auto.restart.enabled";
export const AUTO_RESTART_MAX_ATTEMPTS = "tributary.auto.restart.max.attempts";
export const AUTO_RESTART_BACKOFF_INITIAL_MS = "tributary.auto.restart.backoff.initial.ms";
export const AUTO_RESTART_BACKOFF_MAX_MS = "tributary.auto.restart.backoff.max.ms";

/** The defaults: off; 10 consecutive attempts; 5 s doubling up to 5 min. */
export const AUTO_RESTART_DEFAULTS = { enabled: false, maxAttempts: 10, backoffInitialMs: 5_000, backoffMaxMs: 300_000 } as const;

/** A connector's auto-restart settings, read from its config. */
export interface AutoRestartPolicy {
  enabled: boolean;
  /** Consecutive attempts per instance before giving up; 0 means no limit. */
  maxAttempts: number;
  /** The delay before the first consecutive attempt, in ms; it doubles per attempt. */
  backoffInitialMs: number;
  /**
   * The cap on the delay, in ms. Also the reset rule: an instance that stayed RUNNING this long
   * before it failed again starts counting its attempts from 1.
   */
  backoffMaxMs: number;
}

function integer(config: Readonly<Record<string, string>>, key: string, fallback: number, min: number): number {
  const raw = config[key]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min ? value : fallback;
}

/**
 * The policy of `config`. Pure and lenient: configs are validated when written, so a value that
 * does not parse here (an old config) takes its default rather than throwing.
 */
export function autoRestartPolicy(config: Readonly<Record<string, string>>): AutoRestartPolicy {
  return {
    enabled: (config[AUTO_RESTART_ENABLED] ?? "").trim().toLowerCase() === "true",
    maxAttempts: integer(config, AUTO_RESTART_MAX_ATTEMPTS, AUTO_RESTART_DEFAULTS.maxAttempts, 0),
    backoffInitialMs: integer(config, AUTO_RESTART_BACKOFF_INITIAL_MS, AUTO_RESTART_DEFAULTS.backoffInitialMs, 1),
    backoffMaxMs: integer(config, AUTO_RESTART_BACKOFF_MAX_MS, AUTO_RESTART_DEFAULTS.backoffMaxMs, 1),
  };
}

/** The delay before consecutive attempt `attempt` (1-based): initial × 2^(attempt−1), at most the cap. */
export function backoffDelay(policy: AutoRestartPolicy, attempt: number): number {
  const doubled = policy.backoffInitialMs * 2 ** Math.min(attempt - 1, 52);
  return Math.min(doubled, policy.backoffMaxMs);
}
