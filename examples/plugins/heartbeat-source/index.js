// An example connector plugin for Tributary, loaded through the worker's `plugin.path`.
// See docs/writing-a-plugin.md. Plain JavaScript: the runtime hands the plugin API to the
// default export, so the plugin needs no build step and no dependency on Tributary's sources.

/** @param {import("../../../server/plugins/api/plugin-api").PluginApi} api */
export default function heartbeatPlugins(api) {
  const { ConfigDef, ConfigType, Importance, Range, NonEmptyString, Schema, SourceConnector, SourceRecord, SourceTask } = api;

  const configDef = () =>
    new ConfigDef()
      .define({ name: "topic", type: ConfigType.STRING, validator: new NonEmptyString(), importance: Importance.HIGH, documentation: "The topic to write heartbeats to." })
      .define({ name: "interval.ms", type: ConfigType.LONG, default: 1000, validator: Range.atLeast(1), importance: Importance.MEDIUM, documentation: "Time between two heartbeats." })
      .define({ name: "message", type: ConfigType.STRING, default: "heartbeat", importance: Importance.LOW, documentation: "The text of each heartbeat; its number is appended." });

  class HeartbeatSourceTask extends SourceTask {
    static className = "com.example.tributary.HeartbeatSourceTask";

    version() {
      return "1.0.0";
    }

    async start(props) {
      this.topic = props.topic;
      this.intervalMs = Number(props["interval.ms"]);
      this.message = props.message;
      this.stopped = false;
      // Resume the numbering from the last committed offset, so a restart does not repeat numbers.
      const stored = await this.context.offsetStorageReader().offset({ heartbeat: this.topic });
      this.next = typeof stored?.sequence === "number" ? stored.sequence + 1 : 0;
    }

    async poll() {
      await new Promise((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, this.intervalMs);
      });
      if (this.stopped) return null;
      const sequence = this.next++;
      return [
        new SourceRecord({
          topic: this.topic,
          valueSchema: Schema.STRING_SCHEMA,
          value: `${this.message} ${sequence}`,
          sourcePartition: { heartbeat: this.topic },
          sourceOffset: { sequence },
          timestamp: Date.now(),
        }),
      ];
    }

    stop() {
      this.stopped = true;
      this.wake?.();
    }
  }

  class HeartbeatSourceConnector extends SourceConnector {
    static className = "com.example.tributary.HeartbeatSourceConnector";
    static aliases = ["Heartbeat"];
    static description = "Emits a numbered heartbeat record at a fixed interval (an example plugin).";

    version() {
      return "1.0.0";
    }

    config() {
      return configDef();
    }

    start(props) {
      const parsed = configDef().parse(props);
      this.props = { topic: parsed.get("topic"), "interval.ms": String(parsed.get("interval.ms")), message: parsed.get("message") };
    }

    taskClass() {
      return HeartbeatSourceTask;
    }

    taskConfigs() {
      return [{ ...this.props }];
    }

    stop() {}
  }

  return [{ kind: "source", plugin: HeartbeatSourceConnector }];
}
