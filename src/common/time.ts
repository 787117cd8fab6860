/** Now as an ISO-8601 UTC timestamp: how every timestamp is stored, on both engines. */
export const nowIso = (): string => new Date().toISOString();

/** Today's date (UTC) as YYYY-MM-DD. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);
