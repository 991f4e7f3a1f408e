import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

/** Lines of the input file: 300 records, every third one (100 in all) not JSON. */
function inputLines(): string[] {
  return Array.from({ length: 300 }, (_, i) => (i % 3 === 1 ? `{"id": ${i}, oops` : `{"id": ${i}}`));
}

async function putConfig(request: APIRequestContext, name: string, config: Record<string, string>): Promise<void> {
  const response = await request.put(`/api/connect/connectors/${name}/config`, { data: config });
  expect(response.ok(), await response.text()).toBe(true);
}

async function taskState(request: APIRequestContext, name: string): Promise<string | undefined> {
  const response = await request.get(`/api/connect/connectors/${name}/status`);
  return response.ok() ? (await response.json()).tasks[0]?.state : undefined;
}

const readLines = (file: string) => {
  try {
    return readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
};

test("without a DLQ configured, the page says how to configure one", async ({ page }) => {
  await page.goto("/dead-letters");
  await expect(page.getByRole("heading", { level: 1, name: "Dead letters" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No dead letter queues yet" })).toBeVisible({ timeout: 15_000 });
  for (const line of ["errors.tolerance=all", "errors.deadletterqueue.topic.name=", "errors.deadletterqueue.context.headers.enable=true"]) {
    await expect(page.getByText(line, { exact: false }).first()).toBeVisible();
  }
  await page.screenshot({ path: "e2e/screenshots/dead-letters-empty.png", fullPage: true });
});

test("a sink's 100 invalid JSON records show as one group; once the sink is fixed, a replay delivers them and the inbox marks them replayed", async ({ page, request }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-dead-letters-"));
  const suffix = Date.now();
  const topic = `e2e-dlq-input-${suffix}`;
  const dlq = `${topic}-dlq`;
  const source = `e2e-dlq-source-${suffix}`;
  const sink = `e2e-dlq-sink-${suffix}`;
  const input = path.join(dir, "input.txt");
  const output = path.join(dir, "output.txt");
  writeFileSync(input, `${inputLines().join("\n")}\n`);
  const sinkConfig = {
    "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector",
    topics: topic,
    file: output,
    "value.converter": "org.apache.kafka.connect.json.JsonConverter",
    "value.converter.schemas.enable": "false",
    "errors.tolerance": "all",
    "errors.deadletterqueue.topic.name": dlq,
    "errors.deadletterqueue.topic.replication.factor": "1",
    "errors.deadletterqueue.context.headers.enable": "true",
  };
  try {
    await putConfig(request, source, {
      "connector.class": "FileStreamSource",
      file: input,
      topic,
      "value.converter": "org.apache.kafka.connect.storage.StringConverter",
    });
    await putConfig(request, sink, sinkConfig);
    await expect.poll(() => readLines(output).length, { timeout: 60_000, message: "the 200 valid records reach the sink" }).toBe(200);

    await page.goto("/dead-letters");
    const row = page.getByRole("row", { name: new RegExp(dlq) });
    await expect(row.getByRole("cell", { name: "100", exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(row.getByRole("link", { name: sink })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/dead-letters-topics.png", fullPage: true });

    await page.goto("/connectors");
    const badge = page.getByRole("row", { name: new RegExp(sink) }).getByRole("link", { name: "Dead letter queue: 100 records" });
    await expect(badge).toHaveText("DLQ 100", { timeout: 15_000 });
    await expect(page.getByRole("row", { name: new RegExp(source) }).getByRole("link", { name: /^Dead letter queue/ })).toHaveCount(0);
    await page.getByRole("link", { name: sink, exact: true }).click();
    await page.getByRole("link", { name: "Dead letter queue: 100 records" }).click();
    await expect(page).toHaveURL(`/dead-letters?topic=${dlq}`);

    await expect(page.getByRole("heading", { level: 1, name: dlq })).toBeVisible();
    const groups = page.getByRole("list", { name: "Error groups" }).getByRole("listitem");
    await expect(groups).toHaveCount(1, { timeout: 15_000 });
    const group = groups.first();
    await expect(group).toHaveAccessibleName(/^DataException in VALUE_CONVERTER$/);
    await expect(group).toContainText("Converting byte[] to Kafka Connect data failed due to serialization error");
    await expect(group).toContainText("100 records");
    await expect(group).toContainText("0 replayed");
    await expect(page.getByText("100 of 100 records in the topic")).toBeVisible();
    await expect(page.getByRole("table", { name: `Records of ${dlq}` }).getByRole("row")).toHaveCount(51);

    await page.getByRole("button", { name: /^Open Record 0\/\d+$/ }).first().click();
    const detail = page.getByRole("region", { name: /^Record 0\/\d+$/ });
    const context = detail.getByRole("definition");
    await expect(context.filter({ hasText: /^VALUE_CONVERTER$/ }).first()).toBeVisible();
    await expect(context.filter({ hasText: /^org\.apache\.kafka\.connect\.json\.JsonConverter$/ }).first()).toBeVisible();
    await expect(context.filter({ hasText: /^org\.apache\.kafka\.connect\.errors\.DataException$/ }).first()).toBeVisible();
    await expect(detail.getByText(new RegExp(`^${topic}, partition 0, offset \\d+$`))).toBeVisible();
    await expect(detail.getByRole("region", { name: "Value" })).toContainText(", oops");
    await expect(detail.getByRole("region", { name: "Headers" })).toContainText("__connect.errors.exception.stacktrace");
    await page.screenshot({ path: "e2e/screenshots/dead-letters-inbox.png", fullPage: true });
    await detail.getByRole("button", { name: "Close" }).click();

    // The cause: the sink expected JSON. Fixed by reading the values as plain strings.
    await putConfig(request, sink, { ...sinkConfig, "value.converter": "org.apache.kafka.connect.storage.StringConverter" });
    await expect.poll(() => taskState(request, sink), { timeout: 30_000 }).toBe("RUNNING");

    await group.getByRole("button", { name: "Replay group…" }).click();
    const dialog = page.getByRole("dialog", { name: "Replay 100 records" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Replay", exact: true }).click();
    const progress = page.getByRole("region", { name: /^Replay/ });
    await expect(progress.getByRole("heading", { name: "Replay finished" })).toBeVisible({ timeout: 30_000 });
    await expect(progress.getByRole("progressbar", { name: "Replay progress" })).toHaveAttribute("aria-valuenow", "100");
    await expect(progress.getByRole("status")).toHaveText(`100 records replayed to ${topic}.`);
    await expect(group).toContainText("100 replayed", { timeout: 10_000 });
    await expect(page.getByRole("row", { name: /^Record 0\/\d+$/ }).filter({ hasText: "Replayed" })).toHaveCount(50);
    await page.screenshot({ path: "e2e/screenshots/dead-letters-replayed.png", fullPage: true });

    const invalid = inputLines().filter((line) => line.endsWith("oops"));
    await expect.poll(() => readLines(output).filter((line) => line.endsWith("oops")).sort(), { timeout: 60_000, message: "the replayed records reach the fixed sink" }).toEqual([...invalid].sort());

    await page.getByLabel("Replayed", { exact: true }).selectOption("false");
    await expect(page.getByRole("region", { name: "Records" }).getByText("No record matches the filter.")).toBeVisible();
    await expect(page.getByText("0 of 100 records match")).toBeVisible();
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await page.screenshot({ path: "e2e/screenshots/dead-letters-replayed-dark.png", fullPage: true });

    const again = await request.post(`/api/console/dlq/topics/${dlq}/replay`, { data: { filter: {} } });
    expect(again.status()).toBe(202);
    const job = await again.json();
    await expect.poll(async () => (await (await request.get(`/api/console/dlq/replays/${job.id}`)).json()).message, { timeout: 30_000 }).toBe(
      "All 100 records were already replayed; nothing was sent again.",
    );
    expect(readLines(output).filter((line) => line.endsWith("oops"))).toHaveLength(100);
  } finally {
    await request.delete(`/api/connect/connectors/${source}`);
    await request.delete(`/api/connect/connectors/${sink}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an unknown topic's inbox says so, and bad API input gets a 400 that says what to fix", async ({ page, request }) => {
  const name = `no-such-topic-${Date.now()}`;
  await page.goto(`/dead-letters?topic=${name}`);
  await expect(page.getByRole("heading", { name: "Topic not found" })).toBeVisible({ timeout: 15_000 });
  const response = await request.get(`/api/console/dlq/topics/${name}/records?limit=9999&colour=red`);
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body).toMatchObject({ error_code: 400, code: "request.invalid" });
  expect(body.message).toMatch(/unknown parameter 'colour'/);
  expect((await request.get(`/api/console/dlq/topics/${name}/records`)).status()).toBe(404);
});
