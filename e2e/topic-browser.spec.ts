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

test("the topic browser reads a connector's topic newest first, searches it, starts from an offset and shows hex", async ({ page, request }) => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-topics-"));
  const name = `e2e-topics-${Date.now()}`;
  const file = path.join(dir, "in.txt");
  writeFileSync(file, `${Array.from({ length: 120 }, (_, i) => `line ${i} ${i === 77 ? "needle" : "hay"}`).join("\n")}\n`);
  try {
    const config = { "connector.class": "FileStreamSource", file, topic: name, "value.converter": "org.apache.kafka.connect.storage.StringConverter" };
    expect((await request.post("/api/connect/connectors", { data: { name, config } })).status()).toBe(201);
    await expect.poll(async () => (await (await request.get(`/api/console/topics/${name}/records?limit=1`)).json()).partitions?.[0]?.high, { timeout: 30_000 }).toBe("120");

    await page.goto(`/connectors/${name}`);
    await page.getByRole("region", { name: "Topics", exact: true }).getByRole("link", { name }).click();
    await expect(page).toHaveURL(`/topics/${name}`, { timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(`Topics/${name}`);
    const records = page.getByRole("table", { name: `Records of ${name}` });
    await expect(records.getByRole("row").nth(1)).toContainText("0/119");
    await expect(records.getByRole("row").nth(1)).toContainText("line 119 hay");
    await expect(page.getByRole("status").filter({ hasText: "Newest first" })).toContainText("50 records shown");
    await page.getByRole("button", { name: "Load older" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Newest first" })).toContainText("100 records shown");
    await shot(page, "topic-browser");

    await page.getByLabel("Search key, value and headers").fill("needle");
    await page.getByRole("button", { name: "Read" }).click();
    await expect(page).toHaveURL(/q=needle/);
    await expect(records.getByRole("row")).toHaveCount(2);
    await records.getByRole("button", { name: "Show" }).click();
    await expect(page.getByRole("region", { name: "Record 0/77 in full" })).toContainText("line 77 needle");

    await page.getByLabel("Search key, value and headers").fill("");
    await page.getByLabel("Start").selectOption("offset");
    await page.getByRole("textbox", { name: "Offset" }).fill("10");
    await page.getByLabel("Show as").selectOption("hex");
    await page.getByRole("button", { name: "Read" }).click();
    await expect(records.getByRole("row").nth(1)).toContainText("0/10");
    await expect(records.getByRole("row").nth(1)).toContainText("6c 69 6e 65 20 31 30");
    await expect(records.getByRole("row").nth(2)).toContainText("0/11");

    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await shot(page, "topic-browser-dark");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/topics/${name}`);
    await expect(records.getByRole("row").nth(1)).toContainText("0/119");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, "topic-browser-phone-dark");
    await page.getByRole("button", { name: "Switch to light mode" }).click();

    await page.goto("/topics");
    await page.getByLabel("Search topics").fill(name);
    await expect(page.getByRole("table", { name: "Topics" }).getByRole("row")).toHaveCount(2);
    await expect(page.getByRole("table", { name: "Topics" })).toContainText("120");
    expect((await request.get("/api/console/topics/no-such-topic-here/records")).status()).toBe(404);
    expect((await request.get(`/api/console/topics/${name}/records?start=offset`)).status()).toBe(400);
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
