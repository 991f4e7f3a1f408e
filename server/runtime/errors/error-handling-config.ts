/**
 * A connector's `errors.*` settings (reference §4), read once per task from its validated
 * config. Keys that are absent take Kafka Connect's defaults. The `tributary.errors.circuit.*`
 * keys are Tributary's own: the failure-rate circuit breaker (see CircuitBreaker).
 */
export interface ErrorHandlingConfig {
  /** ms a RetriableException is retried; 0 never, -1 forever (`errors.retry.timeout`). */
  retryTimeoutMs: number;
  /** Longest backoff between two attempts (`errors.retry.delay.max.ms`). */
  retryDelayMaxMs: number;
  /** `errors.tolerance`: whether a failed record is skipped (all) or fails the task (none). */
  tolerance: "none" | "all";
  logEnable: boolean;
  logIncludeMessages: boolean;
  /** `errors.deadletterqueue.topic.name`; empty means no dead letter queue. */
  dlqTopic: string;
  dlqReplicationFactor: number;
  dlqContextHeaders: boolean;
  /** Fail the task when more than this many records fail within `circuitBreakerWindowMs`; 0 turns it off. */
  circuitBreakerMaxFailures: number;
  circuitBreakerWindowMs: number;
}

/** Tributary's circuit breaker keys, documented in README and defined in connector-config.ts. */
export const CIRCUIT_BREAKER_MAX_FAILURES = "tributary.errors.circuit.breaker.max.failures";
export const CIRCUIT_BREAKER_WINDOW_MS = "tributary.errors.circuit.breaker.window.ms";

function number(config: Readonly<Record<string, string>>, key: string, fallback: number): number {
  const raw = config[key]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const parsed = Number(raw);
  return Number.isFinite(parsed) ? parsed : fallback;
}

const flag = (config: Readonly<Record<string, string>>, key: string) => config[key]?.trim().toLowerCase() === "true";

/** Reads the error handling settings; values were validated by the herder before the task started. */
export function errorHandlingConfig(config: Readonly<Record<string, string>>): ErrorHandlingConfig {
  return {
    retryTimeoutMs: number(config, "errors.retry.timeout", 0),
    retryDelayMaxMs: number(config, "errors.retry.delay.max.ms", 60_000),
    tolerance: config["errors.tolerance"]?.trim().toLowerCase() === "all" ? "all" : "none",
    logEnable: flag(config, "errors.log.enable"),
    logIncludeMessages: flag(config, "errors.log.include.messages"),
    dlqTopic: (config["errors.deadletterqueue.topic.name"] ?? "").trim(),
    dlqReplicationFactor: number(config, "errors.deadletterqueue.topic.replication.factor", 3),
    dlqContextHeaders: flag(config, "errors.deadletterqueue.context.headers.enable"),
    circuitBreakerMaxFailures: number(config, CIRCUIT_BREAKER_MAX_FAILURES, 0),
    circuitBreakerWindowMs: number(config, CIRCUIT_BREAKER_WINDOW_MS, 60_000),
  };
}
