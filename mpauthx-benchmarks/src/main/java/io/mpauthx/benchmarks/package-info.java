/**
 * Outside the hexagon: a load driver and JMH benchmarks that measure the assembled library ({@code MpAuthX} on a real
 * redis-server, a SQLite file and the WeChat sandbox) and print every figure next to a physical limit measured in
 * the same run. Run by {@link io.mpauthx.benchmarks.BenchmarkSuite}; see the module's README.
 */
package io.mpauthx.benchmarks;
