/**
 * `text` an outside system sent back, without the credentials the portal sent it: a
 * gateway may quote the request's headers in its error, and the message is logged,
 * stored as the source's last error and shown on the cost pages. Each value is removed
 * whole, and so is its last word (the token of `Bearer <token>`).
 */
export function withoutCredentials(text: string, credentials: Array<string | undefined>): string {
  let result = text;
  for (const value of credentials) {
    if (!value) continue;
    for (const part of new Set([value, value.trim().split(/\s+/).pop() ?? ''])) {
      // Shorter values (a tenant id) are no credential, and would blank out ordinary words.
      if (part.length >= 6) result = result.split(part).join('<redacted>');
    }
  }
  return result;
}
