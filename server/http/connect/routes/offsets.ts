import { z } from "zod";
import { TributaryError } from "@/server/errors/tributary-error";
import { jsonObjectSchema, objectErrors, readBody } from "@/server/http/connect/body";
import { json, type Route } from "@/server/http/connect/route";

/** `PATCH /connectors/{c}/offsets`: Kafka Connect's ConnectorOffsets; `"offset": null` (or none) resets. */
const alterBodySchema = z.strictObject(
  {
    offsets: z
      .array(
        z.strictObject({ partition: jsonObjectSchema, offset: jsonObjectSchema.nullish().transform((offset) => offset ?? null) }, objectErrors(["partition", "offset"])),
      )
      .nullish(),
  },
  objectErrors(["offsets"]),
);

/**
 * A connector's offsets: `GET` (`{"offsets": [...]}`), `PATCH` (alter; body `{"offsets": [...]}`)
 * and `DELETE` (reset) on `/connectors/{c}/offsets`, all 200, the changes with the Herder's
 * `{"message"}`. The Herder refuses changes unless the connector is STOPPED with no tasks.
 */
export const offsetRoutes: Route[] = [
  {
    method: "GET",
    path: ["connectors", ":connector", "offsets"],
    handle: async (context) => json(await (await context.herder()).connectorOffsets(context.params.connector!)),
  },
  {
    method: "PATCH",
    path: ["connectors", ":connector", "offsets"],
    handle: async (context) => {
      const { offsets } = await readBody(context.request, alterBodySchema);
      if (!offsets?.length) throw new TributaryError("request.invalid", "Partitions / offsets need to be provided for an alter offsets request");
      return json(await (await context.herder()).alterConnectorOffsets(context.params.connector!, offsets));
    },
  },
  {
    method: "DELETE",
    path: ["connectors", ":connector", "offsets"],
    handle: async (context) => json(await (await context.herder()).resetConnectorOffsets(context.params.connector!)),
  },
];
