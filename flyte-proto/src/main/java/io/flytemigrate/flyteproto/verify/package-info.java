/**
 * Read-back verification: re-reads a package's bytes (gunzip, untar, parse every {@code .pb} by its
 * suffix with the flyteidl classes) and checks it against the IR of the source pipeline, as an
 * independent second opinion on the writers. Every source task must be a node whose metadata
 * name is the task's name (or be reported as DROPPED), every data and ordering edge must be
 * wired, bindings must be type-compatible by the Flyte compiler's casting rules, conditions,
 * loops and exit handlers must keep their structure, and the pipeline's parameters and defaults
 * must be in the default launch plan.
 *
 * <p>Deliberately shares no code with the writers: nothing here uses the Flyte-shaped model
 * ({@code io.flytemigrate.flyte.model}) or the {@code write} and {@code pack} packages (a test
 * enforces it), so a mistake in one is not repeated in the other. The tar reader, the
 * fast-tarball digest and the index-width rule are implemented again here on purpose. No IO:
 * the caller hands in the bytes.
 */
package io.flytemigrate.flyteproto.verify;
