import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const SECRETS = ["pw-one-do-not-show", "pw-two-do-not-show"];

/** A screenshot of the whole page into .cache/e2e/screenshots, the viewport grown to the page so the sticky shell is drawn once. */
async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path: `.cache/e2e/screenshots/${name}.png` });
  await page.setViewportSize(size);
}

/** Fails when the page's HTML carries any secret value. */
async function expectNoSecrets(page: Page): Promise<void> {
  const html = await page.content();
  for (const secret of SECRETS) expect(html).not.toContain(secret);
}

test("config history: versions by who and when, a diff of any two, rollback as a new version, chart markers, and the audit log with its export, secrets masked everywhere", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-config-history-"));
  const name = `e2e-history-${Date.now()}`;
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "one\ntwo\n");
  const v1 = { "connector.class": "FileStreamSource", file, topic: `${name}-a`, "connection.password": SECRETS[0]! };
  try {
    expect((await request.post("/api/connect/connectors", { data: { name, config: v1 } })).status()).toBe(201);
    expect((await request.put(`/api/connect/connectors/${name}/config`, { data: { ...v1, "batch.size": "100", "connection.password": SECRETS[1] } })).status()).toBe(200);
    expect((await request.patch(`/api/connect/connectors/${name}/config`, { data: { topic: `${name}-b` } })).status()).toBe(200);
    await expect
      .poll(async () => ((await (await request.get(`/api/console/connectors/${name}/versions`)).json()) as { versions: Array<{ version: number }> }).versions.map((v) => v.version), { timeout: 10_000 })
      .toEqual([3, 2, 1]);

    await page.goto(`/connectors/${name}`);
    const card = page.getByRole("region", { name: "Config history" });
    const versions = card.getByRole("table", { name: `Config versions of ${name}` });
    for (const v of [1, 2, 3]) await expect(versions.getByRole("row", { name: `v${v}` })).toContainText("anonymous", { timeout: 15_000 });
    await expect(versions.getByRole("row", { name: "v3" })).toContainText("current");

    await card.getByLabel("Compare from version").selectOption("1");
    await card.getByLabel("Compare to version").selectOption("3");
    const diff = card.getByRole("table", { name: "Changes from v1 to v3" });
    await expect(diff.getByRole("row", { name: /^topic/ })).toContainText(`${name}-b`);
    await expect(diff.getByRole("row", { name: /^batch\.size/ })).toContainText("Added");
    await expect(diff.getByRole("row", { name: /^connection\.password/ })).toContainText("Changed");
    await card.scrollIntoViewIfNeeded();
    await shot(page, "config-history-1-diff");
    await expectNoSecrets(page);

    await versions.getByRole("row", { name: "v1" }).getByRole("button", { name: "Roll back to v1…" }).click();
    const dialog = page.getByRole("dialog", { name: `Roll back ${name} to v1?` });
    await expect(dialog.getByRole("table", { name: "Changes rolling back to v1 makes" }).getByRole("row", { name: /^topic/ })).toContainText(`${name}-a`);
    await shot(page, "config-history-2-confirm");
    await dialog.getByRole("button", { name: "Roll back to v1" }).click();
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    await expect(versions.getByRole("row", { name: "v4" })).toContainText("rolled back to v1", { timeout: 15_000 });
    await expect(versions.getByRole("row", { name: "v4" })).toContainText("current");
    expect(await (await request.get(`/api/connect/connectors/${name}/config`)).json()).toEqual({ ...v1, name });

    const changes = page.getByRole("region", { name: "Recent changes" });
    await expect(changes.getByText("Version 4 by anonymous")).toBeVisible({ timeout: 15_000 });
    const chart = page.getByRole("figure", { name: "Records polled" });
    for (const v of ["v1", "v2", "v3", "v4"]) await expect(chart.getByText(v, { exact: true })).toBeVisible();
    await chart.screenshot({ path: ".cache/e2e/screenshots/config-history-chart.png", style: "header { position: static !important; }" });
    await shot(page, "config-history-3-rolled-back");
    await expectNoSecrets(page);

    const masked = (await (await request.get(`/api/console/connectors/${name}/versions/2`)).json()) as { config: Record<string, string> };
    expect(masked.config["connection.password"]).toBe("[hidden]");
    expect((await request.get(`/api/console/connectors/${name}/versions/9`)).status()).toBe(404);
    expect((await request.get(`/api/console/connectors/${name}/versions/x`)).status()).toBe(400);
    expect((await request.get("/api/console/audit?limit=0")).status()).toBe(400);

    await page.goto("/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await page.getByLabel("Connector or target").fill(name);
    await page.getByRole("button", { name: "Apply" }).click();
    const rows = page.getByRole("table", { name: "Audit log entries, newest first" }).getByRole("row");
    for (const event of ["connector.create", "connector.config.update", "connector.rollback"]) await expect(rows.filter({ hasText: event }).first()).toContainText("anonymous", { timeout: 15_000 });
    await page.getByRole("button", { name: `Details of connector.rollback ${name}` }).click();
    await expect(page.getByRole("table", { name: `Config change of ${name}` }).getByRole("row", { name: /^topic/ })).toContainText(`${name}-a`);
    await shot(page, "config-history-4-audit");
    await expectNoSecrets(page);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export JSON lines" }).click();
    expect((await download).suggestedFilename()).toMatch(/^tributary-audit-.*\.jsonl$/);
    const exported = await (await request.get(`/api/console/audit/export?target=${encodeURIComponent(name)}`)).text();
    const entries = exported.trim().split("\n").map((line) => JSON.parse(line) as { event: string; user: string });
    expect(entries.map((e) => e.event)).toEqual(["connector.rollback", "connector.config.update", "connector.config.update", "connector.create"]);
    expect(entries.every((e) => e.user === "anonymous")).toBe(true);
    for (const secret of SECRETS) expect(exported).not.toContain(secret);
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
