/**
 * The use cases of the contract (docs/contract.md), implemented against the outgoing ports. Package-private services behind the
 * public {@link io.mpauthx.domain.service.UseCases} factory.
 */
package io.mpauthx.domain.service;
