import { ConnectException } from "@/server/plugins/api/plugin-api";
import { captures, type CdcSettings } from "@/server/plugins/connectors/postgres-cdc/cdc-config";
import { listTables, qualifiedName, TABLE_TYPE_KINDS } from "@/server/plugins/connectors/postgres-client/pg-catalog";
import { quoteIdentifier, type PostgresSession } from "@/server/plugins/connectors/postgres-client/postgres-session";

/**
 * Makes sure the publication the slot streams exists, as Debezium's `publication.autocreate.mode`
 * says: `all_tables` creates it FOR ALL TABLES, `filtered` for the captured tables, `disabled`
 * requires it. An existing publication is left as it is.
 */
export async function ensurePublication(session: PostgresSession, settings: CdcSettings): Promise<void> {
  const name = settings.publicationName;
  const exists = await session.query("SELECT 1 FROM pg_publication WHERE pubname = $1", [name], "looking up the publication");
  if (exists.rows.length > 0) return;
  if (settings.publicationAutocreate === "disabled") {
    throw new ConnectException(`Publication ${name} does not exist and publication.autocreate.mode=disabled: create it (CREATE PUBLICATION ${quoteIdentifier(name)} FOR ALL TABLES) or change the mode`);
  }
  if (settings.publicationAutocreate === "all_tables") {
    await session.query(`CREATE PUBLICATION ${quoteIdentifier(name)} FOR ALL TABLES`, [], `creating publication ${name}`);
    return;
  }
  const tables = (await listTables(session, [TABLE_TYPE_KINDS.TABLE!, TABLE_TYPE_KINDS["PARTITIONED TABLE"]!], null)).filter((ref) => captures(settings, ref.schema, ref.table));
  if (tables.length === 0) throw new ConnectException(`No table matches the include and exclude lists, so publication ${name} cannot be created for them (publication.autocreate.mode=filtered)`);
  await session.query(`CREATE PUBLICATION ${quoteIdentifier(name)} FOR TABLE ${tables.map(qualifiedName).join(", ")}`, [], `creating publication ${name}`);
}
