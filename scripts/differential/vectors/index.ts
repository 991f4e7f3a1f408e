/**
 * All test vectors, and the short selection `npm test` runs. Ids are unique; generation is
 * deterministic, so a vector keeps its id from run to run.
 */
import { converterVectors } from "./converter-vectors";
import { fileVectors } from "./file-vectors";
import { valuesVectors } from "./values-vectors";
import type { Vector } from "../vector";

/** Every vector of the full run. */
export function allVectors(): Vector[] {
  const vectors = [...converterVectors(), ...valuesVectors(), ...fileVectors()];
  const seen = new Set<string>();
  for (const vector of vectors) {
    if (seen.has(vector.id)) throw new Error(`Duplicate vector id ${vector.id}`);
    seen.add(vector.id);
  }
  return vectors;
}
