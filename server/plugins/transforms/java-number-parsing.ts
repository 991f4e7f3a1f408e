const INTEGER = /^[+-]?\d+$/;
/** What Java's `Double.parseDouble` accepts once trimmed, hexadecimal floats aside. */
const DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/;
const RANGES = {
  INT8: [-128n, 127n],
  INT16: [-32_768n, 32_767n],
  INT32: [-2_147_483_648n, 2_147_483_647n],
  INT64: [-(2n ** 63n), 2n ** 63n - 1n],
} as const;

/** A Connect integer type, for the range a parsed integer must fit. */
export type IntegerType = keyof typeof RANGES;

/**
 * Java's `Byte/Short/Integer/Long.parseXxx`: an optional sign and decimal digits, nothing else
 * (no spaces), within the type's range. Null when the text is not such a number.
 */
export function parseJavaInteger(text: string, type: IntegerType): bigint | null {
  if (!INTEGER.test(text)) return null;
  const value = BigInt(text);
  const [min, max] = RANGES[type];
  return value >= min && value <= max ? value : null;
}

/**
 * Java's `Double.parseDouble` (and `Float.parseFloat` once rounded with `Math.fround`): surrounding
 * whitespace ignored, decimal or exponent notation, an optional `f`/`d` suffix, `NaN` and
 * `Infinity`. Null when the text is not such a number.
 */
export function parseJavaDouble(text: string): number | null {
  const trimmed = text.trim();
  if (!DOUBLE.test(trimmed)) return null;
  return Number(trimmed.replace(/[fFdD]$/, ""));
}
