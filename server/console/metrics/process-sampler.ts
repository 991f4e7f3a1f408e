import { monitorEventLoopDelay, performance, type IntervalHistogram } from "node:perf_hooks";

/** The worker process's figures over the last interval. */
export interface ProcessSample {
  /** CPU used (user + system) as a percentage of one core. */
  cpu: number;
  /** Resident set size, in bytes. */
  rss: number;
  heapUsed: number;
  /** 99th percentile of the event loop's delay, in ms. */
  eventLoopDelay: number;
}

/**
 * Measures this process between two `sample()` calls: CPU share, memory and event-loop delay
 * (perf_hooks' histogram, 10 ms resolution). `close()` stops the histogram.
 */
export class ProcessSampler {
  private readonly delay: IntervalHistogram;
  private cpu = process.cpuUsage();
  private at = performance.now();

  constructor() {
    this.delay = monitorEventLoopDelay({ resolution: 10 });
    this.delay.enable();
  }

  /** The figures since the previous call (or since construction), then starts a new interval. */
  sample(): ProcessSample {
    const cpu = process.cpuUsage(this.cpu);
    const now = performance.now();
    const elapsedMs = Math.max(1, now - this.at);
    const memory = process.memoryUsage();
    const p99 = this.delay.count > 0 ? this.delay.percentile(99) / 1e6 : 0;
    this.delay.reset();
    this.cpu = process.cpuUsage();
    this.at = now;
    return { cpu: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100, rss: memory.rss, heapUsed: memory.heapUsed, eventLoopDelay: p99 };
  }

  close(): void {
    this.delay.disable();
  }
}
