import type { MetricSample } from "@/server/runtime/metrics/metric-definitions";

/**
 * Kafka Connect's `connect-worker-rebalance-metrics` of a distributed worker: the group protocol
 * and leader of the latest generation, its epoch, how many rebalances completed, whether one is
 * under way, how long they took (max and average) and the time since the last one completed. The
 * worker's group side calls `started()` when it (re)joins and `completed()` when it holds the new
 * generation's assignment.
 */
export class RebalanceMetrics {
  private protocol: string | null = null;
  private leader: string | null = null;
  private epoch = -1;
  private completedTotal = 0;
  private startedAt: number | null = null;
  private lastCompletedAt: number | null = null;
  private maxMs = 0;
  private totalMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A rebalance began (this worker is joining); a second call before it completed keeps the first start. */
  started(): void {
    this.startedAt ??= this.now();
  }

  /** This worker holds the assignment of generation `epoch`, led by `leader`, under `protocol`. */
  completed(generation: { protocol: string; leader: string; epoch: number }): void {
    const at = this.now();
    const took = this.startedAt === null ? 0 : at - this.startedAt;
    this.protocol = generation.protocol;
    this.leader = generation.leader;
    this.epoch = generation.epoch;
    this.completedTotal++;
    this.maxMs = Math.max(this.maxMs, took);
    this.totalMs += took;
    this.startedAt = null;
    this.lastCompletedAt = at;
  }

  samples(): MetricSample[] {
    const group = "connect-worker-rebalance-metrics" as const;
    const sample = (name: string, value: number | string | null): MetricSample => ({ group, name, tags: {}, value });
    return [
      sample("connect-protocol", this.protocol),
      sample("leader-name", this.leader),
      sample("epoch", this.epoch),
      sample("completed-rebalances-total", this.completedTotal),
      sample("rebalancing", this.startedAt === null ? 0 : 1),
      sample("rebalance-max-time-ms", this.maxMs),
      sample("rebalance-avg-time-ms", this.completedTotal === 0 ? 0 : this.totalMs / this.completedTotal),
      sample("time-since-last-rebalance-ms", this.lastCompletedAt === null ? -1 : this.now() - this.lastCompletedAt),
    ];
  }
}
