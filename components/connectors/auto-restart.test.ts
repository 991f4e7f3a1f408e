import { describe, expect, it } from "vitest";
import { attemptLimit, attemptSummary, formatBackoff, instanceLabel, outcomeBadge } from "@/components/connectors/auto-restart";

const attempt = { at: 0, task: 0, attempt: 2, delayMs: 10_000, dueAt: 10_000, error: "Error: boom", trace: "Error: boom", outcome: "failed" as const };

describe("auto-restart card labels", () => {
  it("says what each attempt was, its instance and outcome", () => {
    expect(attemptSummary(attempt)).toBe("Attempt 2 after 10 s");
    expect(attemptSummary({ ...attempt, outcome: "gave_up", attempt: 1 })).toBe("Gave up after 1 attempt");
    expect(instanceLabel(null)).toBe("Connector");
    expect(instanceLabel(3)).toBe("Task 3");
    expect(outcomeBadge("running")).toEqual({ label: "Running", tone: "success" });
    expect(outcomeBadge("gave_up").tone).toBe("danger");
  });

  it("formats backoffs below a second in ms and 0 attempts as no limit", () => {
    expect([200, 5000, 300_000].map(formatBackoff)).toEqual(["200 ms", "5 s", "5 min"]);
    expect(attemptLimit(0)).toBe("no limit");
    expect(attemptLimit(10)).toBe("10");
  });
});
