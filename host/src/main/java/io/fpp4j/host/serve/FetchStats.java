package io.fpp4j.host.serve;

/**
 * What a backend fetched, for the summary. What it served (preimages, bytes, hints) is counted once, by the
 * {@link io.fpp4j.preimage.PreimageServer} that served it.
 *
 * @param fetches handler runs (each attempt counts)
 * @param failedFetches handler runs that threw
 * @param retries waits before another attempt
 * @param preimagesFetched values handlers stored
 * @param bytesFetched bytes of those values
 */
public record FetchStats(long fetches, long failedFetches, long retries, long preimagesFetched,
                         long bytesFetched) {
  public static final FetchStats NONE = new FetchStats(0, 0, 0, 0, 0);
}
