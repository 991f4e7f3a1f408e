import { describe, expect, it } from "vitest";
import { outcomeText, predicateDecision, runFailure, stageTitle, toleranceNote, type SampleTrip } from "@/components/playground/stage-text";

const predicate = (matched: boolean, negate: boolean) => ({ alias: "isOrders", className: "org.apache.kafka.connect.transforms.predicates.TopicNameMatches", matched, negate });
const view = { topic: "orders-masked", partition: 0, key: null, keySchema: null, value: "{}", valueSchema: null, headers: [], timestamp: null };

describe("stageTitle", () => {
  it("names transforms by alias and other stages by what they do", () => {
    expect(stageTitle({ stage: "TRANSFORMATION", className: "org.apache.kafka.connect.transforms.MaskField$Value", alias: "mask", applied: true })).toBe("Transform mask");
    expect(stageTitle({ stage: "KEY_CONVERTER", className: "StringConverter", applied: true })).toBe("Key converter");
    expect(stageTitle({ stage: "TASK_POLL", className: "sample", applied: true })).toBe("Record from the task");
  });
});

describe("predicateDecision", () => {
  it.each([
    [true, false, "Predicate isOrders matched → applied"],
    [false, false, "Predicate isOrders did not match → skipped"],
    [true, true, "Predicate isOrders matched, negated → skipped"],
    [false, true, "Predicate isOrders did not match, negated → applied"],
  ])("matched %s, negate %s", (matched, negate, text) => {
    expect(predicateDecision(predicate(matched, negate))).toBe(text);
  });
});

describe("outcomeText", () => {
  it("says where a record went, what dropped it, or where it failed", () => {
    const delivered: SampleTrip = { sample: { key: null, value: "{}" }, steps: [], outcome: "delivered", final: view };
    expect(outcomeText(delivered, "sink")).toBe("Delivered to the sink task as a record of orders-masked");
    expect(outcomeText(delivered, "source")).toBe("Written to topic orders-masked");
    const dropped: SampleTrip = { sample: { key: null, value: null }, steps: [{ stage: "TRANSFORMATION", className: "Filter", alias: "drop", applied: true, dropped: true }], outcome: "dropped" };
    expect(outcomeText(dropped, "sink")).toBe("Dropped by transform drop");
    const failed: SampleTrip = {
      sample: { key: null, value: "{oops" },
      steps: [{ stage: "VALUE_CONVERTER", className: "JsonConverter", applied: true, error: { exceptionClass: "org.apache.kafka.connect.errors.DataException", message: "bad" } }],
      outcome: "failed",
    };
    expect(outcomeText(failed, "sink")).toBe("Failed in VALUE_CONVERTER: DataException");
  });
});

describe("toleranceNote", () => {
  it("says the task fails under none, and what all would do instead", () => {
    expect(toleranceNote({})).toBe("With errors.tolerance=none (this config) the task would fail here. With errors.tolerance=all it would skip this record and go on; set errors.deadletterqueue.topic.name to keep such records.");
    expect(toleranceNote({ "errors.deadletterqueue.topic.name": "dlq-orders", "errors.log.enable": "true" })).toBe(
      "With errors.tolerance=none (this config) the task would fail here. With errors.tolerance=all it would skip this record and go on, logging the failure, and write it to the dead letter queue dlq-orders.",
    );
  });

  it("says the record is skipped when tolerance is already all", () => {
    expect(toleranceNote({ "errors.tolerance": "ALL", "errors.deadletterqueue.topic.name": "dlq" })).toBe("With errors.tolerance=all, as configured, the task would skip this record and go on, and write it to the dead letter queue dlq.");
  });
});

describe("runFailure", () => {
  it("names a missing topic plainly when sampling one", () => {
    expect(runFailure({ message: "This server does not host this topic-partition", code: "kafka.unknown_topic_or_partition" }, "orderz")).toEqual({
      message: "Topic orderz does not exist on this cluster.",
      hint: "Check its name, or sample pasted records instead.",
    });
  });

  it("passes the API's message on with a hint fitting the samples' source", () => {
    const error = { message: "Invalid value ([ for configuration regex", code: "config.invalid_value" };
    expect(runFailure(error, undefined)).toEqual({ message: error.message, hint: "Fix the setting it names above, or the samples, and it runs again." });
    expect(runFailure(error, "orders").hint).toBe("Fix the setting it names above, or the topic, and it runs again.");
  });
});
