/**
 * True when an error means the database cannot be reached right now (PostgreSQL restarting or
 * refusing connections, a connection cut, the pool timing out; SQLite still locked by another
 * process after every retry): the request may succeed if the client tries again shortly.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = typeof current.code === 'string' ? current.code : '';
    // PostgreSQL class 08 (connection exception) and 57P01–57P03 (shutdown, crash, cannot connect now).
    if (/^08\d{3}$|^57P0[1-3]$|^ECONNREFUSED$|^ECONNRESET$|^ETIMEDOUT$|^EPIPE$|^SQLITE_BUSY/.test(code)) return true;
    // TypeORM's answer when the connection of a transaction died under it (it cannot even roll back).
    if ((current as { name?: unknown }).name === 'QueryRunnerAlreadyReleasedError') return true;
    const message = typeof current.message === 'string' ? current.message : '';
    if (
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down)/i.test(
        message,
      )
    )
      return true;
    current = (current.driverError ?? current.cause) as typeof current;
  }
  return false;
}
