/**
 * Java's text forms of floating-point numbers, because Kafka's converters write numbers with them
 * and our bytes must match: `Double.toString` (`5.0`, `0.001`, `1.0E7`, `1.0E-4`) and
 * `Float.toString` for the float32 nearest the argument (`0.1`, not `0.10000000149011612`), as
 * Java 19 and later print them: the shortest decimal that reads back as the same number, and
 * when one digit would do, the closest of the one- and two-digit ones (`4.9E-324`, not `5.0E-324`).
 * Java 17 prints more digits for some values (`9.999999999999999E22` for 1e23); README's
 * compatibility notes say why Tributary follows the newer Java. Non-finite values print as
 * `NaN`, `Infinity`, `-Infinity`.
 */
export function javaDoubleToString(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    // JS prints this range in plain notation with the same digits (two-digit picks cannot occur here); Java adds ".0" to whole numbers.
    const text = String(value);
    return Number.isInteger(value) ? `${text}.0` : text;
  }
  let exponential = value.toExponential();
  if (exponential.indexOf("e") <= 2) exponential = closestTwoDigits(value, exponential, (candidate) => candidate === value);
  return layout(value, exponential);
}

/** Java's `Float.toString` of `Math.fround(value)`; see javaDoubleToString. */
export function javaFloatToString(value: number): string {
  const float = Math.fround(value);
  if (!Number.isFinite(float)) return String(float);
  if (float === 0) return Object.is(float, -0) ? "-0.0" : "0.0";
  const readsBack = (candidate: number) => Math.fround(candidate) === float;
  for (let precision = 1; precision < 9; precision++) {
    const candidate = Number(float.toPrecision(precision));
    if (!readsBack(candidate)) continue;
    const exponential = candidate.toExponential();
    return layout(float, precision === 1 ? closestTwoDigits(float, exponential, readsBack) : exponential);
  }
  return layout(float, Number(float.toPrecision(9)).toExponential());
}

/**
 * Where the shortest decimal has one digit (`d e±x`), the two-digit decimal closest to `value`
 * when it reads back as the same number (Java picks the closest among one- and two-digit ones).
 */
function closestTwoDigits(value: number, exponential: string, readsBack: (candidate: number) => boolean): string {
  const candidate = value.toExponential(1);
  return candidate.charAt(candidate.indexOf("e") - 1) !== "0" && readsBack(Number(candidate)) ? candidate : exponential;
}

/** Lays out `d.ddd e±x` (from toExponential) the way Java does. */
function layout(value: number, exponential: string): string {
  const e = exponential.indexOf("e");
  const negative = exponential.charCodeAt(0) === 45;
  const mantissa = exponential.slice(negative ? 1 : 0, e);
  const digits = (mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa).replace(/(?<=.)0+$/, "");
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
