/** Only a path on this service: never an absolute URL, so sign-in cannot be used to send people elsewhere. */
export function safeReturnTo(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : undefined;
}
