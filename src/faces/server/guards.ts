/**
 * The local server's safety rules, as small pure checks the app applies: Host names (DNS rebinding),
 * content types, JSON nesting depth and the security headers of every response.
 * @module
 */

/** Deepest JSON nesting accepted (a real scenario nests 4 levels; 20,000 would exhaust recursion later). */
export const maxJsonDepth = 64;

/** Deepest nesting of `text` as JSON, scanning brackets outside strings; stops early past `limit`. */
export function jsonDepth(text: string, limit = maxJsonDepth): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** True for application/json and application/<anything>+json, with or without parameters. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(";", 1)[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

/** The host name of a Host header ("127.0.0.1:5178" → "127.0.0.1", "[::1]:80" → "::1"), lower case. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    return end > 0 ? h.slice(1, end) : undefined;
  }
  const colon = h.indexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}

/** Addresses that mean "every interface": the server cannot know its public names then. */
export const wildcardHosts: ReadonlySet<string> = new Set(["0.0.0.0", "::", "[::]", ""]);

/** Names a server bound to `host` answers to: the host itself and the loopback names. */
export function allowedHostNames(host: string, extra: readonly string[] = []): string[] {
  const names = new Set(["localhost", "127.0.0.1", "::1", ...extra.map((h) => hostName(h) ?? h)]);
  if (!wildcardHosts.has(host)) names.add(hostName(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host) ?? host);
  return [...names];
}

/** An IPv4 or IPv6 literal (a Host header naming an address, not a DNS name that could be rebound). */
export function isIpLiteral(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || (name.includes(":") && /^[0-9a-f:.]+$/.test(name));
}

/** Headers on every response: no sniffing, no framing, no referrer, and a page that loads only its own code. */
export const securityHeaders: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};
