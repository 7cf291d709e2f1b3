package io.mpauthx.domain.port.out;

/**
 * What a {@link TokenStore} can tell about itself for metrics. A store implements it only when it has something
 * to tell; the numbers are read when a metrics registry asks for them, never on the hot path.
 */
public interface TokenStoreStatistics {

    /** @return true when checks go through a near cache, whose hits and misses the next two methods count */
    boolean hasNearCache();

    /** @return checks answered from the store's near cache since it was opened; 0 for a store without one */
    long nearCacheHits();

    /** @return checks the near cache could not answer and passed to the server; 0 for a store without one */
    long nearCacheMisses();

    /** @return connections to the server that are open right now (a store on a cluster counts its one client) */
    int openConnections();
}
