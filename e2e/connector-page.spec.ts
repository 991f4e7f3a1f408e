import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const observed = (page: Page) => page.getByRole("status", { name: "Is", exact: true }).getByText(/^[A-Z]+$/);
const target = (page: Page) => page.getByRole("group", { name: "Asked to be", exact: true }).getByText(/^[A-Z]+$/);
/** Alerts of the page itself, not Next's route announcer (also `role="alert"`). */
const alerts = (page: Page) => page.getByRole("main").getByRole("alert");

test("a connector's page: open it from the list, pause and resume it, see its masked config, delete it", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-connector-page-"));
  const name = `e2e-page-${Date.now()}`;
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "hello\n");
  try {
    const config = { "connector.class": "FileStreamSource", file, topic: name, "connection.password": "hunter2-do-not-show" };
    expect((await request.post("/api/connect/connectors", { data: { name, config } })).status()).toBe(201);
    await page.goto("/connectors");
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(`/connectors/${name}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 15_000 });
    await expect(target(page)).toHaveText("STARTED");
    const tasks = page.getByRole("table", { name: `Tasks of ${name}` });
    await expect(tasks.getByRole("row", { name: /^0 / })).toContainText("RUNNING");

    const configCard = page.getByRole("region", { name: "Config", exact: true });
    await expect(configCard.getByText("connection.password")).toBeVisible();
    await expect(configCard.getByRole("definition").filter({ hasText: "••••••" })).toHaveCount(1);
    await expect(page.getByText("hunter2-do-not-show")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Topics", exact: true }).getByRole("link", { name, exact: true })).toBeVisible({ timeout: 15_000 });

    const resume = page.getByRole("button", { name: "Resume", exact: true });
    await expect(resume).toBeDisabled();
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    await expect(observed(page)).toHaveText("PAUSED", { timeout: 5_000 });
    await expect(target(page)).toHaveText("PAUSED");
    await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeDisabled();
    await page.screenshot({ path: "e2e/screenshots/connector-page.png", fullPage: true });
    await resume.click();
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 5_000 });
    await expect(resume).toBeDisabled();

    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.screenshot({ path: "e2e/screenshots/connector-page-dark.png", fullPage: true });

    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete connector ${name}?` });
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole("button", { name: "Delete", exact: true });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill(name.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/to confirm/).fill(name);
    await page.screenshot({ path: "e2e/screenshots/connector-delete-dialog-dark.png" });
    await confirm.click();
    await expect(page).toHaveURL("/connectors");
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0, { timeout: 15_000 });
    expect((await request.get(`/api/connect/connectors/${name}`)).status()).toBe(404);
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a failed task shows FAILED with its trace behind Show trace, and restarting it is one click", async ({ page, request, context }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-connector-failing-"));
  const name = `e2e-page-failing-${Date.now()}`;
  try {
    // A folder where a file is expected: the task fails on its first read (EISDIR).
    expect((await request.post("/api/connect/connectors", { data: { name, config: { "connector.class": "FileStreamSource", file: dir, topic: name } } })).status()).toBe(201);
    await page.goto(`/connectors/${name}`);
    const row = page.getByRole("table", { name: `Tasks of ${name}` }).getByRole("row", { name: /^0 / });
    await expect(row).toContainText("FAILED", { timeout: 15_000 });
    await expect(page.getByRole("button", { name: "Restart failed tasks" })).toBeEnabled();
    const trace = row.locator("pre");
    await expect(trace).toBeHidden();
    await row.getByRole("button", { name: "Show trace" }).click();
    await expect(trace).toBeVisible();
    await expect(trace).toContainText("EISDIR");
    await expect(row.getByRole("button", { name: "Hide trace" })).toHaveAttribute("aria-expanded", "true");

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await row.getByRole("button", { name: "Copy trace" }).click();
    await expect(row.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("EISDIR");
    await page.screenshot({ path: "e2e/screenshots/connector-page-failed-task.png", fullPage: true });
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await page.screenshot({ path: "e2e/screenshots/connector-page-failed-task-dark.png", fullPage: true });

    await row.getByRole("button", { name: "Restart task 0" }).click();
    await expect(row).toContainText("FAILED", { timeout: 15_000 });
    await expect(alerts(page)).toHaveCount(0);
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an unknown connector's page says so and links back to the list", async ({ page }) => {
  const name = `no such connector ${Date.now()}`;
  await page.goto(`/connectors/${encodeURIComponent(name)}`);
  await expect(page.getByRole("heading", { name: "Connector not found" })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(name)).toBeVisible();
  await page.getByRole("link", { name: "Back to connectors" }).click();
  await expect(page).toHaveURL("/connectors");
});

test("an action the API refuses shows the API's message in an alert, and the buttons work again", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-connector-refused-"));
  const name = `e2e-page-refused-${Date.now()}`;
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "");
  try {
    expect((await request.post("/api/connect/connectors", { data: { name, config: { "connector.class": "FileStreamSource", file, topic: name } } })).status()).toBe(201);
    await page.goto(`/connectors/${name}`);
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 15_000 });
    // A rebalance in progress is the usual refusal; the real app cannot be made to produce one on demand.
    const message = "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";
    await page.route(`**/api/connect/connectors/${name}/stop`, (route) => route.fulfill({ status: 409, json: { error_code: 409, message } }), { times: 1 });
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await expect(alerts(page)).toHaveText(`Could not stop: ${message}`);
    await expect(observed(page)).toHaveText("RUNNING");
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await expect(observed(page)).toHaveText("STOPPED", { timeout: 5_000 });
    await expect(alerts(page)).toHaveCount(0);
    await expect(page.getByText("A stopped connector has no tasks")).toBeVisible({ timeout: 15_000 });
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
