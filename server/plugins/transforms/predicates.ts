import { CompositeValidator, ConfigDef, ConfigType, Importance, NonEmptyString } from "@/server/plugins/api/config-def";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Predicate } from "@/server/plugins/api/transformation";
import { JavaPattern } from "@/server/plugins/transforms/java-regex";
import { SimpleConfig, VALID_REGEX } from "@/server/plugins/transforms/transform-config";

const TOPIC_NAME_MATCHES_CONFIG = new ConfigDef().define({
  name: "pattern",
  type: ConfigType.STRING,
  validator: CompositeValidator.of(new NonEmptyString(), VALID_REGEX),
  importance: Importance.MEDIUM,
  documentation: "A regular expression (Java syntax) that the whole topic name must match.",
});

/** `org.apache.kafka.connect.transforms.predicates.TopicNameMatches`: true when the whole topic name matches `pattern`. */
export class TopicNameMatches implements Predicate {
  static readonly className = "org.apache.kafka.connect.transforms.predicates.TopicNameMatches";
  static readonly description = "True for records whose topic name matches a regular expression.";

  private pattern = JavaPattern.compile("");

  config(): ConfigDef {
    return TOPIC_NAME_MATCHES_CONFIG;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    this.pattern = JavaPattern.compile(new SimpleConfig(TOPIC_NAME_MATCHES_CONFIG, configs).string("pattern")!);
  }

  test(record: ConnectRecord): boolean {
    return record.topic !== null && record.topic !== undefined && this.pattern.matches(record.topic);
  }
}

const HAS_HEADER_KEY_CONFIG = new ConfigDef().define({
  name: "name",
  type: ConfigType.STRING,
  validator: new NonEmptyString(),
  importance: Importance.MEDIUM,
  documentation: "The header name to look for.",
});

/** `org.apache.kafka.connect.transforms.predicates.HasHeaderKey`: true when the record has at least one header named `name`. */
export class HasHeaderKey implements Predicate {
  static readonly className = "org.apache.kafka.connect.transforms.predicates.HasHeaderKey";
  static readonly description = "True for records that have a header with the given name.";

  private name = "";

  config(): ConfigDef {
    return HAS_HEADER_KEY_CONFIG;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    this.name = new SimpleConfig(HAS_HEADER_KEY_CONFIG, configs).string("name")!;
  }

  test(record: ConnectRecord): boolean {
    return record.headers.lastWithName(this.name) !== undefined;
  }
}

const RECORD_IS_TOMBSTONE_CONFIG = new ConfigDef();

/** `org.apache.kafka.connect.transforms.predicates.RecordIsTombstone`: true when the value is null. */
export class RecordIsTombstone implements Predicate {
  static readonly className = "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone";
  static readonly description = "True for tombstones: records whose value is null.";

  config(): ConfigDef {
    return RECORD_IS_TOMBSTONE_CONFIG;
  }

  configure(): void {}

  test(record: ConnectRecord): boolean {
    return record.value === null || record.value === undefined;
  }
}
