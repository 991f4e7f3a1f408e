import { ConfigDef, ConfigException, ConfigType, Importance } from "@/server/plugins/api/config-def";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { JavaPattern, type JavaReplacement } from "@/server/plugins/transforms/java-regex";
import { SimpleConfig, VALID_REGEX } from "@/server/plugins/transforms/transform-config";

const CONFIG_DEF = new ConfigDef()
  .define({ name: "regex", type: ConfigType.STRING, validator: VALID_REGEX, importance: Importance.HIGH, documentation: "The regular expression (Java syntax) the whole topic name must match." })
  .define({ name: "replacement", type: ConfigType.STRING, importance: Importance.HIGH, documentation: "The new topic name; $1, $2, … and ${name} insert the regex's capturing groups." });

/**
 * `org.apache.kafka.connect.transforms.RegexRouter`: when the whole topic name matches `regex`,
 * renames it with Java's `replaceFirst(replacement)`; other topics are left as they are. The
 * replacement's group references are checked at configure time.
 */
export class RegexRouter implements Transformation {
  static readonly className = "org.apache.kafka.connect.transforms.RegexRouter";
  static readonly description = "Renames topics whose whole name matches a regular expression.";

  private pattern = JavaPattern.compile("");
  private replacement: JavaReplacement = { parts: [] };

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    const config = new SimpleConfig(CONFIG_DEF, configs);
    this.pattern = JavaPattern.compile(config.string("regex")!);
    const replacement = config.string("replacement")!;
    try {
      this.replacement = this.pattern.compileReplacement(replacement);
    } catch (error) {
      throw ConfigException.invalid("replacement", replacement, (error as Error).message);
    }
  }

  apply(record: ConnectRecord): ConnectRecord {
    if (!this.pattern.matches(record.topic)) return record;
    return record.newRecord({ topic: this.pattern.replaceFirst(record.topic, this.replacement) });
  }
}
