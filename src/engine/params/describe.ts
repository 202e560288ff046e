/**
 * Showing a user's value inside a one-line error message. Whatever arrives (a 200,000-character string, a
 * list nested 100,000 deep, a cycle, NaN, a key with a newline in it), the result is short, fits on one
 * line and is computed without walking more of the value than it shows, and these functions never throw:
 * an error message must not itself fail. The config validator, the CLI and the URL codec share them.
 */

/** How much of a value an error message shows by default: enough to recognise it. */
export const SHOWN_CHARS = 40;
const MAX_DEPTH = 3;
const ELLIPSIS = '…';

// Characters that would break a line or reorder a terminal's text: C0/C1 controls, DEL, the Unicode line
// and paragraph separators, bidirectional overrides and isolates, zero-width marks, the BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex4 = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

/**
 * The characters of `text` as escaped tokens (one per code point), stopping once `budget` characters
 * are produced, so a huge string costs no more than what is shown. Lone surrogates are escaped too.
 */
function escapedTokens(text: string, quote: string, budget: number): { tokens: string[]; complete: boolean } {
  const tokens: string[] = [];
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    if (used > budget) return { tokens, complete: false };
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    let token: string;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      token = low >= 0xdc00 && low <= 0xdfff ? text.slice(i, ++i + 1) : hex4(code);
    } else if (code >= 0xd800 && code <= 0xdfff) token = hex4(code);
    // Unquoted text (a file name) keeps its backslashes: only quoted text needs them unambiguous.
    else if (quote && (ch === quote || ch === '\\')) token = `\\${ch}`;
    else if (UNSAFE.test(ch)) token = SHORT_ESCAPES[ch] ?? hex4(code);
    else token = ch;
    tokens.push(token);
    used += token.length;
  }
  return { tokens, complete: true };
}

/**
 * Collects output tokens until more than `max` characters are written; the text then drops whole tokens
 * (never half an escape) until the ellipsis fits.
 */
class Budget {
  private readonly parts: string[] = [];
  private used = 0;
  full = false;

  constructor(private readonly max: number) {}

  write(token: string): void {
    if (this.full) return;
    this.parts.push(token);
    this.used += token.length;
    if (this.used > this.max) this.full = true;
  }

  text(): string {
    if (!this.full) return this.parts.join('');
    while (this.parts.length && this.used > this.max - ELLIPSIS.length)
      this.used -= (this.parts.pop() as string).length;
    return `${this.parts.join('')}${ELLIPSIS}`;
  }
}

function writeString(out: Budget, text: string, quote: string, max: number): void {
  out.write(quote);
  const { tokens, complete } = escapedTokens(text, quote, max);
  for (const token of tokens) out.write(token);
  if (!complete) out.full = true;
  else out.write(quote);
}

function writeNumber(out: Budget, n: number): void {
  // JSON.stringify shows NaN and ±Infinity as null, which hides what was wrong.
  out.write(Object.is(n, -0) ? '-0' : String(n));
}

function writeValue(out: Budget, value: unknown, depth: number, seen: Set<object>, max: number): void {
  if (out.full) return;
  switch (typeof value) {
    case 'string':
      return writeString(out, value, '"', max);
    case 'number':
      return writeNumber(out, value);
    case 'bigint':
      return out.write(`${value}n`);
    case 'boolean':
      return out.write(String(value));
    case 'undefined':
      return out.write('undefined');
    case 'symbol':
      out.write('Symbol(');
      writeString(out, value.description ?? '', '', max);
      return out.write(')');
    case 'function':
      return out.write('a function');
  }
  if (value === null) return out.write('null');
  const object = value as object;
  if (seen.has(object)) return out.write('[circular]');
  const isArray = Array.isArray(object);
  if (!isArray && !isPlainObject(object)) return out.write(Object.prototype.toString.call(object));
  if (depth >= MAX_DEPTH) return out.write(isArray ? `[${ELLIPSIS}]` : `{${ELLIPSIS}}`);
  seen.add(object);
  out.write(isArray ? '[' : '{');
  let first = true;
  if (isArray) {
    for (let i = 0; i < object.length && !out.full; i++) {
      if (!first) out.write(',');
      first = false;
      writeValue(out, object[i], depth + 1, seen, max);
    }
  } else {
    for (const key in object) {
      if (out.full) break;
      if (!Object.hasOwn(object, key)) continue;
      if (!first) out.write(',');
      first = false;
      writeString(out, key, '"', max);
      out.write(':');
      writeValue(out, (object as Record<string, unknown>)[key], depth + 1, seen, max);
    }
  }
  out.write(isArray ? ']' : '}');
  seen.delete(object);
}

function isPlainObject(object: object): boolean {
  const proto: unknown = Object.getPrototypeOf(object);
  return proto === null || proto === Object.prototype;
}

/**
 * A value as JSON-like text of at most `maxChars` characters (cut with '…'), on one line: strings quoted
 * with control characters escaped, NaN and ±Infinity by name, nesting beyond three levels as […], cycles
 * as [circular]. Never throws.
 */
export function describeValue(value: unknown, maxChars: number = SHOWN_CHARS): string {
  try {
    const out = new Budget(Math.max(2, maxChars));
    writeValue(out, value, 0, new Set(), maxChars);
    return out.text();
  } catch {
    // A getter or proxy that throws: the message still has to be written.
    return 'a value that cannot be shown';
  }
}

/** A text (an object key, a path, a file name) escaped onto one line and cut to `maxChars`, unquoted. */
export function oneLine(text: string, maxChars: number = SHOWN_CHARS): string {
  const out = new Budget(Math.max(2, maxChars));
  const { tokens, complete } = escapedTokens(text, '', maxChars);
  for (const token of tokens) out.write(token);
  if (!complete) out.full = true;
  return out.text();
}

/** An object key in single quotes, as unknown-field messages name them: 'stepz'. */
export const quoteKey = (key: string, maxChars: number = SHOWN_CHARS): string => {
  const out = new Budget(Math.max(3, maxChars));
  writeString(out, key, "'", maxChars);
  return out.text();
};

/** A few names in single quotes, then how many more: 'a', 'b', 'c' and 9,997 more. */
export function quoteKeys(keys: readonly string[], shown = 3): string {
  const listed = keys.slice(0, shown).map((k) => quoteKey(k));
  const rest = keys.length - listed.length;
  return rest > 0 ? `${listed.join(', ')} and ${rest.toLocaleString('en-US')} more` : listed.join(', ');
}

const PLAIN_SEGMENT = /^[A-Za-z_$][\w$-]{0,39}$/;

/** One segment of a field path: plain names as they are, others quoted ("a\nb"), indices as [2]. */
export function pathSegment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return PLAIN_SEGMENT.test(key) ? key : describeValue(key, 30);
}
