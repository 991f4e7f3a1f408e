/**
 * Transform and predicate vectors: every built-in SMT of `connect-transforms` with its options,
 * alone and in chains, gated by each predicate (and negated), over the base records of
 * transform-records.ts. Each case runs on the source side (record → chain → bytes) and on the
 * sink side (the base record's bytes as Kafka Connect wrote them → converters → chain), where
 * sink-only options such as InsertField's `offset.field` apply.
 */
import { config, convertersOf, record } from "./build";
import { primitiveSamples, schemalessSamples, t } from "./samples";
import { RECORDS, type RecordName } from "./transform-records";
import type { CarrierVector } from "../read-back";
import type { ConnectorConfig, Vector } from "../vector";

const T = "org.apache.kafka.connect.transforms.";
const P = "org.apache.kafka.connect.transforms.predicates.";

/** One transform stage: its class (without the package) and options, optionally gated by a predicate. */
interface Stage {
  type: string;
  options?: Record<string, string>;
  predicate?: { type: string; options?: Record<string, string>; negate?: boolean };
}

/** One case: a name, its chain, and the base records it runs on. */
interface Case {
  name: string;
  stages: Stage[];
  records: RecordName[];
}

const ALL: RecordName[] = ["struct", "map", "line", "tombstone", "schemaless-tombstone"];
const DATA: RecordName[] = ["struct", "map"];
const one = (type: string, options: Record<string, string>, records: RecordName[] = DATA): Omit<Case, "name"> => ({ stages: [{ type, options }], records });

