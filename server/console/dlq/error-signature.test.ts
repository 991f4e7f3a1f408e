import { describe, expect, it } from "vitest";
import { normalizeMessage, signatureOf } from "@/server/console/dlq/error-signature";

describe("normalizeMessage", () => {
  it.each([
    ["Unexpected token 'x' at position 12", "Unexpected token <s> at position <n>"],
    ['Field "customer_id" is missing in record 9f1c2e4a-3b1d-4f7a-9c2e-1a2b3c4d5e6f', "Field <s> is missing in record <uuid>"],
    ["Object java.lang.Object@1b6d3586 is not a Struct", "Object java.lang.Object@<hex> is not a Struct"],
    ["value 0x7f3a exceeds 255.5", "value <hex> exceeds <n>"],
    ["checksum deadbeefdeadbeef0123 mismatch", "checksum <hex> mismatch"],
    ["  many\n\n  spaces  ", "many spaces"],
  ])("%j → %j", (message, template) => {
    expect(normalizeMessage(message)).toBe(template);
  });

  it("cuts long messages and keeps null", () => {
    expect(normalizeMessage("x".repeat(500))).toHaveLength(241);
    expect(normalizeMessage(null)).toBeNull();
  });
});

describe("signatureOf", () => {
  it("is the same for failures that differ only in values, and differs by class, stage or message", () => {
    const a = signatureOf("org.apache.kafka.connect.errors.DataException", "VALUE_CONVERTER", "Unexpected token 'x' at position 1");
    const b = signatureOf("org.apache.kafka.connect.errors.DataException", "VALUE_CONVERTER", "Unexpected token '}' at position 40");
    expect(a).toEqual(b);
    expect(a.id).toMatch(/^[0-9a-f]{12}$/);
    expect(signatureOf("java.lang.NullPointerException", "VALUE_CONVERTER", "Unexpected token 'x' at position 1").id).not.toBe(a.id);
    expect(signatureOf("org.apache.kafka.connect.errors.DataException", "KEY_CONVERTER", "Unexpected token 'x' at position 1").id).not.toBe(a.id);
    expect(signatureOf("org.apache.kafka.connect.errors.DataException", "VALUE_CONVERTER", "Unknown field").id).not.toBe(a.id);
  });

  it("puts every record without context headers in one group", () => {
    expect(signatureOf(null, null, null)).toEqual(signatureOf(null, null, null));
    expect(signatureOf(null, null, null).template).toBeNull();
  });
});
