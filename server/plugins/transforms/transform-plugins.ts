import type { Predicate, Transformation, TransformationClass } from "@/server/plugins/api/transformation";
import { CastKey, CastValue } from "@/server/plugins/transforms/cast";
import { DropHeaders } from "@/server/plugins/transforms/drop-headers";
import { ExtractFieldKey, ExtractFieldValue } from "@/server/plugins/transforms/extract-field";
import { Filter } from "@/server/plugins/transforms/filter";
import { FlattenKey, FlattenValue } from "@/server/plugins/transforms/flatten";
import { HeaderFromKey, HeaderFromValue } from "@/server/plugins/transforms/header-from";
import { HoistFieldKey, HoistFieldValue } from "@/server/plugins/transforms/hoist-field";
import { InsertFieldKey, InsertFieldValue } from "@/server/plugins/transforms/insert-field";
import { InsertHeader } from "@/server/plugins/transforms/insert-header";
import { MaskFieldKey, MaskFieldValue } from "@/server/plugins/transforms/mask-field";
import { HasHeaderKey, RecordIsTombstone, TopicNameMatches } from "@/server/plugins/transforms/predicates";
import { RegexRouter } from "@/server/plugins/transforms/regex-router";
import { ReplaceFieldKey, ReplaceFieldValue } from "@/server/plugins/transforms/replace-field";
import { SetSchemaMetadataKey, SetSchemaMetadataValue } from "@/server/plugins/transforms/set-schema-metadata";
import { TimestampConverterKey, TimestampConverterValue } from "@/server/plugins/transforms/timestamp-converter";
import { TimestampRouter } from "@/server/plugins/transforms/timestamp-router";
import { ValueToKey } from "@/server/plugins/transforms/value-to-key";

/** Every built-in single message transform (Kafka's `connect-transforms`), for the plugin registry. */
export const BUILT_IN_TRANSFORMATIONS: readonly TransformationClass<Transformation>[] = [
  CastKey,
  CastValue,
  DropHeaders,
  ExtractFieldKey,
  ExtractFieldValue,
  Filter,
  FlattenKey,
  FlattenValue,
  HeaderFromKey,
  HeaderFromValue,
  HoistFieldKey,
  HoistFieldValue,
  InsertFieldKey,
  InsertFieldValue,
  InsertHeader,
  MaskFieldKey,
  MaskFieldValue,
  RegexRouter,
  ReplaceFieldKey,
  ReplaceFieldValue,
  SetSchemaMetadataKey,
  SetSchemaMetadataValue,
  TimestampConverterKey,
  TimestampConverterValue,
  TimestampRouter,
  ValueToKey,
];

/** Every built-in predicate (`org.apache.kafka.connect.transforms.predicates`), for the plugin registry. */
export const BUILT_IN_PREDICATES: readonly TransformationClass<Predicate>[] = [HasHeaderKey, RecordIsTombstone, TopicNameMatches];
