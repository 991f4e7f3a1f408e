/** One piece of a parsed replacement: literal text, or a capturing group by number or name. */
type ReplacementPart = string | { readonly group: number | string };

/** A replacement string in Java's syntax (`$1`, `${name}`, `\$`), checked against one pattern. */
export interface JavaReplacement {
  readonly parts: readonly ReplacementPart[];
}

const INLINE_FLAGS = /^\(\?([a-zA-Z]+)\)/;
const JS_FLAGS: Readonly<Record<string, string>> = { i: "i", s: "s", m: "m", u: "", d: "" };
/** Backslash-letter escapes that mean the same in both engines. */
const SHARED_ESCAPES = new Set("tnrfcdDsSwWbBxuk");
/** Java escapes JavaScript spells differently. */
const REWRITTEN_ESCAPES: Readonly<Record<string, string>> = { a: "\\x07", e: "\\x1B" };

/**
 * Rewrites the Java-only parts of a regex that JavaScript spells differently: leading inline
 * flags (`(?i)`, `(?s)`, `(?m)`; `(?u)` and `(?d)` are accepted and have no effect), `\Q…\E`
 * quoting, the `\A`, `\z`, `\Z` anchors and the `\a`, `\e` escapes. A letter escape JavaScript
 * would read differently (`\p{…}`, `\h`, `\v`, `\R`, `\G`, …) is refused rather than silently
 * matched as a plain letter. Everything else is passed to JavaScript as written.
 */
function translate(source: string): { body: string; flags: string } {
  let rest = source;
  let flags = "";
  for (let match = INLINE_FLAGS.exec(rest); match !== null; match = INLINE_FLAGS.exec(rest)) {
    for (const flag of match[1]!) {
      const js = JS_FLAGS[flag];
      if (js === undefined) throw new SyntaxError(`Inline flag (?${flag}) is not supported`);
      if (!flags.includes(js)) flags += js;
    }
    rest = rest.slice(match[0].length);
  }
  let body = "";
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i]!;
    if (char !== "\\") {
      if (char === "[") inClass = true;
      else if (char === "]") inClass = false;
      body += char;
      continue;
    }
    const next = rest[i + 1];
    if (next === "Q") {
      const end = rest.indexOf("\\E", i + 2);
      const quoted = end === -1 ? rest.slice(i + 2) : rest.slice(i + 2, end);
      body += quoted.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
      i = end === -1 ? rest.length : end + 1;
    } else if (!inClass && next === "A") {
      body += "(?<![\\s\\S])";
      i++;
    } else if (!inClass && next === "z") {
      body += "(?![\\s\\S])";
      i++;
    } else if (!inClass && next === "Z") {
      body += "(?=\\n?(?![\\s\\S]))";
      i++;
    } else if (next !== undefined && REWRITTEN_ESCAPES[next] !== undefined) {
      body += REWRITTEN_ESCAPES[next];
      i++;
    } else if (next !== undefined && /[a-zA-Z]/.test(next) && !SHARED_ESCAPES.has(next)) {
      throw new SyntaxError(`The escape \\${next} is not supported`);
    } else {
      body += char + (next ?? "");
      i++;
    }
  }
  return { body, flags };
}

/**
 * A Java regular expression (`java.util.regex.Pattern`) run on JavaScript's engine, with Java's
 * `matches()` (the whole input must match) and `replaceFirst` semantics. The syntax the two
 * engines share (classes, groups, named groups, look-arounds, lazy quantifiers, back
 * references) behaves the same; Java-only syntax beyond what `translate` rewrites (possessive
 * quantifiers, atomic groups, mid-pattern flags) is refused at compile time. Immutable and
 * stateless between calls, so one instance may serve every record of a task.
 */
export class JavaPattern {
  private constructor(
    /** The Java source as configured. */
    readonly pattern: string,
    private readonly whole: RegExp,
    private readonly first: RegExp,
    /** The number of capturing groups. */
    readonly groupCount: number,
    private readonly groupNames: ReadonlySet<string>,
  ) {}

  /** Compiles `pattern`. @throws SyntaxError with the engine's reason when it is not a valid regex. */
  static compile(pattern: string): JavaPattern {
    const { body, flags } = translate(pattern);
    const first = new RegExp(body, flags);
    const whole = new RegExp(`(?<![\\s\\S])(?:${body})(?![\\s\\S])`, flags);
    const probe = new RegExp(`(?:${body})|`, flags).exec("")!;
    return new JavaPattern(pattern, whole, first, probe.length - 1, new Set(Object.keys(probe.groups ?? {})));
  }

  /** True when the whole of `text` matches (Java's `Matcher.matches()`). */
  matches(text: string): boolean {
    return this.whole.test(text);
  }

  /**
   * Parses a replacement as Java's `Matcher.appendReplacement` reads it: `$n` (as many digits as
   * still name an existing group), `${name}`, and `\` escaping the next character.
   * @throws SyntaxError with Java's message for a bad reference or a dangling escape.
   */
  compileReplacement(replacement: string): JavaReplacement {
    const parts: ReplacementPart[] = [];
    let literal = "";
    for (let i = 0; i < replacement.length; i++) {
      const char = replacement[i]!;
      if (char === "\\") {
        if (i + 1 >= replacement.length) throw new SyntaxError("character to be escaped is missing");
        literal += replacement[++i];
        continue;
      }
      if (char !== "$") {
        literal += char;
        continue;
      }
      if (i + 1 >= replacement.length) throw new SyntaxError("Illegal group reference: group index is missing");
      let group: number | string;
      if (replacement[i + 1] === "{") {
        const end = replacement.indexOf("}", i + 2);
        const name = end === -1 ? "" : replacement.slice(i + 2, end);
        if (end === -1 || !/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) throw new SyntaxError("named capturing group is missing trailing '}'");
        if (!this.groupNames.has(name)) throw new SyntaxError(`No group with name {${name}}`);
        group = name;
        i = end;
      } else {
        const digit = replacement.charCodeAt(i + 1) - 48;
        if (digit < 0 || digit > 9) throw new SyntaxError("Illegal group reference");
        if (digit > this.groupCount) throw new SyntaxError(`No group ${digit}`);
        let number = digit;
        i++;
        while (i + 1 < replacement.length) {
          const more = replacement.charCodeAt(i + 1) - 48;
          if (more < 0 || more > 9 || number * 10 + more > this.groupCount) break;
          number = number * 10 + more;
          i++;
        }
        group = number;
      }
      if (literal !== "") parts.push(literal);
      literal = "";
      parts.push({ group });
    }
    if (literal !== "") parts.push(literal);
    return { parts };
  }

  /**
   * Java's `replaceFirst`: the first match found from the start of `text` is replaced by the
   * expanded replacement (a group that did not take part expands to nothing); without a match,
   * `text` is returned unchanged.
   */
  replaceFirst(text: string, replacement: JavaReplacement): string {
    const match = this.first.exec(text);
    if (match === null) return text;
    const expanded = replacement.parts
      .map((part) => (typeof part === "string" ? part : ((typeof part.group === "number" ? match[part.group] : match.groups?.[part.group]) ?? "")))
      .join("");
    return text.slice(0, match.index) + expanded + text.slice(match.index + match[0].length);
  }
}
