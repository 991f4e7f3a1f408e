import { AuthenticationError, MultipleErrors, NetworkError, ProtocolError, ResponseError, TimeoutError } from "@platformatic/kafka";
import kafkajs from "kafkajs";
import { describe, expect, it } from "vitest";
import { KafkaError, kafkaCall, translateKafkaError } from "@/server/kafka/errors";
import { TributaryError } from "@/server/errors/tributary-error";

// kafkajs' typings omit its error constructors' real parameters; type them as the JS defines them.
type Ctor<A extends unknown[]> = new (...args: A) => Error;
const KafkaJSProtocolError = kafkajs.KafkaJSProtocolError as unknown as Ctor<[{ type: string; code: number; retriable: boolean; message: string }]>;
const KafkaJSConnectionError = kafkajs.KafkaJSConnectionError as unknown as Ctor<[string, { broker: string }]>;
const KafkaJSNumberOfRetriesExceeded = kafkajs.KafkaJSNumberOfRetriesExceeded as unknown as Ctor<[Error, { retryCount: number; retryTime: number }]>;
const KafkaJSSASLAuthenticationError = kafkajs.KafkaJSSASLAuthenticationError as unknown as Ctor<[string]>;

describe("kafkajs error translation", () => {
  it("names a protocol error after the broker's error and keeps its retriability", () => {
    const error = translateKafkaError(new KafkaJSProtocolError({ type: "UNKNOWN_TOPIC_OR_PARTITION", code: 3, retriable: true, message: "This server does not host this topic-partition" }));
    expect(error).toBeInstanceOf(KafkaError);
    expect(error).toMatchObject({ code: "kafka.unknown_topic_or_partition", retriable: true, message: "This server does not host this topic-partition" });
  });

  it("unwraps kafkajs' retries-exceeded wrapper to the failure that caused it", () => {
    const cause = new KafkaJSConnectionError("Connection error: connect ECONNREFUSED 127.0.0.1:1", { broker: "127.0.0.1:1" });
    const error = translateKafkaError(new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 5, retryTime: 100 }));
    expect(error).toMatchObject({ code: "kafka.connection", retriable: true });
    expect(error.suggestion).toMatch(/bootstrap\.servers/);
    expect(error.cause).toBeInstanceOf(KafkaJSNumberOfRetriesExceeded);
  });

  it("marks authentication failures non-retriable with a suggestion", () => {
    const error = translateKafkaError(new KafkaJSSASLAuthenticationError("SASL PLAIN authentication failed"));
    expect(error).toMatchObject({ code: "kafka.authentication", retriable: false });
    expect(error.suggestion).toMatch(/sasl\.jaas\.config/);
  });

  it("passes our own errors through and wraps anything else", async () => {
    const ours = new TributaryError("runtime.not_ready", "starting");
    expect(translateKafkaError(ours)).toBe(ours);
    await expect(kafkaCall(() => Promise.reject(new Error("boom")))).rejects.toMatchObject({ code: "kafka.error", message: "boom", retriable: false });
  });
});

describe("@platformatic/kafka error translation", () => {
  it("names a broker's answer after its error, with the broker's message, through retry and response aggregates", () => {
    const answer = new ResponseError(0, 9, { "/responses/0/partitionResponses/0": [29, "Not authorized to access topics: [secret]"] }, {});
    const error = translateKafkaError(new MultipleErrors("produce failed 1 times.", [answer]));
    expect(error).toMatchObject({ code: "kafka.topic_authorization_failed", retriable: false });
    expect(error.message).toContain("Not authorized to access topics: [secret]");
    expect(error.suggestion).toMatch(/Grant this principal/);
    expect(translateKafkaError(new ProtocolError("NOT_LEADER_OR_FOLLOWER"))).toMatchObject({ code: "kafka.not_leader_or_follower", retriable: true });
  });

  it("reads a broker that cannot be reached as a retriable connection failure, and a timeout as retriable", () => {
    const refused = new NetworkError("Connection to 127.0.0.1:1 failed.");
    const retries = new MultipleErrors("metadata failed 3 times.", [refused, refused, refused]);
    expect(translateKafkaError(retries)).toMatchObject({ code: "kafka.connection", retriable: true, message: "Connection to 127.0.0.1:1 failed." });
    expect(translateKafkaError(new TimeoutError("Request timed out after 30000 ms."))).toMatchObject({ code: "kafka.timeout", retriable: true });
  });

  it("marks authentication failures non-retriable with a suggestion", () => {
    const error = translateKafkaError(new AuthenticationError("SASL authentication failed."));
    expect(error).toMatchObject({ code: "kafka.authentication", retriable: false });
    expect(error.suggestion).toMatch(/sasl\.jaas\.config/);
  });
});
