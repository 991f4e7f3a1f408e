import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? "";
const asAdmin = { authorization: `Basic ${Buffer.from(`admin:${adminPassword}`).toString("base64")}` };
const shots = path.join(".cache", "e2e", "auth");

async function signIn(page: Page, user: string, password: string) {
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("User name").fill(user);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

test("login on: sign in, add a viewer and a token as admin, sign out, and the viewer sees why the actions are off", async ({ page, request }) => {
  const suffix = Date.now().toString(36);
  const connector = `e2e-auth-${suffix}`;
  const viewer = `viewer-${suffix}`;
  const viewerPassword = "viewer-password-1";
  const newPassword = "viewer-password-2";
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-auth-"));
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "hello\n");
  const created = await request.post("/api/connect/connectors", { headers: asAdmin, data: { name: connector, config: { "connector.class": "FileStreamSource", file, topic: connector } } });
  expect(created.status()).toBe(201);
  try {
    await page.goto("/connectors");
    await expect(page).toHaveURL(/\/login\?next=%2Fconnectors$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    await signIn(page, "admin", "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "Wrong user name or password." })).toBeVisible();
    await page.screenshot({ path: path.join(shots, "login-wrong-password.png") });

    await signIn(page, "admin", adminPassword);
    await expect(page).toHaveURL("/connectors");
    await expect(page.getByRole("link", { name: connector, exact: true })).toBeVisible({ timeout: 15_000 });
    const account = page.getByLabel(/^Account: admin/);
    await expect(account).toHaveAttribute("aria-label", "Account: admin (admin)");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toBeVisible();
    await account.click();
    await page.screenshot({ path: path.join(shots, "admin-menu.png") });
    await page.getByRole("banner").getByRole("link", { name: "Users", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

    const addUser = page.getByRole("form", { name: "Add a user" });
    await addUser.getByLabel("User name").fill(viewer);
    await addUser.getByLabel("Password", { exact: true }).fill(viewerPassword);
    await addUser.getByLabel("Repeat the password").fill(viewerPassword);
    await expect(addUser.getByLabel("Role of grant 1")).toHaveValue("viewer");
    await expect(addUser.getByLabel("Connectors of grant 1")).toHaveValue("*");
    await addUser.getByRole("button", { name: "Add user" }).click();
    await expect(addUser.getByRole("status")).toHaveText(`Added ${viewer}.`);
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row", { name: new RegExp(`^${viewer}`) })).toContainText("viewer");
    await page.getByRole("button", { name: `Edit the grants of ${viewer}` }).click();
    const grants = page.getByRole("dialog", { name: `Grants of ${viewer}` });
    await grants.getByRole("button", { name: "Add grant" }).click();
    await grants.getByLabel("Role of grant 2").selectOption("operator");
    await grants.getByLabel("Connectors of grant 2").fill("other-*");
    await page.screenshot({ path: path.join(shots, "grants-dialog.png") });
    await grants.getByRole("button", { name: "Save" }).click();
    await expect(grants).toBeHidden();
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row", { name: new RegExp(`^${viewer}`) })).toContainText("viewer on *, operator on other-*");
    await page.getByRole("button", { name: `Reset the password of ${viewer}` }).click();
    const reset = page.getByRole("dialog", { name: `New password for ${viewer}` });
    await reset.getByLabel("New password", { exact: true }).fill(newPassword);
    await reset.getByLabel("Repeat the new password").fill(newPassword);
    await reset.getByRole("button", { name: "Save" }).click();
    await expect(reset).toBeHidden();
    await page.screenshot({ path: path.join(shots, "users.png"), fullPage: true });
    await page.getByRole("button", { name: "Delete user admin" }).click();
    const lastAdmin = page.getByRole("dialog", { name: "Delete user admin?" });
    await lastAdmin.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(lastAdmin.getByRole("alert")).toBeVisible();
    await page.screenshot({ path: path.join(shots, "last-admin.png") });
    await lastAdmin.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API tokens" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await page.getByLabel("Token name").fill(`ci-${suffix}`);
    await page.getByLabel("Expires after").selectOption({ label: "30 days" });
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "it is shown only this once" })).toBeVisible();
    const token = ((await page.getByLabel("New token").textContent()) ?? "").trim();
    expect(token.length).toBeGreaterThan(20);
    expect((await request.get("/api/connect/connectors", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
    await page.screenshot({ path: path.join(shots, "token-once.png"), fullPage: true });
    await page.getByRole("button", { name: "I have copied it" }).click();
    await expect(page.getByLabel("New token")).toHaveCount(0);
    await expect(page.getByRole("table", { name: "API tokens" }).getByRole("row", { name: new RegExp(`^ci-${suffix}`) })).toBeVisible();

    await page.getByLabel(/^Account: admin/).click();
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");

    await signIn(page, viewer, viewerPassword);
    await expect(page.getByRole("alert").filter({ hasText: "Wrong user name or password." })).toBeVisible();
    await signIn(page, viewer, newPassword);
    await expect(page).toHaveURL("/connectors");
    await expect(page.getByLabel(`Account: ${viewer} (viewer on *, operator on other-*)`)).toBeVisible();
    await expect(page.getByRole("button", { name: "New connector" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "New connector" })).toHaveAttribute("title", "Needs the editor role on at least one connector pattern");
    await page.getByRole("link", { name: connector, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: connector })).toBeVisible();
    const pause = page.getByRole("button", { name: "Pause", exact: true });
    await expect(pause).toBeDisabled();
    await expect(pause).toHaveAttribute("title", `Needs the operator role on ${connector}`);
    const remove = page.getByRole("button", { name: "Delete…" });
    await expect(remove).toBeDisabled();
    await expect(remove).toHaveAttribute("title", `Needs the editor role on ${connector}`);
    await expect(page.getByText(`Needs the operator role on ${connector} to pause, resume, stop or restart it`)).toBeVisible();
    await page.getByLabel(/^Account: /).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "API tokens" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await page.screenshot({ path: path.join(shots, "viewer-connector.png"), fullPage: true });

    await page.context().clearCookies();
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent(`/connectors/${connector}`)}`, { timeout: 15_000 });
  } finally {
    await request.delete(`/api/connect/connectors/${connector}`, { headers: asAdmin });
    await request.delete(`/api/console/users/${viewer}`, { headers: asAdmin });
    rmSync(dir, { recursive: true, force: true });
  }
});
