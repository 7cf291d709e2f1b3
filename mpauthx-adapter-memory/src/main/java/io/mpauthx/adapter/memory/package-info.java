/**
 * Driven adapters kept in process memory: a {@link io.mpauthx.domain.port.out.TokenStore} and a
 * {@link io.mpauthx.domain.port.out.UserRepository} for a single process, reached through
 * {@link io.mpauthx.adapter.memory.InMemoryAdapters}. Depends on the domain only.
 */
package io.mpauthx.adapter.memory;
