import type { Tone } from "@/components/ui/status-dot";
import { formatDuration } from "@/components/ui/timestamp";
import type { AutoRestartAttemptView } from "@/server/contracts/auto-restarts";

/** A backoff setting or delay for people: "200 ms" below a second, else formatDuration's units. */
export function formatBackoff(ms: number): string {
  return ms < 1000 ? `${ms} ms` : formatDuration(ms);
}

/** "Connector" or "Task 3": which instance an attempt restarts. */
export function instanceLabel(task: number | null): string {
  return task === null ? "Connector" : `Task ${task}`;
}

const OUTCOMES: Record<AutoRestartAttemptView["outcome"], { label: string; tone: Tone }> = {
  scheduled: { label: "Scheduled", tone: "warning" },
  restarting: { label: "Restarting", tone: "warning" },
  running: { label: "Running", tone: "success" },
  failed: { label: "Failed again", tone: "danger" },
  error: { label: "Restart failed", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  gave_up: { label: "Gave up", tone: "danger" },
};

/** The badge of an attempt's outcome. */
export function outcomeBadge(outcome: AutoRestartAttemptView["outcome"]): { label: string; tone: Tone } {
  return OUTCOMES[outcome];
}

/** What the attempt was: "Attempt 2 after 10 s", or "Gave up after 10 attempts". */
export function attemptSummary(attempt: AutoRestartAttemptView): string {
  if (attempt.outcome === "gave_up") return `Gave up after ${attempt.attempt} attempt${attempt.attempt === 1 ? "" : "s"}`;
  return `Attempt ${attempt.attempt} after ${formatBackoff(attempt.delayMs)}`;
}

/** The attempt limit for people: "no limit" for 0. */
export function attemptLimit(maxAttempts: number): string {
  return maxAttempts === 0 ? "no limit" : String(maxAttempts);
}
