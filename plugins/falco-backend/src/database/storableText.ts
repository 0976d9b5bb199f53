const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as both databases store it alike. PostgreSQL's text cannot hold NUL, so NUL is
 * written as the six visible characters `\u0000` (an analyst should see that something
 * was hidden there). A lone UTF-16 surrogate has no UTF-8 form; both drivers would turn
 * it into U+FFFD on their own, this does it before either sees it. JSON columns need
 * neither: JSON.stringify escapes both.
 */
export function storableText(value: string): string;
export function storableText(value: string | null): string | null;
export function storableText(value: string | null): string | null {
  if (value === null) return null;
  return value.replaceAll('\u0000', '\\u0000').replace(LONE_SURROGATE, '\uFFFD');
}
