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

test("a task failing while the page is open shows FAILED with its error within a second, without a reload", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-failing-"));
  const name = `e2e-failing-${Date.now()}`;
  try {
    await page.goto("/connectors");
    await expect(page.getByText("Live updates on")).toBeVisible({ timeout: 10_000 });
    // A folder where a file is expected: the task opens it, then fails on its first read (EISDIR).
    const created = await request.post("/api/connect/connectors", { data: { name, config: { "connector.class": "FileStreamSource", file: dir, topic: name } } });
    expect(created.status()).toBe(201);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row.getByText("0 of 1 running, 1 failed")).toBeVisible({ timeout: 1_000 });
    await expect(row.getByText(/EISDIR/)).toBeVisible({ timeout: 1_000 });
    const status = await (await request.get(`/api/connect/connectors/${name}/status`)).json();
    expect(status.tasks[0]).toMatchObject({ state: "FAILED", trace: expect.stringContaining("EISDIR") });
    await page.screenshot({ path: "e2e/screenshots/connectors-failed-task.png", fullPage: true });
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
