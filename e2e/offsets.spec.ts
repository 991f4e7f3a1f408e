import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/** A screenshot of one card; the sticky top bar stays at the top of the page instead of covering the card. */
const shot = (card: Locator, name: string) => card.screenshot({ path: `e2e/screenshots/${name}.png`, style: "header { position: static !important; }" });
const observed = (page: Page) => page.getByRole("status", { name: "Is", exact: true }).getByText(/^[A-Z]+$/);
const lines = (file: string) => {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
};

/** A FileStreamSource on `input` into topic `name`, and a FileStreamSink copying that topic to `output`. */
async function pipeline(request: APIRequestContext, name: string, input: string, output: string): Promise<void> {
  expect((await request.post("/api/connect/connectors", { data: { name, config: { "connector.class": "FileStreamSource", file: input, topic: name } } })).status()).toBe(201);
  expect((await request.post("/api/connect/connectors", { data: { name: `${name}-sink`, config: { "connector.class": "FileStreamSink", file: output, topics: name } } })).status()).toBe(201);
}

test("resetting a FileStreamSource's offsets: stop, reset, preview, apply, see them gone, resume, and the file arrives again", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-offsets-reset-"));
  const name = `e2e-offsets-${Date.now()}`;
  const input = path.join(dir, "input.txt");
  const output = path.join(dir, "output.txt");
  writeFileSync(input, "one\ntwo\nthree\n");
  try {
    await pipeline(request, name, input, output);
    await expect.poll(() => lines(output), { timeout: 20_000 }).toEqual(["one", "two", "three"]);

    await page.goto(`/connectors/${name}`);
    const card = page.getByRole("region", { name: "Offsets", exact: true });
    const offsets = card.getByRole("table", { name: `Source offsets of ${name}` });
    await expect(offsets.getByRole("row", { name: `filename=${input} position=14` })).toBeVisible({ timeout: 15_000 });
    await card.getByRole("button", { name: "Change offsets…" }).click();

    const steps = card.getByRole("list", { name: "Steps to change offsets" });
    await expect(steps.getByRole("listitem").and(page.locator("[aria-current=step]"))).toHaveText(/Stop/);
    const stop = card.getByRole("region", { name: "Step 1: stop the connector" });
    await expect(stop).toContainText("changes offsets only while a connector is stopped");
    await expect(stop).toContainText("It is RUNNING now.");
    await shot(card, "offsets-1-stop");
    await stop.getByRole("button", { name: "Stop connector" }).click();
    await expect(stop.getByText(`✓ ${name} is stopped.`)).toBeVisible({ timeout: 5_000 });
    await expect(observed(page)).toHaveText("STOPPED");
    await stop.getByRole("button", { name: "Continue" }).click();

    const choose = card.getByRole("region", { name: "Step 2: edit or reset the offsets" });
    await expect(choose.getByRole("radio", { name: /Reset all offsets/ })).toBeChecked();
    await expect(choose).toContainText("reads its file again from the first line");
    await shot(card, "offsets-2-choose");
    await choose.getByRole("button", { name: "Preview change" }).click();

    const preview = card.getByRole("region", { name: "Step 3: preview and apply" });
    await expect(preview.getByRole("row", { name: `filename=${input} position=14 none (reset)` })).toBeVisible();
    await shot(card, "offsets-3-preview");
    await preview.getByRole("button", { name: "Apply reset" }).click();

    const resume = card.getByRole("region", { name: "Step 4: resume the connector" });
    await expect(resume.getByRole("status")).toHaveText("✓ The offsets for this connector have been reset successfully.");
    await expect(card.getByText("No offsets committed")).toBeVisible();
    expect((await (await request.get(`/api/connect/connectors/${name}/offsets`)).json()).offsets).toEqual([]);
    await shot(card, "offsets-4-resume");
    await resume.getByRole("button", { name: "Resume connector" }).click();
    await expect(card.getByText(`Resumed: ${name} carries on from the new offsets.`)).toBeVisible({ timeout: 5_000 });
    await expect(observed(page)).toHaveText("RUNNING", { timeout: 15_000 });

    await expect.poll(() => lines(output), { timeout: 20_000 }).toEqual(["one", "two", "three", "one", "two", "three"]);
    await expect(offsets.getByRole("row", { name: `filename=${input} position=14` })).toBeVisible({ timeout: 15_000 });
    const changes = page.getByRole("list", { name: "State changes" });
    await expect(changes.getByRole("listitem").filter({ hasText: "Connector" }).filter({ hasText: "STOPPED" }).first()).toBeVisible();
    await expect(changes.getByRole("listitem").first()).toContainText("RUNNING");
    await shot(page.getByRole("region", { name: "Recent changes" }), "connector-state-changes");
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    await request.delete(`/api/connect/connectors/${name}-sink`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("editing a source offset previews old against new, a refusal shows Connect's 400, and resuming carries on from the new offset", async ({ page, request }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-offsets-edit-"));
  const name = `e2e-offsets-edit-${Date.now()}`;
  const input = path.join(dir, "input.txt");
  const output = path.join(dir, "output.txt");
  writeFileSync(input, "one\ntwo\nthree\n");
  try {
    await pipeline(request, name, input, output);
    await expect.poll(() => lines(output), { timeout: 20_000 }).toEqual(["one", "two", "three"]);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`/connectors/${name}`);
    const card = page.getByRole("region", { name: "Offsets", exact: true });
    await expect(card.getByRole("row", { name: `filename=${input} position=14` })).toBeVisible({ timeout: 15_000 });
    await card.getByRole("button", { name: "Change offsets…" }).click();
    await card.getByRole("button", { name: "Stop connector" }).click();
    await card.getByRole("button", { name: "Continue" }).click();

    await card.getByRole("radio", { name: /Edit offsets/ }).check();
    const field = card.getByRole("textbox", { name: `New offset for filename=${input}` });
    await expect(field).toHaveValue('{"position":14}');
    await field.fill("position=4");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(card.getByText("Enter the offset as a JSON object")).toBeVisible();
    await expect(card.getByRole("button", { name: "Preview change" })).toBeDisabled();
    await field.fill('{"position": 4}');
    await shot(card, "offsets-2-edit-dark");
    await card.getByRole("button", { name: "Preview change" }).click();
    const preview = card.getByRole("region", { name: "Step 3: preview and apply" });
    await expect(preview.getByRole("row", { name: `filename=${input} position=14 position=4` })).toBeVisible();
    await shot(card, "offsets-3-preview-dark");

    // Someone resumes it meanwhile: Connect refuses the change, and the page says so.
    expect((await request.put(`/api/connect/connectors/${name}/resume`)).status()).toBe(202);
    await preview.getByRole("button", { name: "Apply changes" }).click();
    await expect(preview.getByRole("alert")).toContainText("Kafka Connect refused the change: Connectors must be in the STOPPED state");
    await expect(preview.getByRole("alert")).toContainText("Nothing was changed");
    expect((await request.put(`/api/connect/connectors/${name}/stop`)).status()).toBe(204);
    await expect(observed(page)).toHaveText("STOPPED", { timeout: 5_000 });
    await preview.getByRole("button", { name: "Apply changes" }).click();
    const resume = card.getByRole("region", { name: "Step 4: resume the connector" });
    await expect(resume.getByRole("status")).toHaveText("✓ The offsets for this connector have been altered successfully.");
    await expect(card.getByRole("row", { name: `filename=${input} position=4` })).toBeVisible();
    await resume.getByRole("button", { name: "Resume connector" }).click();
    await expect.poll(() => lines(output), { timeout: 20_000 }).toEqual(["one", "two", "three", "two", "three"]);
  } finally {
    await request.delete(`/api/connect/connectors/${name}`);
    await request.delete(`/api/connect/connectors/${name}-sink`);
    rmSync(dir, { recursive: true, force: true });
  }
});
