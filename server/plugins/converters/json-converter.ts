import { ConfigException } from "@/server/plugins/api/config/config-exception";
import type { Converter, ConverterConfigKey, HeaderConverter } from "@/server/plugins/api/converter";
import { DataException } from "@/server/plugins/api/data/errors";
import type { Schema } from "@/server/plugins/api/data/schema";
import { NULL_SCHEMA_AND_VALUE, type SchemaAndValue } from "@/server/plugins/api/data/schema-and-value";
import { JsonReader, JsonSyntaxException, type JsonTree } from "@/server/plugins/converters/json-reader";
import { asConnectSchema, convertToConnect } from "@/server/plugins/converters/json-to-connect";
import { type DecimalFormat, JsonWriter } from "@/server/plugins/converters/json-writer";

const ENVELOPE_MESSAGE =
  'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. ' +
  "If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.";

const NULL_SCHEMA_PREFIX = Buffer.from('{"schema":null,"payload":', "utf8");

const CONFIG: readonly ConverterConfigKey[] = [
  { name: "schemas.enable", type: "BOOLEAN", default: true, importance: "HIGH", documentation: "Include schemas within each of the serialized values and keys." },
  { name: "schemas.cache.size", type: "INT", default: 1000, importance: "HIGH", documentation: "The maximum number of schemas that can be cached in this converter instance." },
  {
    name: "decimal.format",
    type: "STRING",
    default: "BASE64",
    importance: "LOW",
    documentation: "Controls which format this converter will serialize decimals in. This value is case insensitive and can be either 'BASE64' (default) or 'NUMERIC'",
  },
  {
    name: "replace.null.with.default",
    type: "BOOLEAN",
    default: true,
    importance: "LOW",
    documentation: "Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.",
  },
  { name: "converter.type", type: "STRING", default: null, importance: "LOW", documentation: "How this converter will be used (key, value or header); set by the worker." },
];

function booleanConfig(configs: Readonly<Record<string, string>>, key: string, fallback: boolean): boolean {
  const raw = configs[key];
  if (raw === undefined) return fallback;
  const text = raw.trim().toLowerCase();
  if (text === "true" || text === "false") return text === "true";
  throw ConfigException.invalid(key, raw, "Expected value to be either true or false");
}

/**
 * `org.apache.kafka.connect.json.JsonConverter`, also usable as a header converter. With
 * `schemas.enable=true` (default) every value is the envelope `{"schema":…,"payload":…}` in Kafka's
 * exact format; with `false`, plain JSON, read back schemaless (integer → INT64 bigint, other number
 * → FLOAT64, object → Map). Numbers keep full precision both ways (integers beyond 2^53 stay exact).
 * `decimal.format` BASE64|NUMERIC, `replace.null.with.default` (true) and `schemas.cache.size`
 * (1000; parsed schemas cached by their JSON text, least recently used evicted) as in Kafka.
 * Errors are DataExceptions. One instance per task role; not for concurrent use.
 */
export class JsonConverter implements Converter, HeaderConverter {
  static readonly className = "org.apache.kafka.connect.json.JsonConverter";

  private schemasEnabled = true;
  private replaceNullWithDefault = true;
  private cacheSize = 1000;
  private writer = new JsonWriter({ decimalFormat: "BASE64", replaceNullWithDefault: true });
  private readonly schemaCache = new Map<string, Schema | null>();
  private prefixCache = new WeakMap<Schema, Buffer>();
  private lastSchemaText = "";
  private lastSchema: Schema | null = null;

  config(): readonly ConverterConfigKey[] {
    return CONFIG;
  }

  configure(configs: Readonly<Record<string, string>>, _isKey = false): void {
    this.schemasEnabled = booleanConfig(configs, "schemas.enable", true);
    this.replaceNullWithDefault = booleanConfig(configs, "replace.null.with.default", true);
    const cacheSize = configs["schemas.cache.size"];
    if (cacheSize !== undefined) {
      const parsed = Number(cacheSize.trim());
      if (!Number.isInteger(parsed) || cacheSize.trim() === "") throw ConfigException.invalid("schemas.cache.size", cacheSize, "Not a number of type INT");
      this.cacheSize = parsed;
    }
    const format = (configs["decimal.format"] ?? "BASE64").trim().toUpperCase();
    if (format !== "BASE64" && format !== "NUMERIC") {
      throw ConfigException.invalid("decimal.format", configs["decimal.format"], "String must be one of (case insensitive): BASE64, NUMERIC");
    }
    this.writer = new JsonWriter({ decimalFormat: format as DecimalFormat, replaceNullWithDefault: this.replaceNullWithDefault });
    this.schemaCache.clear();
    this.prefixCache = new WeakMap();
    this.lastSchemaText = "";
    this.lastSchema = null;
  }

