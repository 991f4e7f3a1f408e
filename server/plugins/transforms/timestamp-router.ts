import { ConfigDef, ConfigException, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { DataException } from "@/server/plugins/api/data/errors";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { SimpleDateFormat } from "@/server/plugins/transforms/simple-date-format";
import { SimpleConfig } from "@/server/plugins/transforms/transform-config";

const CONFIG_DEF = new ConfigDef()
  .define({
    name: "topic.format",
    type: ConfigType.STRING,
    default: "${topic}-${timestamp}",
    importance: Importance.HIGH,
    documentation: "The new topic name; ${topic} stands for the original topic and ${timestamp} for the formatted record timestamp.",
  })
  .define({
    name: "timestamp.format",
    type: ConfigType.STRING,
    default: "yyyyMMdd",
    importance: Importance.HIGH,
    documentation: "How ${timestamp} is written, as a java.text.SimpleDateFormat pattern, in UTC.",
  });

/**
 * `org.apache.kafka.connect.transforms.TimestampRouter`: renames the topic from `topic.format`,
 * with the record timestamp formatted in UTC; useful to route to time-bucketed tables or
 * indexes. A record without a timestamp is a DataException.
 */
export class TimestampRouter implements Transformation {
  static readonly className = "org.apache.kafka.connect.transforms.TimestampRouter";
  static readonly description = "Renames the topic after the original topic and the record's timestamp.";

  private topicFormat = "";
  private timestampFormat = SimpleDateFormat.compile("yyyyMMdd");

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.topicFormat = config.string("topic.format")!;
    const pattern = config.string("timestamp.format")!;
    try {
      this.timestampFormat = SimpleDateFormat.compile(pattern);
    } catch (error) {
      throw ConfigException.invalid("timestamp.format", pattern, (error as Error).message);
    }
  }

  apply(record: ConnectRecord): ConnectRecord {
    if (record.timestamp === null) throw new DataException(`Timestamp missing on record from topic ${record.topic}`);
    const timestamp = this.timestampFormat.format(new Date(record.timestamp));
    return record.newRecord({ topic: this.topicFormat.replaceAll("${topic}", record.topic).replaceAll("${timestamp}", timestamp) });
  }
}
