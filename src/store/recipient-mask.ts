// How a message's recipient is shown where its address must not be: log lines (notifications/
// log-safe.ts) and the delivery log the retention job keeps (compactMessages). Pure, shared by both.

/** budi@kalbarprov.go.id → b***@kalbarprov.go.id; +6281234567890 → +62*******890. */
export function maskRecipient(to: string): string {
  const at = to.lastIndexOf('@');
  if (at > 0) return `${to[0]}***${to.slice(at)}`;
  if (to.length <= 6) return '*'.repeat(to.length);
  return `${to.slice(0, 3)}${'*'.repeat(to.length - 6)}${to.slice(-3)}`;
}
