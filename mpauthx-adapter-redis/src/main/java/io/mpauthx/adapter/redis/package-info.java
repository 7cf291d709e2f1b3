/**
 * Driven adapter: the production {@link io.mpauthx.domain.port.out.TokenStore} on Redis, with Lettuce. Public are
 * only {@link io.mpauthx.adapter.redis.RedisAdapters} (the factory),
 * {@link io.mpauthx.adapter.redis.RedisSettings} and {@link io.mpauthx.domain.NearCacheSettings} (the optional
 * near cache of checks, a decorator of the store, on one server only); everything Lettuce stays behind the port.
 * Atomic writes are Lua scripts, kept as resources beside this package. One server, Sentinel and Redis Cluster are
 * served by the same store over the commands their Lettuce connections share.
 */
package io.mpauthx.adapter.redis;

import io.mpauthx.domain.NearCacheSettings;
