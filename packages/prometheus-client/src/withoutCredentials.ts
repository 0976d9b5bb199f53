/**
 * `text` Prometheus (or a proxy in front of it) sent back, without the credentials this
 * client sent: a gateway may quote the request's headers in its error, and the message
 * is logged, stored with the SLO's status and shown. Each header value is removed whole,
 * and so is its last word (the token of `Bearer <token>`).
 */
export function withoutCredentials(text: string, headers: Record<string, string> | undefined): string {
  let result = text;
  for (const value of Object.values(headers ?? {})) {
    for (const part of new Set([value, value.trim().split(/\s+/).pop() ?? ''])) {
      // Shorter values (a tenant id) are no credential, and would blank out ordinary words.
      if (part.length >= 6) result = result.split(part).join('<redacted>');
    }
  }
  return result;
}
