import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "@playwright/test";
import { connect41ShapeChecks } from "@/server/http/connect/testing/connect-41-shapes";
import { restConformanceChecks } from "@/server/http/connect/testing/rest-conformance";

const scratchDir = mkdtempSync(path.join(os.tmpdir(), "e2e-rest-"));
test.afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

test.describe("Kafka Connect REST API under the console's /api/connect", () => {
  for (const check of [...restConformanceChecks, ...connect41ShapeChecks]) {
    test(check.name, async ({ baseURL }) => {
      await check.run({ baseUrl: `${baseURL}/api/connect`, scratchDir });
    });
  }

  test("a trailing slash is accepted, as Kafka Connect accepts it", async ({ request }) => {
    const response = await request.get("/api/connect/connectors/", { maxRedirects: 0 });
    test.expect(response.status()).toBe(200);
    test.expect(Array.isArray(await response.json())).toBe(true);
  });
});
