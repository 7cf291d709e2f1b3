/**
 * Real parts for tests of mpauthx and of its users' backends: no mocks, real processes and real sockets on
 * loopback. Outside the hexagon; depends on the domain (and the bootstrap where a fixture needs a facade).
 */
package io.mpauthx.testkit;
