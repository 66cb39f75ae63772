/** Where to go after signing in. Only same-app paths: `?next=//evil.example` must not become an open redirect. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/signin") || next.startsWith("/signup")) return "/";
  return next;
}
