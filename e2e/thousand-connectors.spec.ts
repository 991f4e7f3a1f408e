import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

const COUNT = 1000;
const LANES = 12;

/** Runs `job` for 0…count-1, at most LANES at a time. */
async function inLanes(count: number, job: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: LANES }, async () => {
    while (next < count) await job(next++);
  }));
}

type Expanded = Record<string, { status?: { connector: { state: string } } }>;

/** The connector states of every connector named `prefix-…`, by state. */
async function statesOf(request: APIRequestContext, prefix: string): Promise<Record<string, number>> {
  const listed = (await (await request.get("/api/connect/connectors?expand=status")).json()) as Expanded;
  const states: Record<string, number> = {};
  for (const [name, entry] of Object.entries(listed)) {
    if (!name.startsWith(`${prefix}-`)) continue;
    const state = entry.status?.connector.state ?? "none";
    states[state] = (states[state] ?? 0) + 1;
  }
  return states;
}

test("a thousand connectors: the first rows show within a second, search narrows them, and one bulk pause reaches all of them", async ({ page, request }) => {
  test.setTimeout(420_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-thousand-"));
  const file = path.join(dir, "in.txt");
  writeFileSync(file, "one\ntwo\n");
  const prefix = `e2e-k${Date.now().toString(36)}`;
  const name = (index: number) => `${prefix}-${index}`;
  try {
    // Created STOPPED, so no task runs until the bulk pause gives each its (paused) task.
    await inLanes(COUNT, async (index) => {
      const response = await request.post("/api/connect/connectors", {
        data: { name: name(index), config: { "connector.class": "FileStreamSource", file, topic: prefix }, initial_state: "STOPPED" },
      });
      expect(response.status(), await response.text()).toBe(201);
    });
    await expect.poll(() => statesOf(request, prefix), { timeout: 30_000 }).toEqual({ STOPPED: COUNT });

    await page.setViewportSize({ width: 1280, height: 900 });
    // The 1 s is the console's own share: rendering the first rows of the answered list of 1,000.
    // Loading the page's scripts and the server's answer are reported beside it, not asserted.
    const listed = page.waitForResponse((response) => response.url().endsWith("/api/connect/connectors?expand=status&expand=info"));
    const started = Date.now();
    await page.goto("/connectors", { waitUntil: "commit" });
    await listed;
    const answered = Date.now();
    await expect(page.getByRole("rowheader").first()).toBeVisible({ timeout: 1_000 });
    const shown = Date.now();
    test.info().annotations.push({ type: "console timings", description: `list answered ${answered - started} ms after navigation, first rows ${shown - answered} ms later` });
    console.log(`thousand connectors: list answered ${answered - started} ms after navigation, first rows ${shown - answered} ms later`);
    const rendered = await page.getByRole("rowheader").count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);

    const search = page.getByLabel("Search connectors");
    // Timed inside the page, from the keystroke's input event to the narrowed count in the DOM,
    // so Playwright's own round trips are not in the figure.
    const filterMs = await search.evaluate((input: HTMLInputElement, text: string) => {
      return new Promise<number>((resolve) => {
        const start = performance.now();
        const done = () => /^Showing 11 of \d+ connectors$/m.test(document.body.innerText);
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, text);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
    }, `${prefix}-77`);
    await expect(page.getByText(/^Showing 11 of \d+ connectors$/)).toBeVisible();
    console.log(`thousand connectors: search narrowed to 11 rows ${Math.round(filterMs)} ms after the input event`);
    await expect(page.getByRole("rowheader")).toHaveCount(11);
    await page.getByLabel("Sort").selectOption("name");
    await expect(page.getByRole("rowheader").first()).toHaveText(name(77));
    await expect(page.getByRole("rowheader").nth(1)).toHaveText(name(770));

    await search.fill(`${prefix}-`);
    await expect(page.getByText(new RegExp(`^(Showing ${COUNT} of \\d+|${COUNT}) connectors$`))).toBeVisible();
    await expect(page.getByRole("rowheader").nth(2)).toHaveText(name(2));
    const last = page.getByRole("rowheader", { name: name(COUNT - 1), exact: true });
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(last).toBeInViewport({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await page.evaluate(() => window.scrollTo(0, 0));

    await page.getByLabel("Select all shown connectors").check();
    await expect(page.getByText(`${COUNT} selected`)).toBeVisible();
    await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Pause", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Pause ${COUNT} connectors?` });
    const paused = Date.now();
    await dialog.getByRole("button", { name: `Pause ${COUNT} connectors` }).click();
    await expect(dialog.getByRole("status")).toHaveText(`Paused ${COUNT} of ${COUNT} connectors.`, { timeout: 90_000 });
    console.log(`thousand connectors: bulk pause of ${COUNT} answered in ${Date.now() - paused} ms`);
    // The bulk requests leave the browser room for the console's own reads: its health poll kept answering.
    await expect(page.getByText("Console API unreachable")).toHaveCount(0);
    await expect.poll(() => statesOf(request, prefix), { timeout: 30_000 }).toEqual({ PAUSED: COUNT });
    await dialog.getByRole("button", { name: "Close" }).click();
    const first = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: name(0), exact: true }) });
    await expect(first.getByText("Paused", { exact: true })).toBeVisible({ timeout: 10_000 });
    mkdirSync("e2e/screenshots", { recursive: true });
    await page.screenshot({ path: "e2e/screenshots/thousand-connectors.png" });
  } finally {
    await inLanes(COUNT, async (index) => {
      await request.delete(`/api/connect/connectors/${name(index)}`);
    });
    rmSync(dir, { recursive: true, force: true });
  }
});
