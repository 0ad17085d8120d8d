/**
 * JMH benchmarks of the same paths the harness measures, for steady-state numbers with JMH's
 * forking and warm-up, and allocation per operation with {@code -prof gc}. They run only through
 * {@code bench/run jmh}, never in the Maven test phase.
 */
package io.flytemigrate.bench.jmh;
