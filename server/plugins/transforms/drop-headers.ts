import { ConfigDef, ConfigType, Importance } from "@/server/plugins/api/config-def";
import { Headers } from "@/server/plugins/api/headers";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";
import { NON_EMPTY_LIST, SimpleConfig } from "@/server/plugins/transforms/transform-config";

const CONFIG_DEF = new ConfigDef().define({ name: "headers", type: ConfigType.LIST, validator: NON_EMPTY_LIST, importance: Importance.HIGH, documentation: "The names of the headers to remove." });

/** `org.apache.kafka.connect.transforms.DropHeaders`: removes every header whose name is listed. */
export class DropHeaders implements Transformation {
  static readonly className = "org.apache.kafka.connect.transforms.DropHeaders";
  static readonly description = "Removes the headers with the given names.";

  private names: ReadonlySet<string> = new Set();

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, string>>): void {
    this.names = new Set(new SimpleConfig(CONFIG_DEF, configs).list("headers"));
  }

  apply(record: ConnectRecord): ConnectRecord {
    const kept = [...record.headers].filter((header) => !this.names.has(header.key));
    return record.newRecord({ headers: new Headers(kept) });
  }
}
