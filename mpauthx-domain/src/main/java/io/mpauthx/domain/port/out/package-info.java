/**
 * Outgoing ports: what the domain needs from the world (token storage, user storage, WeChat, decryption).
 * Adapters implement them; the domain never names an adapter.
 */
package io.mpauthx.domain.port.out;
