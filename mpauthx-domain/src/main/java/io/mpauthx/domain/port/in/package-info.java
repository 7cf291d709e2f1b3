/**
 * Incoming ports: the use cases the facade calls, and the commands they take.
 */
package io.mpauthx.domain.port.in;
