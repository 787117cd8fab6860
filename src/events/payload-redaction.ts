/**
 * Keys whose values never enter the event log, at any depth: confidential text (OSL 31 kap.
 * 16 §, readable only by the recording organisation) and token secrets. The log is read by
 * other organisations (a follow-up's history, subscriptions) and by ADMINs (the audit log), so
 * a payload may name such a field as changed but must not carry its value. Services already
 * leave them out; this is the net under them, for payloads built from whole inputs.
 */
const SECRET_KEYS = /^(confidential.*|token|tokenHash|secret|password)$/i;

export const REDACTED = '[redacted]';

/** A copy of `payload` with the value of every secret key replaced by REDACTED. */
export function redactPayload<T>(payload: T): T {
  if (Array.isArray(payload)) return payload.map((item) => redactPayload(item)) as T;
  if (payload === null || typeof payload !== 'object') return payload;
  return Object.fromEntries(
    Object.entries(payload as Record<string, unknown>).map(([key, value]) => [
      key,
      SECRET_KEYS.test(key) && value !== null && value !== undefined ? REDACTED : redactPayload(value),
    ]),
  ) as T;
}
