import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

/** A chart on the page, by its title: a figure whose SVG describes the latest and highest values. */
const chart = (page: Page, title: string) => page.getByRole("figure", { name: title, exact: true }).getByRole("img");
const nonZero = /latest (?!0 )[\d.]+k? records\/s/;

test("a datagen connector's chart moves within three seconds of its start, without a reload; overview, workers and /metrics agree", async ({ page, request }) => {
  test.setTimeout(90_000);
  const name = `e2e-metrics-${Date.now()}`;
  const failing = `e2e-metrics-failing-${Date.now()}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-metrics-"));
  const config = { "connector.class": "io.confluent.kafka.connect.datagen.DatagenConnector", quickstart: "users", "kafka.topic": name, "max.interval": "50" };
  try {
    expect((await request.post("/api/connect/connectors", { data: { name, config, initial_state: "STOPPED" } })).status()).toBe(201);
    await page.goto(`/connectors/${name}`);
    const metrics = page.getByRole("region", { name: "Metrics" });
    await expect(metrics).toBeVisible({ timeout: 15_000 });
    await expect(chart(page, "Records polled")).toHaveAttribute("aria-label", /no data yet|latest 0 records\/s/);

    expect((await request.put(`/api/connect/connectors/${name}/resume`)).status()).toBe(202);
    await expect(chart(page, "Records polled")).toHaveAttribute("aria-label", nonZero, { timeout: 3_000 });
    await expect(chart(page, "Records written to Kafka")).toHaveAttribute("aria-label", nonZero, { timeout: 5_000 });
    await expect(chart(page, "Errors")).toHaveAttribute("aria-label", /latest 0 records\/s/);

    await metrics.getByLabel("Per task").check();
    await expect(chart(page, "Records polled")).toHaveAttribute("aria-label", /over the last 15 minutes/);
    await metrics.getByRole("radio", { name: "1 hour", exact: true }).click();
    await expect(chart(page, "Records polled")).toHaveAttribute("aria-label", /over the last 1 hour: latest [1-9]/, { timeout: 10_000 });
    await metrics.getByRole("radio", { name: "5 min", exact: true }).click();
    await metrics.getByLabel("Per task").uncheck();
    await expect(chart(page, "Records polled")).toHaveAttribute("aria-label", /over the last 5 minutes: latest/);

    const text = await (await request.get("/metrics")).text();
    expect(text).toMatch(new RegExp(`^kafka_connect_source_task_metrics_source_record_poll_total\\{connector="${name}",task="0"\\} [1-9]\\d*$`, "m"));
    expect(text).toContain(`kafka_connect_connector_metrics_connector_class{connector="${name}",connector_class="io.confluent.kafka.connect.datagen.DatagenConnector"} 1`);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);

    // A source on a folder fails on its first read: the overview lists it as failing.
    expect((await request.post("/api/connect/connectors", { data: { name: failing, config: { "connector.class": "FileStreamSource", file: dir, topic: failing } } })).status()).toBe(201);
    await page.waitForTimeout(8_000);
    await page.screenshot({ path: "e2e/screenshots/connector-metrics.png", fullPage: true });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const busiest = page.getByRole("table", { name: "Busiest connectors" });
    await expect(busiest.getByRole("rowheader", { name, exact: true })).toBeVisible({ timeout: 15_000 });
    const failingRow = page.getByRole("table", { name: "Connectors needing attention" }).getByRole("row").filter({ has: page.getByRole("link", { name: failing, exact: true }) });
    await expect(failingRow).toContainText("1 of 1", { timeout: 15_000 });
    await expect(failingRow).toContainText("Failed");
    await expect(failingRow).not.toContainText("RUNNING");
    await expect(page.getByRole("definition").filter({ has: page.getByLabel("Connectors by health") })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/overview-metrics.png", fullPage: true });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workers" }).click();
    await expect(chart(page, "Memory (RSS)")).toHaveAttribute("aria-label", /latest [1-9][\d.]* [MG]B/, { timeout: 5_000 });
    await expect(chart(page, "CPU (% of one core)")).toHaveAttribute("aria-label", /latest [\d.]+%/);
    await page.screenshot({ path: "e2e/screenshots/workers-metrics.png", fullPage: true });

    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.screenshot({ path: "e2e/screenshots/workers-metrics-dark.png", fullPage: true });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("table", { name: "Busiest connectors" }).getByRole("rowheader", { name, exact: true })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/overview-metrics-dark.png", fullPage: true });
    await page.goto(`/connectors/${name}`);
    await expect(chart(page, "Records polled")).toHaveAttribute("aria-label", nonZero, { timeout: 5_000 });
    await page.screenshot({ path: "e2e/screenshots/connector-metrics-dark.png", fullPage: true });
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    await request.delete(`/api/connect/connectors/${failing}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the metrics API says what to fix in a bad query", async ({ request }) => {
  for (const [query, message] of [
    ["metric=records-in&connector=x&range=soon", 'range must be a duration like 30s, 15m, 1h or 7d, got "soon".'],
    ["metric=records-in", "metric records-in is a connector series: name the connector with connector=<name>."],
    ["metric=process-cpu&range=30d", "range 30d goes back further than the 7d of history kept (tributary.metrics.retention.ms)."],
  ]) {
    const response = await request.get(`/api/console/metrics?${query}`);
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ code: "request.invalid", message });
  }
});
