/**
 * Java's text forms of floating-point numbers, because Kafka's converters write numbers with them
 * and our bytes must match: `Double.toString` (`5.0`, `0.001`, `1.0E7`, `1.0E-4`) and
 * `Float.toString` for the float32 nearest the argument (`0.1`, not `0.10000000149011612`).
 * Digits are the shortest that round-trip (what JDK 19+ prints; older JDKs differ in rare cases).
 * Non-finite values print as `NaN`, `Infinity`, `-Infinity`.
 */
export function javaDoubleToString(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    // JS prints this range in plain notation with the same shortest digits; Java adds ".0" to whole numbers.
    const text = String(value);
    return Number.isInteger(value) ? `${text}.0` : text;
  }
  return layout(value, value.toExponential());
}

/** Java's `Float.toString` of `Math.fround(value)`; see javaDoubleToString. */
export function javaFloatToString(value: number): string {
  const float = Math.fround(value);
  if (!Number.isFinite(float)) return String(float);
  if (float === 0) return Object.is(float, -0) ? "-0.0" : "0.0";
  for (let precision = 1; precision < 9; precision++) {
    const candidate = Number(float.toPrecision(precision));
    if (Math.fround(candidate) === float) return layout(float, candidate.toExponential());
  }
  return layout(float, Number(float.toPrecision(9)).toExponential());
}

/** Lays out `d.ddd e±x` (from toExponential) the way Java does. */
function layout(value: number, exponential: string): string {
  const e = exponential.indexOf("e");
  const negative = exponential.charCodeAt(0) === 45;
  const mantissa = exponential.slice(negative ? 1 : 0, e);
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  const exponent = Number(exponential.slice(e + 1));
  const sign = negative ? "-" : "";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const integer = digits.length > exponent + 1 ? digits.slice(0, exponent + 1) : digits.padEnd(exponent + 1, "0");
    const fraction = digits.length > exponent + 1 ? digits.slice(exponent + 1) : "0";
    return `${sign}${integer}.${fraction}`;
  }
  return `${sign}${digits[0]}.${digits.length > 1 ? digits.slice(1) : "0"}E${exponent}`;
}
