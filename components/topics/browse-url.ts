import type { BrowseRequest } from "@/components/queries/topics";
import { browseStarts, payloadFormats, type BrowseStart, type PayloadFormat } from "@/server/contracts/topics";

/** Records per page. */
export const PAGE_SIZE = 50;

const wholeNumber = (text: string | null) => (text !== null && /^\d{1,15}$/.test(text) ? Number(text) : undefined);

/**
 * The browse request a page URL's query describes (`start`, `partition`, `offset`, `time` in
 * epoch ms, `q`, `format`), so a browse can be linked and reloaded. Unknown or malformed values
 * fall back to the defaults: the newest records, every partition, formats detected.
 */
export function requestFromParams(params: URLSearchParams): BrowseRequest {
  const start = browseStarts.includes(params.get("start") as BrowseStart) ? (params.get("start") as BrowseStart) : "newest";
  const format = payloadFormats.includes(params.get("format") as PayloadFormat) ? (params.get("format") as PayloadFormat) : "auto";
  const offset = /^\d{1,19}$/.test(params.get("offset") ?? "") ? params.get("offset")! : undefined;
  const time = wholeNumber(params.get("time"));
  const usable = (start === "offset" && offset === undefined) || (start === "time" && time === undefined) ? "newest" : start;
  return {
    start: usable,
    partition: wholeNumber(params.get("partition")),
    offset: usable === "offset" ? offset : undefined,
    time: usable === "time" ? time : undefined,
    q: params.get("q")?.trim() || undefined,
    format,
    limit: PAGE_SIZE,
  };
}

/** The page URL's query for a request: the defaults left out, so a plain link reads the newest records. */
export function paramsFromRequest(request: BrowseRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.start !== "newest") params.set("start", request.start);
  if (request.partition !== undefined) params.set("partition", String(request.partition));
  if (request.start === "offset" && request.offset !== undefined) params.set("offset", request.offset);
  if (request.start === "time" && request.time !== undefined) params.set("time", String(request.time));
  if (request.q) params.set("q", request.q);
  if (request.format !== "auto") params.set("format", request.format);
  return params;
}

/** An epoch-ms instant as a `datetime-local` input's value, in the browser's time zone, to the second. */
export function toLocalInput(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A `datetime-local` value (browser's time zone) as epoch ms; undefined when empty or invalid. */
export function fromLocalInput(value: string): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
