/**
 * All test vectors, and the short selection `npm test` runs. Ids are unique; generation is
 * deterministic, so a vector keeps its id and its place in the short selection from run to run.
 */
import { createHash } from "node:crypto";
import { converterVectors } from "./converter-vectors";
import { fileVectors } from "./file-vectors";
import { transformVectors } from "./transform-vectors";
import { valuesVectors } from "./values-vectors";
import type { Vector } from "../vector";

/** Every vector of the full run. */
export function allVectors(): Vector[] {
  const vectors = [...converterVectors(), ...valuesVectors(), ...transformVectors(), ...fileVectors()];
  const seen = new Set<string>();
  for (const vector of vectors) {
    if (seen.has(vector.id)) throw new Error(`Duplicate vector id ${vector.id}`);
    seen.add(vector.id);
  }
  return vectors;
}

/** Vectors (ids or id endings) the short run always keeps: one for each difference issue 16 reported. */
const ALWAYS = [
  "json/schemas/write/string:emoji",
  "json/plain/write/string:cjk-ext-b",
  "transform/InsertHeader/values/line",
  ':"12:34"',
  ':"2024-02-30"',
  "file/string/utf8-surrogate-high",
  "string/read/utf8-surrogate-high",
  "json/schemas/write/float64:5e-324",
  "json/schemas/write/float32:123456789",
  "transform/input/map",
];

const sampled = (id: string) => createHash("sha256").update(id).digest().readUInt32BE(0) % 7 === 0;

/**
 * The short selection (about a sixth of the vectors): the first vector covering each converter,
 * transform, predicate and API, the ones named in ALWAYS, and a stable sample of the rest
 * (file vectors, which wait on the real FileStreamSource, only when first or named).
 */
export function shortVectors(): Vector[] {
  const covered = new Set<string>();
  return allVectors().filter((vector) => {
    const first = vector.covers.some((name) => !covered.has(name));
    for (const name of vector.covers) covered.add(name);
    return first || ALWAYS.some((id) => vector.id === id || vector.id.endsWith(id)) || (vector.kind !== "file" && sampled(vector.id));
  });
}
