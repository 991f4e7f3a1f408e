import { describe, expect, it } from "vitest";
import { ConnectApiError } from "@/components/queries/connector-api";
import { ConsoleApiError } from "@/components/queries/console-api";
import { errorAdvice } from "@/components/queries/error-advice";

describe("what to do about a failed API call", () => {
  it("prefers the server's own suggestion, and names Kafka for a kafka.* error", () => {
    expect(errorAdvice(new ConsoleApiError(503, "Connection error", "kafka.connection", "Check bootstrap.servers."))).toBe("Check bootstrap.servers.");
    expect(errorAdvice(new ConsoleApiError(500, "boom", "kafka.error"))).toMatch(/^Kafka did not answer/);
  });

  it("advises by status: validation, gone, rebalance, runtime down, unexpected", () => {
    expect(errorAdvice(new ConnectApiError(400, "Connectors must be in the STOPPED state"))).toMatch(/^Nothing was changed/);
    expect(errorAdvice(new ConnectApiError(404, "Connector x not found"))).toMatch(/deleted/);
    expect(errorAdvice(new ConnectApiError(409, "Cannot complete request momentarily"))).toMatch(/rebalance\. Wait a few seconds/);
    expect(errorAdvice(new ConsoleApiError(503, "not ready", "runtime.not_ready"))).toMatch(/starting or cannot reach Kafka/);
    expect(errorAdvice(new ConnectApiError(500, "NPE"))).toMatch(/log/);
    expect(errorAdvice(new ConnectApiError(415, "Unsupported"))).toBeUndefined();
  });

  it("tells a network failure apart from anything else", () => {
    expect(errorAdvice(new TypeError("Failed to fetch"))).toMatch(/did not answer/);
    expect(errorAdvice(new Error("something"))).toBeUndefined();
  });
});
