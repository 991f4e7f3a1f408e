import { expect, test } from "@playwright/test";

const sections = ["Connectors", "Topics", "Plugins", "Dead letters", "Overview", "Workers", "Audit log"];

test("the console opens on Connectors and shows Kafka connected", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/connectors$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connectors" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Kafka connected", { timeout: 15_000 });
});

test("every section is one click away, and the current one is marked", async ({ page }) => {
  await page.goto("/connectors");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of sections) {
    await nav.getByRole("link", { name: section }).click();
    await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
    await expect(nav.getByRole("link", { name: section })).toHaveAttribute("aria-current", "page");
    await page.screenshot({ path: `e2e/screenshots/${section.toLowerCase().replace(/ /g, "-")}.png`, fullPage: true });
  }
});

test("the Workers page shows this worker, its mode and the Kafka cluster it reaches", async ({ page, request }) => {
  const health = await (await request.get("/api/console/health")).json();
  await page.goto("/workers");
  await expect(page.getByText(health.runtime.workerId).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(health.kafka.clusterId).first()).toBeVisible();
  await expect(page.getByText("embedded", { exact: false }).first()).toBeVisible();
});

test("dark mode toggles, sticks across a reload, and toggles back", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/connectors");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: "Switch to dark mode" }).click();
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  await page.screenshot({ path: "e2e/screenshots/connectors-dark.png", fullPage: true });
  await page.getByRole("button", { name: "Switch to light mode" }).click();
  await expect(html).not.toHaveClass(/dark/);
});

test("the health API and the Connect REST root report the real cluster", async ({ request }) => {
  const health = await request.get("/api/console/health");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body).toMatchObject({ status: "ok", kafka: { reachable: true }, runtime: { mode: "embedded", ready: true } });
  const root = await (await request.get("/api/connect/")).json();
  expect(root.kafka_cluster_id).toBe(body.kafka.clusterId);
  const connectHealth = await request.get("/api/connect/health");
  expect(await connectHealth.json()).toEqual({ status: "healthy", message: "Worker has completed startup and is ready to handle requests." });
});
