import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

test("clone a connector, refused names flagged as typed; copy it as curl; export and import configs", async ({ page, request, context }) => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-transfer-"));
  const stamp = Date.now();
  const name = `e2e-transfer-${stamp}`;
  const file = path.join(dir, "in.txt");
  writeFileSync(file, "one\n");
  const created = [name, `${name}-copy`, `${name}-imported-a`, `${name}-imported-b`];
  try {
    const config = { "connector.class": "FileStreamSource", file, topic: name, "connection.password": "hunter2-never-shown" };
    expect((await request.post("/api/connect/connectors", { data: { name, config } })).status()).toBe(201);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);

    await page.goto(`/connectors/${name}`);
    await page.getByText("Clone & export").click();
    await page.getByRole("button", { name: "Copy as curl" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied a curl command" })).toBeVisible();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain(`/api/connect/connectors/${name}/config`);
    expect(curl).toContain('"connection.password": "********"');
    expect(curl).not.toContain("hunter2");

    await page.getByText("Clone & export").click();
    const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
    const exported = JSON.parse(readFileSync((await json.path())!, "utf8"));
    expect(exported).toMatchObject({ name, config: { name, "connector.class": "FileStreamSource", file, "connection.password": "********" } });
    await page.getByText("Clone & export").click();
    const [properties] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .properties" }).click()]);
    expect(properties.suggestedFilename()).toBe(`${name}.properties`);
    expect(readFileSync((await properties.path())!, "utf8")).toContain(`name=${name}\nconnector.class=FileStreamSource\n`);

    await page.getByText("Clone & export").click();
    await page.getByRole("link", { name: "Clone…" }).click();
    await expect(page).toHaveURL(`/connectors/new?from=${name}`, { timeout: 15_000 });
    const nameField = page.getByLabel("Connector name");
    await expect(nameField).toHaveValue(`${name}-copy`, { timeout: 15_000 });
    await expect(page.getByLabel("file", { exact: true })).toHaveValue(file);
    await expect(page.getByText("hunter2-never-shown")).toHaveCount(0);
    await nameField.fill(name);
    await expect(page.getByText(`A connector named ${name} already exists on this cluster`)).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "1 setting to fix" })).toBeVisible();
    await shot(page, "connector-clone-taken-name");
    await nameField.fill(`${name}-copy`);
    await expect(page.getByText(/already exists on this cluster/)).toHaveCount(0);
    await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: /Review & create/ }).click();
    await page.getByRole("button", { name: "Create connector" }).click();
    await expect(page).toHaveURL(`/connectors/${name}-copy`, { timeout: 15_000 });
    const clone = await (await request.get(`/api/connect/connectors/${name}-copy/config`)).json();
    expect(clone).toMatchObject({ name: `${name}-copy`, file, "connection.password": "hunter2-never-shown" });

    await page.goto("/connectors");
    await page.getByText("Export all").click();
    const [all] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "As .properties" }).click()]);
    const allText = readFileSync((await all.path())!, "utf8");
    expect(allText).toContain(`# ---- connector ----\nname=${name}\n`);
    expect(allText).toContain(`name=${name}-copy\n`);

    await page.getByRole("button", { name: "Import…" }).click();
    const dialog = page.getByRole("dialog", { name: "Import connectors" });
    const imports = [
      { name: `${name}-imported-a`, config: { "connector.class": "FileStreamSource", file, topic: `${name}-a` } },
      { name: `${name}-imported-b`, config: { "connector.class": "FileStreamSource", file, topic: `${name}-b` }, initial_state: "PAUSED" },
      { name, config: { "connector.class": "FileStreamSource", file, topic: name } },
    ];
    await dialog.getByLabel("Configs").fill(JSON.stringify(imports));
    await dialog.getByRole("button", { name: "Read" }).click();
    const found = dialog.getByRole("list", { name: "Connectors to import" });
    await expect(found.getByRole("listitem")).toHaveCount(3);
    await expect(found.getByRole("listitem", { name, exact: true })).toContainText("A connector of this name exists");
    await dialog.getByRole("button", { name: "Create 3 connectors" }).click();
    await expect(found.getByRole("listitem", { name: `${name}-imported-a` })).toContainText("Created", { timeout: 15_000 });
    await expect(found.getByRole("listitem", { name: `${name}-imported-b` })).toContainText("Created");
    await expect(found.getByRole("listitem", { name, exact: true })).toContainText(`Connector ${name} already exists`);
    await shot(page, "connector-import");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("link", { name: `${name}-imported-b`, exact: true })).toBeVisible();
    await expect.poll(async () => (await (await request.get(`/api/connect/connectors/${name}-imported-b/status`)).json()).connector?.state, { timeout: 15_000 }).toBe("PAUSED");
  } finally {
    for (const each of created) await request.delete(`/api/connect/connectors/${each}`);
    rmSync(dir, { recursive: true, force: true });
  }
});
