import { describe, expect, it } from "vitest";
import { serverErrorAdvice } from "@/components/connector-form/server-error";
import { ConnectApiError } from "@/components/queries/connector-api";

describe("serverErrorAdvice", () => {
  it("keeps the API's message and says what to do for each status", () => {
    const invalid = serverErrorAdvice(new ConnectApiError(400, "Connector configuration is invalid and contains the following 1 error(s):\nMissing topic"), "create");
    expect(invalid.message).toContain("Missing topic");
    expect(invalid.advice).toMatch(/Fix the values/);
    expect(serverErrorAdvice(new ConnectApiError(404, "Connector c not found"), "update").advice).toMatch(/deleted meanwhile/);
    expect(serverErrorAdvice(new ConnectApiError(503, "Runtime is starting"), "create").advice).toMatch(/still starting/);
    expect(serverErrorAdvice(new ConnectApiError(500, "boom"), "update").advice).toMatch(/could not update the connector/);
  });

  it("tells a taken name from a rebalance on 409", () => {
    expect(serverErrorAdvice(new ConnectApiError(409, "Connector orders already exists"), "create").advice).toMatch(/another name/);
    expect(serverErrorAdvice(new ConnectApiError(409, "Cannot complete request momentarily due to stale configuration"), "create").advice).toMatch(/rebalancing/);
  });

  it("says the server is unreachable when there was no API answer", () => {
    expect(serverErrorAdvice(new TypeError("Failed to fetch"), "create")).toEqual({ message: "Failed to fetch", advice: expect.stringMatching(/did not answer/) });
  });
});
