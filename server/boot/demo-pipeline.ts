import path from "node:path";

/** A connector to create at start-up. */
export interface SeedConnector {
  name: string;
  config: Record<string, string>;
}

/**
 * The demo a newcomer sees on the first start of `npm start`: Datagen writes a page view a
 * second to `demo-pageviews`, and a FileStreamSink appends them, as plain JSON, to
 * `<data folder>/demo-pageviews.txt`. Created only into a brand-new database and only when
 * `TRIBUTARY_DEMO` is not `off`; deleting the connectors removes the demo for good.
 */
export function demoPipeline(dataFolder: string, env: Readonly<Record<string, string | undefined>> = process.env): SeedConnector[] {
  if (["off", "false", "0", "no"].includes((env.TRIBUTARY_DEMO ?? "").toLowerCase())) return [];
  const json = { "value.converter": "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable": "false" };
  return [
    {
      name: "demo-pageviews",
      config: { "connector.class": "io.confluent.kafka.connect.datagen.DatagenConnector", "kafka.topic": "demo-pageviews", quickstart: "pageviews", "max.interval": "1000", ...json },
    },
    {
      name: "demo-pageviews-file",
      config: { "connector.class": "FileStreamSink", topics: "demo-pageviews", file: path.resolve(dataFolder, "demo-pageviews.txt"), ...json },
    },
  ];
}