const CASES: Record<string, Omit<Case, "name">> = {
  "HoistField/value": one("HoistField$Value", { field: "wrapped" }, ALL),
  "HoistField/key": one("HoistField$Key", { field: "k" }, ALL),
  "InsertField/all": one("InsertField$Value", { "topic.field": "topic!", "partition.field": "partition", "timestamp.field": "ts?", "static.field": "source", "static.value": "differential" }, ALL),
  "InsertField/small-maps": one("InsertField$Value", { "static.field": "added", "static.value": "x" }, ["small-map", "six-map"]),
  "MaskField/small-maps": one("MaskField$Value", { fields: "alpha,b" }, ["small-map", "six-map"]),
  "InsertField/offset": one("InsertField$Value", { "offset.field": "offset" }, ["struct", "map"]),
  "InsertField/static-only": one("InsertField$Value", { "static.field": "origin", "static.value": "" }, DATA),
  "InsertField/key": one("InsertField$Key", { "topic.field": "topic", "static.field": "x", "static.value": "y" }, ["struct", "map"]),
  "InsertField/no-timestamp": one("InsertField$Value", { "timestamp.field": "ts" }, ["no-timestamp"]),
  "ReplaceField/exclude": one("ReplaceField$Value", { exclude: "raw,address,missing" }, DATA),
  "ReplaceField/include": one("ReplaceField$Value", { include: "name,id,tags" }, DATA),
  "ReplaceField/renames": one("ReplaceField$Value", { renames: "id:order_id,name:title,nope:never" }, DATA),
  "ReplaceField/all-options": one("ReplaceField$Value", { include: "id,name,note", exclude: "name", renames: "note:comment" }, DATA),
  "ReplaceField/key": one("ReplaceField$Key", { renames: "region:zone" }, ["struct"]),
  "MaskField/basic": one("MaskField$Value", { fields: "name,amount,ratio,quantity,small,active,created,day,tags,attributes,address" }, ["struct"]),
  "MaskField/map": one("MaskField$Value", { fields: "name,id,ratio,active,tags,address" }, ["map"]),
  "MaskField/replacement-string": one("MaskField$Value", { fields: "name,when", replacement: "****" }, DATA),
  "MaskField/replacement-number": one("MaskField$Value", { fields: "id,quantity,small,ratio,amount", replacement: "12" }, ["struct"]),
  "MaskField/replacement-invalid": one("MaskField$Value", { fields: "id", replacement: "abc" }, DATA),
  "MaskField/tombstone": one("MaskField$Value", { fields: "name" }, ["tombstone"]),
  "ValueToKey/fields": one("ValueToKey", { fields: "id,name,address" }, DATA),
  "ValueToKey/missing": one("ValueToKey", { fields: "id,missing" }, DATA),
  "ExtractField/value": one("ExtractField$Value", { field: "address" }, ALL),
  "ExtractField/missing": one("ExtractField$Value", { field: "missing" }, DATA),
  "ExtractField/v2-path": one("ExtractField$Value", { field: "address.city", "field.syntax.version": "V2" }, DATA),
  "ExtractField/v2-backticks": one("ExtractField$Value", { field: "`address`.`zip`", "field.syntax.version": "V2" }, DATA),
  "ExtractField/key": one("ExtractField$Key", { field: "id" }, ["struct"]),
  "SetSchemaMetadata/both": one("SetSchemaMetadata$Value", { "schema.name": "com.example.Renamed", "schema.version": "9" }, ["struct", "line", "tombstone", "map"]),
  "SetSchemaMetadata/name": one("SetSchemaMetadata$Value", { "schema.name": "only.Name" }, ["struct", "line"]),
  "SetSchemaMetadata/key": one("SetSchemaMetadata$Key", { "schema.version": "2" }, ["struct"]),
  "Flatten/default": one("Flatten$Value", {}, ["struct", "map", "line", "tombstone"]),
  "Flatten/delimiter": one("Flatten$Value", { delimiter: "_" }, DATA),
  "Flatten/key": one("Flatten$Key", {}, ["struct"]),
  "RegexRouter/groups": one("RegexRouter", { regex: "(ord)(ers)", replacement: "$2-$1-routed" }, ["struct", "line"]),
  "RegexRouter/partial": one("RegexRouter", { regex: "ord", replacement: "x" }, ["struct"]),
  "RegexRouter/escapes": one("RegexRouter", { regex: "(.*)", replacement: "\\$1-$1" }, ["struct"]),
  "TimestampRouter/default": one("TimestampRouter", {}, ["struct", "line", "no-timestamp"]),
  "TimestampRouter/format": one("TimestampRouter", { "topic.format": "${timestamp}_${topic}_${timestamp}", "timestamp.format": "yyyy-MM-dd'T'HH:mm:ss.SSS EEE D w" }, ["struct", "line"]),
  "InsertHeader/values": {
    stages: ["null", "42", "-1.5", "true", "2024-01-31", "12:34", "[1,2,3]", '{"a":1}', "plain text", "", "1e39", "2024-01-31T12:34:56.789Z"].map((literal, i) => ({
      type: "InsertHeader",
      options: { header: `h${i}`, "value.literal": literal },
    })),
    records: ALL,
  },
  "HeaderFrom/copy": one("HeaderFrom$Value", { fields: "id,name,address,amount,created", headers: "h_id,h_name,h_address,h_amount,h_created", operation: "copy" }, DATA),
  "HeaderFrom/move": one("HeaderFrom$Value", { fields: "id,tags", headers: "h_id,h_tags", operation: "move" }, DATA),
  "HeaderFrom/key": one("HeaderFrom$Key", { fields: "region", headers: "r", operation: "copy" }, ["struct"]),
  "DropHeaders/some": one("DropHeaders", { headers: "trace,missing" }, ["struct", "map"]),
  "Cast/whole-values": {
    stages: [{ type: "Cast$Value", options: { spec: "string" } }],
    records: ["line", "tombstone"],
  },
  "Cast/fields": one("Cast$Value", { spec: "id:string,ratio:int32,quantity:float32,small:int64,active:int8,name:string,amount:float64,raw:string,created:string" }, ["struct"]),
  "Cast/map-fields": one("Cast$Value", { spec: "id:int8,ratio:string,active:float64,epoch:int16,when:string" }, ["map"]),
  "Cast/strings": one("Cast$Value", { spec: "when:boolean,name:float64" }, DATA),
  "Cast/key": one("Cast$Key", { spec: "id:float32" }, ["struct"]),
  "TimestampConverter/string": one("TimestampConverter$Value", { field: "created", "target.type": "string", format: "yyyy-MM-dd HH:mm:ss.SSS zzz" }, ["struct"]),
  "TimestampConverter/unix": one("TimestampConverter$Value", { field: "created", "target.type": "unix", "unix.precision": "seconds" }, ["struct"]),
  "TimestampConverter/date": one("TimestampConverter$Value", { field: "created", "target.type": "Date" }, ["struct"]),
  "TimestampConverter/time": one("TimestampConverter$Value", { field: "created", "target.type": "Time" }, ["struct"]),
  "TimestampConverter/from-unix": one("TimestampConverter$Value", { field: "epoch", "target.type": "Timestamp", "unix.precision": "microseconds" }, DATA),
  "TimestampConverter/from-string": one("TimestampConverter$Value", { field: "when", "target.type": "Timestamp", format: "yyyy-MM-dd HH:mm:ss" }, DATA),
  "TimestampConverter/to-string-map": one("TimestampConverter$Value", { field: "epoch", "target.type": "string", format: "EEEE, d MMMM yyyy HH:mm:ss.SSS" }, ["map"]),
  "TimestampConverter/whole": one("TimestampConverter$Value", { "target.type": "unix", "unix.precision": "nanoseconds" }, ["line"]),
  "TimestampConverter/day": one("TimestampConverter$Value", { field: "day", "target.type": "string", format: "yyyyMMdd" }, ["struct"]),
  "InsertField/no-defaults": one("InsertField$Value", { "static.field": "s", "static.value": "v", "replace.null.with.default": "false" }, ["struct"]),
  "ReplaceField/no-defaults": one("ReplaceField$Value", { exclude: "raw", "replace.null.with.default": "false" }, ["struct"]),
  "ExtractField/default": one("ExtractField$Value", { field: "level" }, ["struct"]),
  "ExtractField/no-defaults": one("ExtractField$Value", { field: "level", "replace.null.with.default": "false" }, ["struct"]),
  "Cast/no-defaults": one("Cast$Value", { spec: "level:string", "replace.null.with.default": "false" }, ["struct"]),
  "HeaderFrom/no-defaults": one("HeaderFrom$Value", { fields: "level", headers: "level", operation: "copy", "replace.null.with.default": "false" }, ["struct"]),
  "ValueToKey/default": one("ValueToKey", { fields: "level,note" }, ["struct"]),
  "Flatten/no-defaults": one("Flatten$Value", { "replace.null.with.default": "false" }, ["struct"]),
  "Filter/topic": { stages: [{ type: "Filter", predicate: { type: "TopicNameMatches", options: { pattern: "ord.*" } } }], records: ALL },
  "Filter/topic-partial": { stages: [{ type: "Filter", predicate: { type: "TopicNameMatches", options: { pattern: "ord" } } }], records: ["struct"] },
  "Filter/header": { stages: [{ type: "Filter", predicate: { type: "HasHeaderKey", options: { name: "trace" } } }], records: ALL },
  "Filter/tombstone": { stages: [{ type: "Filter", predicate: { type: "RecordIsTombstone" } }], records: ALL },
  "Filter/not-tombstone": { stages: [{ type: "Filter", predicate: { type: "RecordIsTombstone", negate: true } }], records: ALL },
  "chain/line-to-struct": {
    stages: [
      { type: "HoistField$Value", options: { field: "line" } },
      { type: "InsertField$Value", options: { "topic.field": "topic", "timestamp.field": "at", "static.field": "kind", "static.value": "log" } },
      { type: "SetSchemaMetadata$Value", options: { "schema.name": "com.example.Line", "schema.version": "1" } },
      { type: "ValueToKey", options: { fields: "kind" } },
      { type: "ExtractField$Key", options: { field: "kind" } },
      { type: "InsertHeader", options: { header: "from", "value.literal": "file" } },
      { type: "RegexRouter", options: { regex: "lines", replacement: "lines-out" } },
    ],
    records: ["line"],
  },
  "chain/mask-when-header": {
    stages: [
      { type: "MaskField$Value", options: { fields: "name" }, predicate: { type: "HasHeaderKey", options: { name: "count" } } },
      { type: "Flatten$Value", options: { delimiter: "." } },
      { type: "ReplaceField$Value", options: { exclude: "raw", renames: "address.city:city" } },
      { type: "DropHeaders", options: { headers: "count" } },
      { type: "Cast$Value", options: { spec: "id:int64" } },
    ],
    records: DATA,
  },
  "chain/timestamps": {
    stages: [
      { type: "TimestampConverter$Value", options: { field: "created", "target.type": "string", format: "yyyy-MM-dd'T'HH:mm:ss.SSSXXX" } },
      { type: "HeaderFrom$Value", options: { fields: "created", headers: "created", operation: "move" } },
      { type: "TimestampRouter", options: { "topic.format": "${topic}-${timestamp}", "timestamp.format": "yyyyMM" } },
    ],
    records: ["struct"],
  },
};

