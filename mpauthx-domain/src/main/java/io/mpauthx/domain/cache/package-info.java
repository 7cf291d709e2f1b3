/**
 * The near cache of token checks, without I/O: which answers may be served and for how long. The token store
 * adapters keep it honest, each with its server's own invalidation channel (Redis client tracking, PostgreSQL
 * {@code LISTEN/NOTIFY}).
 */
package io.mpauthx.domain.cache;
