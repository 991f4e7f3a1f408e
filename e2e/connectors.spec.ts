import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

test("a connector created through the REST API appears in the console with its state and tasks", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-connectors-"));
  const name = `e2e-source-${Date.now()}`;
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "hello\n");
  try {
    const created = await request.post("/api/connect/connectors", { data: { name, config: { "connector.class": "FileStreamSource", file, topic: name } } });
    expect(created.status()).toBe(201);
    await page.goto("/connectors");
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toBeVisible();
    await expect(row.getByText("RUNNING", { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(row.getByText("1 of 1 running")).toBeVisible();
    await expect(row.getByText("FileStreamSource")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/connectors-list.png", fullPage: true });
    await request.put(`/api/connect/connectors/${name}/pause`);
    await expect(row.getByText("PAUSED", { exact: true })).toBeVisible({ timeout: 15_000 });
    expect((await request.delete(`/api/connect/connectors/${name}`)).status()).toBe(204);
    await expect(row).toHaveCount(0, { timeout: 15_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
