import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const observed = (page: Page) => page.getByRole("status", { name: "Is", exact: true }).getByText(/^[A-Z]+$/);
const validated = (page: Page) => expect(page.getByRole("status").filter({ hasText: "No problems found" })).toBeVisible({ timeout: 15_000 });


/** A screenshot of the whole page, taken with the viewport grown to the page's height so the sticky shell is drawn once. */
async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
  await page.setViewportSize(size);
}

test("editing a connector shows the diff against its current config, secrets masked, then applies it", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-connector-edit-"));
  const name = `e2e-edit-${Date.now()}`;
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "hello\n");
  try {
    const config = { "connector.class": "FileStreamSource", file, topic: `${name}-a`, "batch.size": "100", "connection.password": "hunter2-do-not-show" };
    expect((await request.post("/api/connect/connectors", { data: { name, config } })).status()).toBe(201);
    await page.goto(`/connectors/${name}`);
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 15_000 });
    await page.getByRole("link", { name: "Edit config" }).click();
    await expect(page).toHaveURL(`/connectors/${name}/edit`);
    await expect(page.getByRole("heading", { level: 1, name: `Edit ${name}` })).toBeVisible();

    const topic = page.getByRole("textbox", { name: "topic (required)" });
    await expect(topic).toHaveValue(`${name}-a`, { timeout: 15_000 });
    await expect(page.getByLabel("Connector name")).toHaveValue(name);
    await expect(page.getByLabel("Connector name")).toBeDisabled();
    const secret = page.getByLabel("connection.password", { exact: true });
    await expect(secret).toHaveAttribute("type", "password");
    await topic.fill(`${name}-b`);
    await page.getByLabel("batch.size", { exact: true }).fill("");
    await secret.fill("a-new-secret-do-not-show");
    await validated(page);
    await shot(page, "connector-edit-settings");

    await page.getByRole("group", { name: "Edit as" }).getByRole("button", { name: "JSON" }).click();
    const editor = page.getByLabel("Connector config (JSON)", { exact: true });
    await expect(editor).toHaveValue(/"connection.password": "\[hidden\]"/);
    await editor.fill((await editor.inputValue()).replace('"connector.class"', '"tasks.max": "1",\n  "connector.class"'));
    await page.getByRole("group", { name: "Edit as" }).getByRole("button", { name: "Form" }).click();
    await expect(page.getByLabel("Tasks max", { exact: true })).toHaveValue("1");

    await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "Review changes" }).click();
    const diff = page.getByRole("table", { name: `Changes to ${name}` });
    await expect(diff.getByRole("row")).toHaveCount(5);
    await expect(diff.getByRole("row", { name: /^topic / })).toContainText(`Changed${name}-a${name}-b`);
    await expect(diff.getByRole("row", { name: /^batch\.size / })).toContainText("Removed100");
    await expect(diff.getByRole("row", { name: /^tasks\.max / })).toContainText("Added");
    await expect(diff.getByRole("row", { name: /^connection\.password / })).toContainText("Changed••••••");
    await expect(page.getByText(/hunter2|a-new-secret/)).toHaveCount(0);
    await validated(page);
    await shot(page, "connector-edit-diff");
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await shot(page, "connector-edit-diff-dark");
    await page.getByRole("button", { name: "Switch to light mode" }).click();

    await page.getByRole("button", { name: "Apply 4 changes" }).click();
    await expect(page).toHaveURL(`/connectors/${name}`, { timeout: 15_000 });
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 15_000 });
    expect(await (await request.get(`/api/connect/connectors/${name}/config`)).json()).toEqual({
      name,
      "connector.class": "FileStreamSource",
      file,
      topic: `${name}-b`,
      "tasks.max": "1",
      "connection.password": "a-new-secret-do-not-show",
    });
    await expect(page.getByRole("region", { name: "Config", exact: true }).getByText(`${name}-b`)).toBeVisible();
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an unchanged config has nothing to apply, and an unknown connector says so", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-connector-edit-same-"));
  const name = `e2e-edit-same-${Date.now()}`;
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "");
  try {
    expect((await request.post("/api/connect/connectors", { data: { name, config: { "connector.class": "FileStreamSource", file, topic: name } } })).status()).toBe(201);
    await page.goto(`/connectors/${name}/edit`);
    await expect(page.getByRole("textbox", { name: "topic (required)" })).toHaveValue(name, { timeout: 15_000 });
    await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByText("No changes yet")).toBeVisible();
    await expect(page.getByRole("button", { name: "Apply 0 changes" })).toBeDisabled();

    await page.goto(`/connectors/${name}-missing/edit`);
    await expect(page.getByRole("heading", { name: "Connector not found" })).toBeVisible({ timeout: 15_000 });
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
