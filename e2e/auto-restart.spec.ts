import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

test("the Auto restart card: off says how to turn it on; on lists the attempts with their error until the task runs again", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-auto-restart-"));
  const stamp = Date.now();
  const off = `e2e-restart-off-${stamp}`;
  const on = `e2e-restart-on-${stamp}`;
  const folder = path.join(dir, "missing");
  const sink = { "connector.class": "FileStreamSink", topics: on, "value.converter": "org.apache.kafka.connect.storage.StringConverter" };
  try {
    expect((await request.post("/api/connect/connectors", { data: { name: off, config: { ...sink, file: path.join(dir, "off.txt") } } })).status()).toBe(201);
    await page.goto(`/connectors/${off}`);
    const offCard = page.getByRole("region", { name: "Auto restart" });
    await expect(offCard.getByText("Off", { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(offCard).toContainText("tributary.auto.restart.enabled=true");
    await expect(offCard.getByRole("link", { name: "edit the config" })).toHaveAttribute("href", `/connectors/${off}/edit`);

    const policy = { "tributary.auto.restart.enabled": "true", "tributary.auto.restart.max.attempts": "0", "tributary.auto.restart.backoff.initial.ms": "300", "tributary.auto.restart.backoff.max.ms": "1000" };
    expect((await request.post("/api/connect/connectors", { data: { name: on, config: { ...sink, file: path.join(folder, "out.txt"), ...policy } } })).status()).toBe(201);
    await page.goto(`/connectors/${on}`);
    const card = page.getByRole("region", { name: "Auto restart" });
    await expect(card.getByText("On", { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(card).toContainText("300 ms, doubling up to 1 s");
    const attempts = card.getByRole("list", { name: "Automatic restart attempts" });
    await expect(attempts.getByText("Attempt 2 after 600 ms")).toBeVisible({ timeout: 15_000 });
    await expect(attempts.getByText(/ENOENT/).first()).toBeVisible();
    await expect(attempts.getByText("Failed again").first()).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/connector-auto-restart.png", fullPage: true });

    mkdirSync(folder);
    await expect(attempts.getByRole("listitem").first()).toContainText("Running", { timeout: 15_000 });
    await expect(page.getByRole("table", { name: `Tasks of ${on}` }).getByRole("row", { name: /^0 / })).toContainText("RUNNING", { timeout: 15_000 });
  } finally {
    await request.delete(`/api/connect/connectors/${off}`);
    await request.delete(`/api/connect/connectors/${on}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
