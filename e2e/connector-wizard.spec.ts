import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";

const observed = (page: Page) => page.getByRole("status", { name: "Is", exact: true }).getByText(/^[A-Z]+$/);
const target = (page: Page) => page.getByRole("group", { name: "Asked to be", exact: true }).getByText(/^[A-Z]+$/);
const step = (page: Page, name: string) => page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: new RegExp(`^\\d?\\s*${name}`) });
const next = (page: Page) => page.getByRole("button", { name: /^Next: / });
const validated = (page: Page) => expect(page.getByRole("status").filter({ hasText: "No problems found" })).toBeVisible({ timeout: 15_000 });


/** A screenshot of the whole page, taken with the viewport grown to the page's height so the sticky shell is drawn once. */
async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path: `e2e/screenshots/${name}.png` });
  await page.setViewportSize(size);
}

/** A temp folder with an input file of one line, a unique connector name, and cleanup of both. */
async function withSource(request: APIRequestContext, label: string, body: (fixture: { name: string; file: string }) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `e2e-wizard-${label}-`));
  const name = `e2e-wizard-${label}-${Date.now()}`;
  const file = path.join(dir, "input.txt");
  writeFileSync(file, "hello\n");
  try {
    await body({ name, file });
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the wizard creates a FileStreamSource step by step, with server-side errors while typing, and it runs", async ({ page, request }) => {
  await withSource(request, "steps", async ({ name, file }) => {
    await page.goto("/connectors");
    await page.getByRole("link", { name: "New connector" }).click();
    await expect(page).toHaveURL("/connectors/new");
    await expect(page.getByRole("heading", { level: 1, name: "New connector" })).toBeVisible();

    const plugins = page.getByRole("list", { name: "Connector plugins" });
    await expect(plugins.getByRole("button", { name: "FileStreamSinkConnector", exact: true })).toBeVisible();
    await page.getByRole("group", { name: "Connector type" }).getByRole("button", { name: "Sources" }).click();
    await expect(plugins.getByRole("button", { name: "FileStreamSinkConnector", exact: true })).toHaveCount(0);
    await shot(page, "connector-wizard-plugin");
    await plugins.getByRole("button", { name: "FileStreamSourceConnector", exact: true }).click();

    await expect(page.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
    await expect(step(page, "Settings")).toHaveAttribute("aria-current", "step");
    const topic = page.getByRole("textbox", { name: "topic (required)" });
    await expect(topic).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("status").filter({ hasText: "2 settings to fix" })).toBeVisible({ timeout: 15_000 });
    await next(page).click();
    await expect(page.getByText('Missing required configuration "topic" which has no default value.')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("main").getByRole("alert")).toContainText("to continue");
    await expect(step(page, "Settings")).toHaveAttribute("aria-current", "step");

    await page.getByLabel("Tasks max", { exact: true }).fill("lots");
    await expect(page.getByText(/Invalid value lots for configuration tasks\.max/)).toBeVisible({ timeout: 15_000 });
    await page.getByLabel("Tasks max", { exact: true }).fill("1");
    await page.getByLabel("Connector name").fill(name);
    await page.getByLabel("file", { exact: true }).fill(file);
    await topic.fill(name);
    await validated(page);
    await expect(page.getByText(/Missing required configuration/)).toHaveCount(0);
    await shot(page, "connector-wizard-settings");
    await next(page).click();

    await expect(page.getByRole("heading", { name: "Converters and transforms" })).toBeVisible();
    await page.getByLabel("Value converter class").selectOption("org.apache.kafka.connect.storage.StringConverter");
    for (const [alias, type] of [["tag", "InsertHeader"], ["drop", "Filter"]]) {
      await page.getByLabel("New transform alias").fill(alias);
      await page.getByLabel("New transform type").selectOption({ label: type });
      await page.getByRole("button", { name: "Add transform" }).click();
    }
    const transforms = page.getByRole("list", { name: "Transforms" });
    await expect(transforms.getByRole("listitem")).toHaveCount(2);
    await page.getByRole("button", { name: "Move drop up" }).click();
    await expect(transforms.getByRole("heading", { name: /^\d\. / })).toHaveText(["1. drop", "2. tag"]);
    await page.getByRole("button", { name: "Remove drop" }).click();
    await expect(transforms.getByRole("listitem")).toHaveCount(1);
    await page.getByRole("textbox", { name: "header (required)" }).fill("origin");
    await page.getByRole("textbox", { name: "value.literal (required)" }).fill("wizard");
    await validated(page);
    await shot(page, "connector-wizard-pipeline");
    await next(page).click();

    await expect(page.getByRole("heading", { level: 2, name: "Error handling" })).toBeVisible();
    await expect(page.getByLabel("Retry timeout for errors")).toBeVisible();
    await page.getByLabel("Log errors").selectOption("true");
    await shot(page, "connector-wizard-errors");
    await next(page).click();

    await expect(page.getByRole("heading", { name: "Review and create" })).toBeVisible();
    await expect(page.getByRole("radio", { name: /Running/ })).toBeChecked();
    const request_ = page.getByLabel("POST /connectors");
    await expect(request_).toContainText(`"name": "${name}"`);
    await expect(request_).toContainText('"initial_state": "RUNNING"');
    await validated(page);
    await shot(page, "connector-wizard-review");
    await page.getByRole("button", { name: "Create connector" }).click();

    await expect(page).toHaveURL(`/connectors/${name}`, { timeout: 15_000 });
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 15_000 });
    const config = await (await request.get(`/api/connect/connectors/${name}/config`)).json();
    expect(config).toMatchObject({
      "connector.class": SOURCE,
      name,
      file,
      topic: name,
      "value.converter": "org.apache.kafka.connect.storage.StringConverter",
      transforms: "tag",
      "transforms.tag.type": "org.apache.kafka.connect.transforms.InsertHeader",
      "transforms.tag.header": "origin",
      "transforms.tag.value.literal": "wizard",
      "errors.log.enable": "true",
    });
  });
});

