import type { SeriesId } from "@/server/console/metrics/second-window";
import type { Database } from "@/server/storage/prisma/database";

/** One minute of one series: the sum, maximum and number of its one-second values. */
export interface MinuteRollup extends SeriesId {
  /** Epoch minutes. */
  minute: number;
  sum: number;
  max: number;
  samples: number;
}

/**
 * The per-minute rollups in the database (`MetricRollup`). Writing a minute that is already
 * stored merges into it (a restart within a minute flushes that minute twice). The caller owns `db`.
 */
export class RollupStore {
  constructor(private readonly db: Database) {}

  /** Adds the rows in one transaction, merging with stored rows of the same series and minute. */
  async write(rows: MinuteRollup[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.$transaction(
      rows.map(
        (row) => this.db.$executeRaw`INSERT INTO "MetricRollup" ("connector", "task", "metric", "minute", "sum", "max", "samples")
          VALUES (${row.connector}, ${row.task}, ${row.metric}, ${row.minute}, ${row.sum}, ${row.max}, ${row.samples})
          ON CONFLICT ("connector", "task", "metric", "minute") DO UPDATE SET
            "sum" = "sum" + excluded."sum", "max" = MAX("max", excluded."max"), "samples" = "samples" + excluded."samples"`,
      ),
    );
  }

  /** The rows of `connector`'s `metric` (one task, or all when `task` is undefined) from minute `from` up to, not including, `to`. */
  async read(query: { connector: string; task?: number; metric: string; from: number; to: number }): Promise<MinuteRollup[]> {
    return this.db.metricRollup.findMany({
      where: { connector: query.connector, metric: query.metric, minute: { gte: query.from, lt: query.to }, ...(query.task === undefined ? {} : { task: query.task }) },
      orderBy: [{ task: "asc" }, { minute: "asc" }],
    });
  }

  /** Deletes every row older than minute `before`; resolves with how many went. */
  async prune(before: number): Promise<number> {
    return (await this.db.metricRollup.deleteMany({ where: { minute: { lt: before } } })).count;
  }
}
