import { DatagenConnector } from "@/server/plugins/connectors/datagen/datagen-connector";
import { FileStreamSinkConnector } from "@/server/plugins/connectors/file/file-stream-sink-connector";
import { FileStreamSourceConnector } from "@/server/plugins/connectors/file/file-stream-source-connector";
import { HttpSinkConnector } from "@/server/plugins/connectors/http/http-sink-connector";
import { PostgresCdcConnector } from "@/server/plugins/connectors/postgres-cdc/postgres-cdc-connector";
import { JdbcSinkConnector } from "@/server/plugins/connectors/jdbc/jdbc-sink-connector";
import { JdbcSourceConnector } from "@/server/plugins/connectors/jdbc/jdbc-source-connector";
import { ByteArrayConverter } from "@/server/plugins/converters/byte-array-converter";
import { JsonConverter } from "@/server/plugins/converters/json-converter";
import { BooleanConverter, DoubleConverter, FloatConverter, IntegerConverter, LongConverter, ShortConverter } from "@/server/plugins/converters/number-converters";
import { SimpleHeaderConverter } from "@/server/plugins/converters/simple-header-converter";
import { StringConverter } from "@/server/plugins/converters/string-converter";
import { BUILT_IN_PREDICATES, BUILT_IN_TRANSFORMATIONS } from "@/server/plugins/transforms/transform-plugins";

/** A plugin class with its kind, as the runtime's registry takes it. */
export interface BuiltInPlugin {
  kind: "source" | "sink" | "converter" | "header_converter" | "transformation" | "predicate";
  plugin: { new (): unknown; readonly className: string; readonly aliases?: readonly string[]; readonly description?: string };
}

/** Converters that also serve as header converters, as in Kafka. */
const dualConverters = [JsonConverter, StringConverter, ByteArrayConverter, LongConverter, IntegerConverter, ShortConverter, FloatConverter, DoubleConverter, BooleanConverter];

/** Every plugin Tributary ships, registered at start-up before any from `plugin.path`. */
export const BUILT_IN_PLUGINS: readonly BuiltInPlugin[] = [
  { kind: "source", plugin: FileStreamSourceConnector },
  { kind: "sink", plugin: FileStreamSinkConnector },
  { kind: "source", plugin: DatagenConnector },
  { kind: "source", plugin: JdbcSourceConnector },
  { kind: "sink", plugin: JdbcSinkConnector },
  { kind: "sink", plugin: HttpSinkConnector },
  { kind: "source", plugin: PostgresCdcConnector },
  ...dualConverters.map((plugin): BuiltInPlugin => ({ kind: "converter", plugin })),
  ...dualConverters.map((plugin): BuiltInPlugin => ({ kind: "header_converter", plugin })),
  { kind: "header_converter", plugin: SimpleHeaderConverter },
  ...BUILT_IN_TRANSFORMATIONS.map((plugin): BuiltInPlugin => ({ kind: "transformation", plugin })),
  ...BUILT_IN_PREDICATES.map((plugin): BuiltInPlugin => ({ kind: "predicate", plugin })),
];