test("a pasted Kafka Connect JSON fills the form; the JSON view edits the same config and hides secrets; it is created PAUSED", async ({ page, request }) => {
  await withSource(request, "json", async ({ name, file }) => {
    await page.goto("/connectors/new");
    const pasted = { name, config: { "connector.class": SOURCE, file, topic: `${name}-first`, "connection.password": "hunter2-do-not-show" }, initial_state: "PAUSED" };
    await page.getByLabel("Connector config (JSON or .properties)").fill(JSON.stringify(pasted, null, 2));
    await shot(page, "connector-wizard-paste");
    await page.getByRole("button", { name: "Fill the form" }).click();

    await expect(page.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
    await expect(page.getByLabel("file", { exact: true })).toHaveValue(file, { timeout: 15_000 });
    await expect(page.getByLabel("Connector name")).toHaveValue(name);
    await expect(page.getByLabel("connection.password", { exact: true })).toHaveAttribute("type", "password");

    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await page.getByRole("group", { name: "Edit as" }).getByRole("button", { name: "JSON" }).click();
    const editor = page.getByLabel("Connector config (JSON)", { exact: true });
    await expect(editor).toHaveValue(/"connection.password": "\[hidden\]"/);
    await expect(editor).not.toHaveValue(/hunter2/);
    await editor.fill((await editor.inputValue()).replace(`${name}-first`, name));
    await shot(page, "connector-wizard-json-dark");
    await page.getByRole("button", { name: "Switch to light mode" }).click();
    await page.getByRole("group", { name: "Edit as" }).getByRole("button", { name: "Form" }).click();
    await expect(page.getByRole("textbox", { name: "topic (required)" })).toHaveValue(name);

    await step(page, "Review & create").click();
    await expect(page.getByRole("radio", { name: /Paused/ })).toBeChecked();
    await expect(page.getByLabel("POST /connectors")).not.toContainText("hunter2");
    await validated(page);
    await page.getByRole("button", { name: "Create connector" }).click();

    await expect(page).toHaveURL(`/connectors/${name}`, { timeout: 15_000 });
    await expect(target(page)).toHaveText("PAUSED", { timeout: 15_000 });
    await expect(observed(page)).toHaveText("PAUSED", { timeout: 15_000 });
    const config = await (await request.get(`/api/connect/connectors/${name}/config`)).json();
    expect(config).toMatchObject({ topic: name, "connection.password": "hunter2-do-not-show" });
  });
});

test("a pasted .properties file fills the form and creates a running connector", async ({ page, request }) => {
  await withSource(request, "props", async ({ name, file }) => {
    await page.goto("/connectors/new");
    const properties = [
      "# pasted from a connect-standalone connector file",
      `name = ${name}`,
      "connector.class=FileStreamSource",
      `file: ${file}`,
      `topic ${name}`,
      "tasks.max=\\",
      "    1",
    ].join("\n");
    await page.getByLabel("Connector config (JSON or .properties)").fill(properties);
    await page.getByRole("button", { name: "Fill the form" }).click();
    await expect(page.getByRole("textbox", { name: "topic (required)" })).toHaveValue(name, { timeout: 15_000 });
    await expect(page.getByLabel("Tasks max", { exact: true })).toHaveValue("1");
    await step(page, "Review & create").click();
    await validated(page);
    await page.getByRole("button", { name: "Create connector" }).click();
    await expect(page).toHaveURL(`/connectors/${name}`, { timeout: 15_000 });
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 15_000 });
    expect(await (await request.get(`/api/connect/connectors/${name}/config`)).json()).toEqual({
      name,
      "connector.class": "FileStreamSource",
      file,
      topic: name,
      "tasks.max": "1",
    });
  });
});

test("a taken name is refused as soon as it is in the form, not at Create", async ({ page, request }) => {
  await withSource(request, "taken", async ({ name, file }) => {
    const config = { "connector.class": "FileStreamSource", file, topic: name };
    expect((await request.post("/api/connect/connectors", { data: { name, config } })).status()).toBe(201);
    await page.goto("/connectors/new");
    await page.getByLabel("Connector config (JSON or .properties)").fill(JSON.stringify({ name, config }));
    await page.getByRole("button", { name: "Fill the form" }).click();
    await expect(page.getByText(`A connector named ${name} already exists on this cluster`)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel("Connector name")).toHaveAttribute("aria-invalid", "true");
    await expect(step(page, "Settings")).toContainText("1");
    await step(page, "Review & create").click();
    await expect(page.getByRole("button", { name: "Fix name in Settings" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create connector" })).toBeDisabled();
    await page.getByRole("button", { name: "Fix name in Settings" }).click();
    await page.getByLabel("Connector name").fill(`${name}-2`);
    await expect(page.getByText(/already exists on this cluster/)).toHaveCount(0);
    await expect(page).toHaveURL("/connectors/new");
  });
});
