import autocannon from 'autocannon';

export interface LoadResult {
  medianMs: number;
  p99Ms: number;
  requestsPerSecond: number;
  errors: number;
}

/** Concurrent load on one URL over loopback, after a short warm-up. */
export async function load(
  url: string,
  headers: Record<string, string> = {},
  seconds = 5,
  connections = 50,
): Promise<LoadResult> {
  await autocannon({ url, headers, connections, duration: 1 });
  // Let the server finish what the warm-up left in flight: 50 new connections arriving while it is
  // still saturated wait seconds to be read, a tail that belongs to the harness, not the page.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: result.requests.average,
    // A request that timed out is an error too: under overload autocannon counts only timeouts.
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
