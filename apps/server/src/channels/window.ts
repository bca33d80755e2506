// WhatsApp's customer-service window: free-form and interactive messages are allowed for 24 hours
// after the person last wrote; after that only an approved template may be sent.
export const WHATSAPP_WINDOW_HOURS = 24;

/**
 * Open when the person wrote less than 24 hours ago, less a margin (default one hour) so that a
 * message queued near the end does not reach Meta after the window closed.
 */
export function windowOpen(lastInboundAt: Date | undefined, now: Date, marginMinutes = 60): boolean {
  if (!lastInboundAt) return false;
  const closesAt = lastInboundAt.getTime() + WHATSAPP_WINDOW_HOURS * 3_600_000 - marginMinutes * 60_000;
  return now.getTime() >= lastInboundAt.getTime() && now.getTime() < closesAt;
}
