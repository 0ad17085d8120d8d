/**
 * The benchmark harness: measures the real conversion path (batch over a corpus, one CLI call,
 * synthetic pipelines by size, and the parse-only floor) and checks the performance targets.
 *
 * <p>Unlike every module below {@code cli}, this package reads files, the clock, processes and
 * the JVM's memory beans: measuring them is its purpose. Nothing in the product depends on it.
 */
package io.flytemigrate.bench;