function chainConfig(stages: Stage[]): ConnectorConfig {
  const out: ConnectorConfig = config();
  const aliases: string[] = [];
  const predicates: string[] = [];
  stages.forEach((stage, i) => {
    const alias = `t${i}`;
    aliases.push(alias);
    out[`transforms.${alias}.type`] = `${T}${stage.type}`;
    for (const [key, value] of Object.entries(stage.options ?? {})) out[`transforms.${alias}.${key}`] = value;
    if (stage.predicate) {
      const name = `p${i}`;
      predicates.push(name);
      out[`transforms.${alias}.predicate`] = name;
      if (stage.predicate.negate) out[`transforms.${alias}.negate`] = "true";
      out[`predicates.${name}.type`] = `${P}${stage.predicate.type}`;
      for (const [key, value] of Object.entries(stage.predicate.options ?? {})) out[`predicates.${name}.${key}`] = value;
    }
  });
  out.transforms = aliases.join(",");
  if (predicates.length > 0) out.predicates = predicates.join(",");
  return out;
}

const coversOf = (stages: Stage[]) => [...new Set(stages.flatMap((stage) => [stage.type, ...(stage.predicate ? [stage.predicate.type] : [])]))];

const CAST_TARGETS = ["int8", "int16", "int32", "int64", "float32", "float64", "boolean", "string"];

