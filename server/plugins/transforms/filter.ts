import { ConfigDef } from "@/server/plugins/api/config-def";
import type { ConnectRecord } from "@/server/plugins/api/records";
import type { Transformation } from "@/server/plugins/api/transformation";

const CONFIG_DEF = new ConfigDef();

/**
 * `org.apache.kafka.connect.transforms.Filter`: drops every record it is applied to. Meant to be
 * paired with a predicate (`transforms.<alias>.predicate`), so that only matching records are
 * dropped (or, with `negate=true`, only the others).
 */
export class Filter implements Transformation {
  static readonly className = "org.apache.kafka.connect.transforms.Filter";
  static readonly description = "Drops records; used with a predicate to drop only some.";

  config(): ConfigDef {
    return CONFIG_DEF;
  }

  configure(): void {}

  apply(): ConnectRecord | null {
    return null;
  }
}
