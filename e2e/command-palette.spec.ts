import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const observed = (page: Page) => page.getByRole("status", { name: "Is", exact: true }).getByText(/^[A-Z]+$/);
const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });
const search = (page: Page) => palette(page).getByRole("combobox", { name: "Search connectors, pages and actions" });

test("the command palette opens with Ctrl-K, jumps to a connector or page, and runs actions", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-palette-"));
  const name = `e2e-palette-${Date.now()}`;
  writeFileSync(path.join(dir, "in.txt"), "x\n");
  try {
    const config = { "connector.class": "FileStreamSource", file: path.join(dir, "in.txt"), topic: name };
    expect((await request.post("/api/connect/connectors", { data: { name, config } })).status()).toBe(201);
    await page.goto("/plugins");
    // The plugin list is read in the browser: once it shows, the page is hydrated and listens for Ctrl-K.
    await expect(page.getByText(/plugins installed$/)).toBeVisible({ timeout: 15_000 });

    await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeVisible();
    await expect(search(page)).toBeFocused();
    await expect(search(page)).toHaveAttribute("aria-expanded", "true");
    await search(page).fill(name);
    const results = palette(page).getByRole("listbox", { name: "Results" });
    await expect(results.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await expect(results.getByRole("group", { name: "Connectors" }).getByRole("option", { name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(results.getByRole("group", { name: "Actions" }).getByRole("option", { name: new RegExp(`^Pause ${name}`) })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/command-palette.png" });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/connectors/${name}`);
    await expect(palette(page)).toBeHidden();
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 15_000 });

    await page.getByRole("button", { name: "Search or run a command…" }).click();
    await search(page).fill(`pause ${name}`);
    await expect(results.getByRole("option", { name: new RegExp(`^Pause ${name}`) })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `Paused ${name}.` })).toBeVisible();
    await expect(observed(page)).toHaveText("PAUSED", { timeout: 5_000 });

    await page.keyboard.press("Control+k");
    await search(page).fill(name);
    await page.keyboard.press("ArrowDown");
    await expect(results.getByRole("option", { name: new RegExp(`^Resume ${name}`) })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 5_000 });

    await page.keyboard.press("Control+k");
    await search(page).fill("zzz-nothing");
    await expect(palette(page).getByText("Nothing matches “zzz-nothing”.")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(palette(page)).toBeHidden();

    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await page.keyboard.press("Control+k");
    await search(page).fill(`delete ${name}`);
    await page.screenshot({ path: "e2e/screenshots/command-palette-dark.png" });
    await page.keyboard.press("Enter");
    await expect(palette(page).getByRole("heading", { name: `Delete connector ${name}?` })).toBeVisible();
    await palette(page).getByRole("button", { name: `Delete ${name}` }).click();
    await expect(page).toHaveURL("/connectors");
    await expect(page.getByRole("status").filter({ hasText: `Deleted ${name}.` })).toBeVisible();
    expect((await request.get(`/api/connect/connectors/${name}`)).status()).toBe(404);

    await page.keyboard.press("Control+k");
    await search(page).fill("new connector");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/connectors/new");
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
