import path from "node:path";
import { expect, test } from "@playwright/test";

test("with login off, /login says so and leads to the console, whose top bar shows a quiet Login off badge and no settings", async ({ page }) => {
  await page.goto("/login?next=%2Ftopics");
  await expect(page.getByRole("heading", { level: 1, name: "Login is off" })).toBeVisible();
  await expect(page.getByText("TRIBUTARY_AUTH=on")).toBeVisible();
  await page.screenshot({ path: path.join(".cache", "e2e", "auth", "login-off.png") });
  await page.getByRole("link", { name: "Open the console →" }).click();
  await expect(page).toHaveURL("/topics");
  const badge = page.getByText("Login off", { exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("title", /TRIBUTARY_AUTH=on/);
  await expect(page.getByRole("navigation", { name: "Settings" })).toHaveCount(0);
  await page.goto("/connectors");
  await expect(page.getByRole("link", { name: "New connector" })).toBeVisible();
  await page.screenshot({ path: path.join(".cache", "e2e", "auth", "console-login-off.png") });
});
