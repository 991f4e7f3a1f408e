/** Types for the parse-prometheus-text-format package (a dev dependency; tests only), which ships none. */
declare module "parse-prometheus-text-format" {
  /** One metric family of a Prometheus text exposition. */
  export interface PrometheusFamily {
    name: string;
    help: string;
    type: "COUNTER" | "GAUGE" | "HISTOGRAM" | "SUMMARY" | "UNTYPED";
    metrics: Array<{ value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string; sum?: string }>;
  }

  /** Parses the text format; throws on malformed input. */
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
