import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";

const SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
const step = (page: Page, name: string) => page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: new RegExp(`^\\d?\\s*${name}`) });
const stageOf = (stages: Locator, title: string) => stages.getByRole("listitem").filter({ has: stages.page().getByRole("heading", { name: title, exact: true }) });

/** A screenshot of the playground panel alone, taken with the viewport grown to the page's height so the sticky shell stays out of it. */
async function shot(playground: Locator, name: string): Promise<void> {
  const page = playground.page();
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await playground.screenshot({ path: `e2e/screenshots/${name}.png` });
  await page.setViewportSize(size);
}

/** Adds a transform or predicate by alias and type (its simple name) on the converters-and-transforms step. */
async function addToChain(page: Page, noun: "transform" | "predicate", alias: string, type: string): Promise<void> {
  await page.getByLabel(`New ${noun} alias`).fill(alias);
  await page.getByLabel(`New ${noun} type`).selectOption({ label: type });
  await page.getByRole("button", { name: `Add ${noun}` }).click();
}

test("the playground shows a pasted record masked and routed with the predicate's decision, then samples a topic's newest records", async ({ page, request }) => {
  const stamp = Date.now();
  const topic = `e2e-playground-orders-${stamp}`;
  const source = `e2e-playground-fill-${stamp}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-playground-"));
  const input = path.join(dir, "orders.jsonl");
  writeFileSync(input, ['{"id":1,"card":"1111"}', '{"id":2,"card":"2222"}', '{"id":3,"card":"3333"}', "not json"].join("\n") + "\n");
  try {
    const fill = { "connector.class": "FileStreamSource", file: input, topic, "value.converter": "org.apache.kafka.connect.storage.StringConverter" };
    expect((await request.post("/api/connect/connectors", { data: { name: source, config: fill } })).status()).toBe(201);

    await page.goto("/connectors/new");
    const properties = [`name=e2e-playground-sink-${stamp}`, `connector.class=${SINK}`, `topics=${topic}`, `file=${path.join(dir, "out.txt")}`].join("\n");
    await page.getByLabel("Connector config (JSON or .properties)").fill(properties);
    await page.getByRole("button", { name: "Fill the form" }).click();
    await expect(page.getByLabel("file", { exact: true })).toHaveValue(path.join(dir, "out.txt"), { timeout: 15_000 });
    await step(page, "Converters & transforms").click();

    await expect(page.getByRole("heading", { name: "Converters and transforms" })).toBeVisible();
    await page.getByLabel("Value converter class").selectOption("org.apache.kafka.connect.json.JsonConverter");
    const converterSettings = page.getByRole("group", { name: "Settings of value.converter" });
    await converterSettings.getByLabel("New key (Settings of value.converter)").fill("value.converter.schemas.enable");
    await converterSettings.getByLabel("New value (Settings of value.converter)").fill("false");
    await converterSettings.getByRole("button", { name: "Add", exact: true }).click();
    await addToChain(page, "transform", "mask", "MaskField$Value");
    await page.getByRole("textbox", { name: "fields (required)" }).fill("card");
    await addToChain(page, "predicate", "isOrders", "TopicNameMatches");
    await page.getByRole("textbox", { name: "pattern (required)" }).fill(".*-orders-.*");
    await addToChain(page, "transform", "route", "RegexRouter");
    await page.getByRole("textbox", { name: "regex (required)" }).fill("(.*)-orders-(.*)");
    await page.getByRole("textbox", { name: "replacement (required)" }).fill("$1-masked-$2");
    await page.getByLabel("Predicate for route", { exact: true }).selectOption("isOrders");

    const playground = page.getByRole("region", { name: "Try it" });
    await expect(playground.getByRole("status")).toHaveText(/Paste a record/);
    const first = playground.getByRole("group", { name: "Sample 1" });
    await expect(first.getByLabel("Topic")).toHaveAttribute("placeholder", topic);
    await first.getByLabel("Value").fill('{"id":7,"card":"4111"}');
    await first.getByLabel("Headers").fill("trace-id: abc123");
    await expect(playground.getByRole("status")).toHaveText("1 sample: 1 delivered, 0 dropped, 0 failed", { timeout: 15_000 });

    const stages = playground.getByRole("list", { name: "Stages of Sample 1" });
    await expect(stages.getByRole("heading", { level: 4 })).toHaveText(["Key converter", "Value converter", "Transform mask", "Transform route"]);
    const mask = stageOf(stages, "Transform mask");
    // MaskField rebuilds the map as a Java HashMap of another size, so "id" may move as well (as in Kafka Connect).
    await expect(mask.getByRole("deletion").filter({ hasText: '"card"' })).toHaveText(/"card": "4111"/);
    await expect(mask.getByRole("insertion").filter({ hasText: '"card"' })).toHaveText(/"card": ""/);
    const route = stageOf(stages, "Transform route");
    await expect(route).toContainText("Predicate isOrders matched → applied");
    await expect(route.getByRole("insertion")).toHaveText(`e2e-playground-masked-${stamp}`);
    await expect(route.getByTitle("org.apache.kafka.connect.transforms.RegexRouter", { exact: true })).toContainText("RegexRouter");
    await expect(stageOf(stages, "Value converter")).toContainText(`trace-id: "abc123"`);
    await expect(playground).toContainText(`Delivered to the sink task as a record of e2e-playground-masked-${stamp}`);

    await playground.getByRole("button", { name: "Add sample" }).click();
    const second = playground.getByRole("group", { name: "Sample 2" });
    await second.getByLabel("Topic").fill("payments");
    await second.getByLabel("Value").fill('{"id":8,"card":"5500"}');
    await expect(playground.getByRole("status")).toHaveText("2 samples: 2 delivered, 0 dropped, 0 failed", { timeout: 15_000 });
    const skipped = stageOf(playground.getByRole("list", { name: "Stages of Sample 2" }), "Transform route");
    await expect(skipped).toContainText("Predicate isOrders did not match → skipped");
    await expect(skipped).toContainText("Skipped: the record passes on unchanged.");
    await shot(playground, "transform-playground");
    await page.getByRole("button", { name: "Switch to dark mode" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await shot(playground, "transform-playground-dark");
    await page.getByRole("button", { name: "Switch to light mode" }).click();

    await expect(async () => {
      const answer = await request.post("/api/console/playground", { data: { config: { "connector.class": SINK, topics: topic }, latest: { topic, count: 10 } } });
      expect((await answer.json()).results).toHaveLength(4);
    }).toPass({ timeout: 20_000 });
    await playground.getByRole("group", { name: "Samples" }).getByRole("button", { name: "Newest records of a topic" }).click();
    await expect(playground.getByLabel("Topic to sample")).toHaveValue(topic);
    await playground.getByLabel("Number of newest records").fill("10");
    await expect(playground.getByRole("status")).toHaveText("4 samples: 3 delivered, 0 dropped, 1 failed", { timeout: 15_000 });
    const trips = playground.getByRole("region", { name: "Trips through the pipeline" });
    await expect(trips.getByRole("heading", { level: 3, name: new RegExp(`^Record \\d: ${topic}, partition 0, offset \\d$`) })).toHaveCount(4);
    const failed = trips.getByRole("group").filter({ hasText: "Failed in VALUE_CONVERTER: DataException" });
    await expect(failed).toHaveCount(1);
    await expect(failed.getByRole("list", { name: /^Stages of Record/ })).toBeVisible();
    await expect(failed).toContainText("With errors.tolerance=none (this config) the task would fail here. With errors.tolerance=all it would skip this record and go on");
    await expect(trips.getByRole("insertion").filter({ hasText: '"card": ""' }).first()).toBeVisible();
    await shot(playground, "transform-playground-latest");
  } finally {
    await request.delete(`/api/connect/connectors/${source}`);
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the playground says why a config cannot run and leaves no stale answer behind", async ({ page }) => {
  const missing = `e2e-playground-missing-${Date.now()}`;
  await page.goto("/connectors/new");
  await page.getByLabel("Connector config (JSON or .properties)").fill(JSON.stringify({ name: `${missing}-sink`, config: { "connector.class": SINK, topics: missing, file: "/tmp/never-written" } }));
  await page.getByRole("button", { name: "Fill the form" }).click();
  await step(page, "Converters & transforms").click();
  const playground = page.getByRole("region", { name: "Try it" });
  await playground.getByRole("group", { name: "Sample 1" }).getByLabel("Value").fill("{oops");
  await expect(playground.getByRole("status")).toHaveText("1 sample: 0 delivered, 0 dropped, 1 failed", { timeout: 15_000 });
  await expect(playground).toContainText("Failed in VALUE_CONVERTER: DataException");
  await expect(playground).toContainText("set errors.deadletterqueue.topic.name to keep such records");

  await addToChain(page, "transform", "route", "RegexRouter");
  await page.getByRole("textbox", { name: "regex (required)" }).fill("([");
  await expect(playground.getByRole("status")).toHaveText("The samples could not run with this config.", { timeout: 15_000 });
  await expect(playground.getByRole("region", { name: "Trips through the pipeline" })).toHaveCount(0);
  await expect(playground).toContainText(/regex/i);

  await playground.getByRole("group", { name: "Samples" }).getByRole("button", { name: "Newest records of a topic" }).click();
  await expect(playground.getByLabel("Topic to sample")).toHaveValue(missing);
  await expect(playground).toContainText(`Topic ${missing} does not exist on this cluster.`, { timeout: 15_000 });
  await playground.getByLabel("Topic to sample").fill("");
  await expect(playground.getByRole("status")).toHaveText("Name the topic to read the newest records of.");
  await expect(playground.getByRole("button", { name: "Run again" })).toBeDisabled();
});
