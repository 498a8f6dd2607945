// The one canonical form of a login identifier (an e-mail address), used wherever an address is a
// key: the store's lookups and inserts, the login strategy and rate limits, sign-up and password reset.

/**
 * Unicode NFKC (full-width and compatibility characters fold to their plain form), surrounding
 * white space of any kind removed, lower case. Two inputs a person would call "the same address"
 * give one key, so neither a rate limit nor a lookup can be split by spelling variants.
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}
