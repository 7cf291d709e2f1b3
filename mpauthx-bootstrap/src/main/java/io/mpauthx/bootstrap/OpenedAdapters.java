package io.mpauthx.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The adapters the module's providers opened, so that a wiring that fails half-way (SQLite unopenable after
 * Redis connected) closes what it already opened instead of leaking a connection.
 */
final class OpenedAdapters {

    private static final Logger LOG = LoggerFactory.getLogger(OpenedAdapters.class);

    private final Deque<Object> opened = new ArrayDeque<>();

    synchronized <T> T register(T adapter) {
        opened.push(adapter);
        return adapter;
    }

    /** Closes every registered adapter, most recently opened first. */
    synchronized void closeAll() {
        while (!opened.isEmpty()) {
            if (opened.pop() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception failure) {
                    LOG.warn("closing {} after a failed start failed", closeable.getClass().getName(), failure);
                }
            }
        }
    }
}
