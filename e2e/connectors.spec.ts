import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/** The connectors table's row for `name` (its name cell is the row header). */
const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function create(request: APIRequestContext, name: string, config: Record<string, string>): Promise<void> {
  expect((await request.post("/api/connect/connectors", { data: { name, config } })).status()).toBe(201);
}

test("a connector created through the REST API appears in the console with its health, tasks and topic", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-connectors-"));
  const name = `e2e-source-${Date.now()}`;
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "hello\n");
  try {
    await create(request, name, { "connector.class": "FileStreamSource", file, topic: name });
    await page.goto("/connectors");
    const mine = row(page, name);
    await expect(mine.getByText("Healthy", { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(mine.getByText("Its task is running")).toBeVisible();
    await expect(mine.getByText("1 of 1 running")).toBeVisible();
    await expect(mine.getByText("FileStreamSource", { exact: true })).toBeVisible();
    await expect(mine.getByRole("cell", { name, exact: true })).toBeVisible();
    await request.put(`/api/connect/connectors/${name}/pause`);
    await expect(mine.getByText("Paused", { exact: true })).toBeVisible({ timeout: 15_000 });
    expect((await request.delete(`/api/connect/connectors/${name}`)).status()).toBe(204);
    await expect(mine).toHaveCount(0, { timeout: 15_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a task failing while the page is open shows Failed with its error within a second, without a reload", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-failing-"));
  const name = `e2e-failing-${Date.now()}`;
  try {
    await page.goto("/connectors");
    await expect(page.getByText("Live updates on")).toBeVisible({ timeout: 10_000 });
    // A folder where a file is expected: the task opens it, then fails on its first read (EISDIR).
    await create(request, name, { "connector.class": "FileStreamSource", file: dir, topic: name });
    const mine = row(page, name);
    await expect(mine.getByText("0 of 1 running")).toBeVisible({ timeout: 1_000 });
    await expect(mine.getByText("1 failed", { exact: true })).toBeVisible({ timeout: 1_000 });
    await expect(mine.getByText("Its task failed")).toBeVisible({ timeout: 1_000 });
    await expect(mine.getByText(/EISDIR/)).toBeVisible({ timeout: 1_000 });
    const status = await (await request.get(`/api/connect/connectors/${name}/status`)).json();
    expect(status.tasks[0]).toMatchObject({ state: "FAILED", trace: expect.stringContaining("EISDIR") });
    await page.screenshot({ path: "e2e/screenshots/connectors-failed-task.png", fullPage: true });
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the list searches, filters by state and type, puts failed first, and pauses, resumes and deletes in bulk", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-bulk-"));
  const prefix = `e2e-bulk-${Date.now()}`;
  const [a, b, broken, sink] = [`${prefix}-a`, `${prefix}-b`, `${prefix}-broken`, `${prefix}-sink`];
  writeFileSync(path.join(dir, "in.txt"), "x\n");
  try {
    await create(request, a, { "connector.class": "FileStreamSource", file: path.join(dir, "in.txt"), topic: a });
    await create(request, b, { "connector.class": "FileStreamSource", file: path.join(dir, "in.txt"), topic: b });
    await create(request, broken, { "connector.class": "FileStreamSource", file: dir, topic: broken });
    await create(request, sink, { "connector.class": "FileStreamSink", file: path.join(dir, "out.txt"), topics: a });
    await page.goto("/connectors");
    await page.getByRole("searchbox", { name: "Search connectors" }).fill(prefix);
    const table = page.getByRole("table", { name: "Connectors" });
    await expect(table.getByRole("row")).toHaveCount(5);
    await expect(row(page, broken).getByText("Failed", { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(row(page, a).getByText("Healthy", { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(table.getByRole("rowheader").first()).toHaveText(broken);

    await page.getByLabel("Type").selectOption("sink");
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(row(page, sink)).toBeVisible();
    await page.getByLabel("Type").selectOption("all");
    await page.getByLabel("State").selectOption("failed");
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(row(page, broken)).toBeVisible();
    await page.getByLabel("State").selectOption("all");
    await page.screenshot({ path: "e2e/screenshots/connectors-list.png", fullPage: true });

    // A refusal for one connector shows beside the others' success.
    const rebalance = "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";
    await page.route(`**/api/connect/connectors/${b}/pause`, (route) => route.fulfill({ status: 409, json: { error_code: 409, message: rebalance } }), { times: 1 });
    await page.getByRole("checkbox", { name: `Select ${a}`, exact: true }).check();
    await page.getByRole("checkbox", { name: `Select ${b}`, exact: true }).check();
    const bulk = page.getByRole("toolbar", { name: "Bulk actions" });
    await expect(bulk.getByText("2 selected")).toBeVisible();
    await bulk.getByRole("button", { name: "Pause", exact: true }).click();
    let dialog = page.getByRole("dialog", { name: "Pause 2 connectors?" });
    await expect(dialog.getByRole("list", { name: "Connectors" }).getByRole("listitem")).toHaveText([a, b]);
    await page.screenshot({ path: "e2e/screenshots/connectors-bulk-confirm.png" });
    await dialog.getByRole("button", { name: "Pause 2 connectors" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Paused 1 of 2 connectors.");
    const results = dialog.getByRole("list", { name: "Results" });
    await expect(results.getByRole("listitem").filter({ hasText: a })).toContainText("paused");
    await expect(results.getByRole("listitem").filter({ hasText: b })).toContainText(`not paused: ${rebalance}`);
    await expect(results.getByRole("listitem").filter({ hasText: b })).toContainText("Wait a few seconds and try again");
    await page.screenshot({ path: "e2e/screenshots/connectors-bulk-results.png" });
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, a).getByText("Paused", { exact: true })).toBeVisible({ timeout: 5_000 });
    await expect(row(page, b).getByText("Healthy", { exact: true })).toBeVisible();
    await expect(bulk.getByText("1 selected")).toBeVisible();

    await bulk.getByRole("button", { name: "Pause", exact: true }).click();
    dialog = page.getByRole("dialog", { name: "Pause 1 connector?" });
    await dialog.getByRole("button", { name: "Pause 1 connector" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Paused 1 of 1 connector.");
    await dialog.getByRole("button", { name: "Close" }).click();
    await page.getByLabel("State").selectOption("paused");
    await expect(table.getByRole("row")).toHaveCount(3, { timeout: 5_000 });

    await page.getByRole("checkbox", { name: "Select all shown connectors" }).check();
    await bulk.getByRole("button", { name: "Resume", exact: true }).click();
    dialog = page.getByRole("dialog", { name: "Resume 2 connectors?" });
    await dialog.getByRole("button", { name: "Resume 2 connectors" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Resumed 2 of 2 connectors.");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("heading", { name: "No connector matches" })).toBeVisible({ timeout: 5_000 });
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByRole("searchbox", { name: "Search connectors" }).fill(prefix);
    await expect(row(page, a).getByText("Healthy", { exact: true })).toBeVisible({ timeout: 5_000 });
    await expect(row(page, b).getByText("Healthy", { exact: true })).toBeVisible({ timeout: 5_000 });

    await page.getByRole("checkbox", { name: "Select all shown connectors" }).check();
    await expect(bulk.getByText("4 selected")).toBeVisible();
    await bulk.getByRole("button", { name: "Delete…" }).click();
    dialog = page.getByRole("dialog", { name: "Delete 4 connectors?" });
    await expect(dialog.getByText("This cannot be undone")).toBeVisible();
    await dialog.getByRole("button", { name: "Delete 4 connectors" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Deleted 4 of 4 connectors.");
    await dialog.getByRole("button", { name: "Close" }).click();
    for (const name of [a, b, broken, sink]) {
      await expect(page.getByRole("rowheader", { name, exact: true })).toHaveCount(0, { timeout: 5_000 });
      expect((await request.get(`/api/connect/connectors/${name}`)).status()).toBe(404);
    }
  } finally {
    for (const name of [a, b, broken, sink]) await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