  /** UTF-8 JSON for the value; null for a null value with a null schema (a tombstone). */
  fromConnectData(_topic: string, _headers: unknown, schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema === null && (value === null || value === undefined)) return null;
    const payload = this.writer.value(schema, value);
    if (!this.schemasEnabled) return Buffer.from(payload, "utf8");
    const prefix = this.envelopePrefix(schema);
    const out = Buffer.allocUnsafe(prefix.length + Buffer.byteLength(payload, "utf8") + 1);
    prefix.copy(out, 0);
    const end = prefix.length + out.write(payload, prefix.length, "utf8");
    out[end] = 125;
    return out;
  }

  /** `{"schema":<schema>,"payload":` as UTF-8, cached per Schema object. */
  private envelopePrefix(schema: Schema | null): Buffer {
    if (schema === null) return NULL_SCHEMA_PREFIX;
    let prefix = this.prefixCache.get(schema);
    if (prefix === undefined) {
      prefix = Buffer.from(`{"schema":${this.writer.schema(schema)},"payload":`, "utf8");
      this.prefixCache.set(schema, prefix);
    }
    return prefix;
  }

  /** Connect data from UTF-8 JSON; null bytes are a tombstone and give the null SchemaAndValue. */
  toConnectData(_topic: string, _headers: unknown, bytes: Uint8Array | null): SchemaAndValue {
    if (bytes === null) return NULL_SCHEMA_AND_VALUE;
    const text = decodeUtf8(bytes);
    if (!this.schemasEnabled) {
      const tree = parseDocument(text);
      return { schema: null, value: convertToConnect(null, tree, this.replaceNullWithDefault) };
    }
    return this.readEnvelope(text);
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, null, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, bytes: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, null, bytes);
  }

  private readEnvelope(text: string): SchemaAndValue {
    const reader = new JsonReader(text);
    let schema: Schema | null = null;
    let payload: JsonTree | undefined;
    let members = 0;
    let sawSchema = false;
    let sawPayload = false;
    try {
      if (!reader.consume(123)) {
        parseDocument(text);
        throw notAnEnvelope();
      }
      if (!reader.consume(125)) {
        do {
          const key = reader.readFieldName();
          reader.expect(58);
          members++;
          if (key === "schema") {
            sawSchema = true;
            schema = this.readSchema(reader, text);
          } else if (key === "payload") {
            sawPayload = true;
            payload = reader.readValue();
          } else {
            reader.skipValue();
          }
        } while (reader.consume(44));
        reader.expect(125);
      }
    } catch (error) {
      throw error instanceof JsonSyntaxException ? parseFailure(error) : error;
    }
    if (members !== 2 || !sawSchema || !sawPayload) throw notAnEnvelope();
    return { schema, value: convertToConnect(schema, payload, this.replaceNullWithDefault) };
  }

  /** Reads the envelope's schema, going through the cache keyed by the schema's exact text. */
  private readSchema(reader: JsonReader, text: string): Schema | null {
    reader.skipWhitespace();
    const start = reader.position;
    // A cached schema is a complete JSON object, so a text that starts with it holds exactly it there.
    if (this.lastSchemaText !== "" && text.startsWith(this.lastSchemaText, start)) {
      reader.skipTo(start + this.lastSchemaText.length);
      return this.lastSchema;
    }
    reader.skipValue();
    const schemaText = text.slice(start, reader.position);
    let schema = this.schemaCache.get(schemaText);
    if (schema === undefined) {
      schema = asConnectSchema(JsonReader.parse(schemaText), this.replaceNullWithDefault);
      if (this.cacheSize > 0) {
        if (this.schemaCache.size >= this.cacheSize) this.schemaCache.delete(this.schemaCache.keys().next().value!);
        this.schemaCache.set(schemaText, schema);
      }
    } else {
      this.schemaCache.delete(schemaText);
      this.schemaCache.set(schemaText, schema);
    }
    if (schemaText.charCodeAt(0) === 123) {
      this.lastSchemaText = schemaText;
      this.lastSchema = schema;
    }
    return schema;
  }
}

function notAnEnvelope(): DataException {
  return new DataException(ENVELOPE_MESSAGE, { suggestion: "Set schemas.enable=false to read plain JSON." });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch (error) {
    throw new DataException("Converting byte[] to Kafka Connect data failed due to serialization error: invalid UTF-8", { cause: error });
  }
}

function parseDocument(text: string): JsonTree | undefined {
  try {
    return JsonReader.parse(text);
  } catch (error) {
    throw error instanceof JsonSyntaxException ? parseFailure(error) : error;
  }
}

function parseFailure(error: JsonSyntaxException): DataException {
  return new DataException(`Converting byte[] to Kafka Connect data failed due to serialization error: ${error.message}`, { cause: error });
}
