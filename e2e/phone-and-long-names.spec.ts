import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

/** A screenshot of the whole page, the viewport grown to the page's height so the sticky shell is drawn once. */
async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
  await page.setViewportSize(size);
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("a 303-character name is cut with the whole name on hover and leaves the list's columns on screen", async ({ page, request }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-long-"));
  const name = `e2e-long-${Date.now()}-${"x".repeat(303)}`.slice(0, 303);
  writeFileSync(path.join(dir, "in.txt"), "one\n");
  try {
    expect((await request.post("/api/connect/connectors", { data: { name, config: { "connector.class": "FileStreamSource", file: path.join(dir, "in.txt"), topic: `e2e-long-${Date.now()}` } } })).status()).toBe(201);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/connectors");
    const link = page.getByRole("link", { name, exact: true });
    await expect(link).toHaveAttribute("title", name, { timeout: 15_000 });
    expect((await link.boundingBox())!.width).toBeLessThan(400);
    const table = page.getByRole("table", { name: "Connectors" });
    for (const column of ["Type", "Health", "Tasks", "Topics"]) await expect(table.getByRole("columnheader", { name: column })).toBeInViewport({ ratio: 1 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
    await shot(page, "connectors-long-name");

    await page.goto(`/connectors/${encodeURIComponent(name)}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
  } finally {
    await request.delete(`/api/connect/connectors/${encodeURIComponent(name)}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("on a 390 px phone the menu replaces the sidebar, nothing is wider than the screen, and a connector can be checked and paused", async ({ page, request }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-phone-"));
  const name = `e2e-phone-${Date.now()}`;
  writeFileSync(path.join(dir, "in.txt"), "one\n");
  try {
    expect((await request.post("/api/connect/connectors", { data: { name, config: { "connector.class": "FileStreamSource", file: path.join(dir, "in.txt"), topic: name } } })).status()).toBe(201);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, label] of [["/connectors", "connectors"], ["/overview", "overview"], ["/topics", "topics"], ["/workers", "workers"]]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
      await page.waitForTimeout(1_500);
      expect(await pageWidth(page), path).toBeLessThanOrEqual(390);
      await shot(page, `phone-${label}`);
    }
    await page.goto("/connectors");
    await expect(page.getByRole("complementary", { name: "Sidebar" })).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await expect(menu.getByRole("navigation", { name: "Main" })).toBeVisible();
    await shot(page, "phone-menu");
    await menu.getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(menu).toBeHidden();

    await page.goto(`/connectors/${name}`);
    await expect(page.getByRole("status", { name: "Is", exact: true })).toContainText("RUNNING", { timeout: 15_000 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect(page.getByRole("status", { name: "Is", exact: true })).toContainText("PAUSED", { timeout: 10_000 });
    await shot(page, "phone-connector-paused");
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a connector page for a missing connector answers 404 and the breadcrumb names the page", async ({ page }) => {
  const response = await page.goto("/connectors/no-such-connector-e2e");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Connector not found" })).toBeVisible();
  expect((await page.goto("/connectors/no-such-connector-e2e/edit"))!.status()).toBe(404);
  await page.goto("/connectors/new");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByText("New connector")).toHaveAttribute("aria-current", "page");
});
