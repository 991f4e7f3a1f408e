import { DataException } from "@/server/plugins/api/data/errors";

const DECIMAL_LITERAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function digitCount(magnitude: bigint): number {
  return magnitude === 0n ? 1 : magnitude.toString().length;
}

/**
 * An exact decimal number, the JS value of Connect's `Decimal` logical type: `unscaled × 10^-scale`
 * with an arbitrary-precision `unscaled` (Java's `BigDecimal`). Immutable.
 *
 * Like Java, the scale is part of the value: `5.00` (500, scale 2) and `5` are `compareTo`-equal but
 * not `equals`. `toString()` is Java's `BigDecimal.toString()` (scientific notation when the scale is
 * negative or the number is very small), which is what Kafka writes for `decimal.format=NUMERIC`.
 */
export class BigDecimal {
  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    if (!Number.isInteger(scale) || Math.abs(scale) > 2_147_483_647) throw new DataException(`Invalid decimal scale: ${scale}`);
    this.unscaled = unscaled;
    this.scale = scale;
  }

  /**
   * Parses Java's `new BigDecimal(String)` grammar: optional sign, digits with an optional point,
   * optional exponent (`-1.50`, `1E+3`, `.5`). The scale is the number of fraction digits minus the
   * exponent, exactly as written. Throws DataException on anything else.
   */
  static parse(text: string): BigDecimal {
    const match = DECIMAL_LITERAL.exec(text);
    const integer = match?.[2] ?? "";
    const fraction = match?.[3] ?? "";
    if (!match || integer.length + fraction.length === 0) throw new DataException(`Invalid decimal number: ${text}`);
    const exponent = match[4] === undefined ? 0 : Number(match[4]);
    const unscaled = BigInt(integer + fraction);
    return new BigDecimal(match[1] === "-" ? -unscaled : unscaled, fraction.length - exponent);
  }

  /** 1 for positive, -1 for negative, 0 for zero. */
  signum(): number {
    return this.unscaled > 0n ? 1 : this.unscaled < 0n ? -1 : 0;
  }

  /** The number of decimal digits in the unscaled value (1 for zero), Java's `precision()`. */
  precision(): number {
    return digitCount(this.unscaled < 0n ? -this.unscaled : this.unscaled);
  }

  /** This value at another scale; throws DataException when that would drop non-zero digits. */
  setScale(scale: number): BigDecimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new BigDecimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    const divisor = 10n ** BigInt(this.scale - scale);
    if (this.unscaled % divisor !== 0n) throw new DataException(`Decimal ${this.toString()} cannot be represented with scale ${scale} without rounding`);
    return new BigDecimal(this.unscaled / divisor, scale);
  }

  /** Numeric comparison ignoring scale: negative, zero or positive like Java's `compareTo`. */
  compareTo(other: BigDecimal): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.setScale(scale).unscaled;
    const b = other.setScale(scale).unscaled;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Same unscaled value and same scale (Java's `equals`). */
  equals(other: unknown): boolean {
    return other instanceof BigDecimal && other.unscaled === this.unscaled && other.scale === this.scale;
  }

  /** The nearest double. */
  toNumber(): number {
    return Number(this.toString());
  }

  /** Java's `BigDecimal.toString()`: plain when scale ≥ 0 and the adjusted exponent ≥ -6, else `d.dddE±n`. */
  toString(): string {
    const negative = this.unscaled < 0n;
    const coefficient = (negative ? -this.unscaled : this.unscaled).toString();
    const sign = negative ? "-" : "";
    const adjusted = -this.scale + (coefficient.length - 1);
    if (this.scale >= 0 && adjusted >= -6) return sign + placePoint(coefficient, this.scale);
    const mantissa = coefficient.length > 1 ? `${coefficient[0]}.${coefficient.slice(1)}` : coefficient;
    return `${sign}${mantissa}E${adjusted > 0 ? "+" : ""}${adjusted}`;
  }

  /** Java's `toPlainString()`: never scientific notation. */
  toPlainString(): string {
    const negative = this.unscaled < 0n;
    const coefficient = (negative ? -this.unscaled : this.unscaled).toString();
    const sign = negative ? "-" : "";
    if (this.scale <= 0) return sign + coefficient + (this.unscaled === 0n ? "" : "0".repeat(-this.scale));
    return sign + placePoint(coefficient, this.scale);
  }
}

function placePoint(coefficient: string, scale: number): string {
  if (scale === 0) return coefficient;
  if (coefficient.length > scale) return `${coefficient.slice(0, coefficient.length - scale)}.${coefficient.slice(coefficient.length - scale)}`;
  return `0.${"0".repeat(scale - coefficient.length)}${coefficient}`;
}
