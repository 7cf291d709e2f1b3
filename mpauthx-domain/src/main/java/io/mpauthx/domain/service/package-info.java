/**
 * The use cases of SPEC §4, implemented against the outgoing ports. Package-private services behind the
 * public {@link io.mpauthx.domain.service.UseCases} factory.
 */
package io.mpauthx.domain.service;
