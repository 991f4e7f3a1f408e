import { expect, test } from "@playwright/test";

test("the plugins page lists the installed plugins by kind, searches them, and shows a plugin's config docs", async ({ page }) => {
  await page.goto("/plugins");
  await expect(page.getByRole("heading", { level: 1, name: "Plugins" })).toBeVisible();
  const sources = page.getByRole("region", { name: /^Source connectors/ });
  const sinks = page.getByRole("region", { name: /^Sink connectors/ });
  await expect(sources.getByText("org.apache.kafka.connect.file.FileStreamSourceConnector", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(sinks.getByText("org.apache.kafka.connect.file.FileStreamSinkConnector", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Converters/ }).getByText("org.apache.kafka.connect.json.JsonConverter", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Header converters/ })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/plugins.png", fullPage: true });

  await page.getByRole("searchbox", { name: "Search plugins" }).fill("filestream");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([/^Source connectors/, /^Sink connectors/]);
  const show = sources.getByRole("button", { name: "Show configuration of FileStreamSourceConnector" });
  await expect(show).toHaveAttribute("aria-expanded", "false");
  await show.click();
  await expect(sources.getByRole("button", { name: "Hide configuration of FileStreamSourceConnector" })).toHaveAttribute("aria-expanded", "true");
  const docs = sources.getByRole("table");
  await expect(docs.getByRole("row", { name: /^topic STRING required high The topic to publish data to/ })).toBeVisible({ timeout: 10_000 });
  await expect(docs.getByRole("rowheader", { name: "file", exact: true })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/plugins-config-docs.png", fullPage: true });

  await page.getByRole("searchbox", { name: "Search plugins" }).fill("no such plugin anywhere");
  await expect(page.getByRole("heading", { name: "No plugin matches" })).toBeVisible();
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(sinks).toBeVisible();

  await page.getByRole("button", { name: "Switch to dark mode" }).click();
  await sinks.getByRole("button", { name: "Show configuration of FileStreamSinkConnector" }).click();
  await expect(sinks.getByRole("rowheader", { name: "file", exact: true })).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: "e2e/screenshots/plugins-dark.png", fullPage: true });
});