/** Whole-value casts of every primitive and logical sample to every target, schema'd and schemaless. */
function wholeValueCasts(): Vector[] {
  const out: Vector[] = [];
  const samples = primitiveSamples().filter((sample) => !sample.name.startsWith("string:long") && sample.name !== "bytes:all");
  const schemaless = [...schemalessSamples().filter((sample) => !/array|map/.test(sample.name)), { name: "schemaless:text-number", schema: null, value: t.str(" 123") }];
  for (const target of CAST_TARGETS) {
    const connector = chainConfig([{ type: "Cast$Value", options: { spec: target } }]);
    for (const sample of [...samples, ...schemaless]) {
      out.push({ id: `transform/Cast/whole/${target}/${sample.name}`, kind: "source", covers: ["Cast$Value"], config: connector, record: record({ valueSchema: sample.schema, value: sample.value }) });
    }
  }
  return out;
}

/**
 * Every transform vector: per case and base record a source vector, and one carrier per base
 * record (the record through the converters alone) whose Kafka bytes feed the sink-side cases.
 */
export function transformVectors(): Vector[] {
  const out: Vector[] = [];
  const carriers = new Map<RecordName, CarrierVector>();
  for (const [name, { stages, records }] of Object.entries(CASES)) {
    const connector = chainConfig(stages);
    const covers = coversOf(stages);
    for (const recordName of records) {
      out.push({ id: `transform/${name}/${recordName}`, kind: "source", covers, config: connector, record: RECORDS[recordName] });
      let carrier = carriers.get(recordName);
      if (!carrier) {
        carrier = { id: `transform/input/${recordName}`, kind: "source", covers: convertersOf(config()), config: config(), record: RECORDS[recordName], sinkTransforms: [] };
        carriers.set(recordName, carrier);
      }
      carrier.sinkTransforms!.push({ id: `transform/${name}/${recordName}/sink`, covers, config: connector });
    }
  }
  return [...out, ...wholeValueCasts(), ...carriers.values()];
}
