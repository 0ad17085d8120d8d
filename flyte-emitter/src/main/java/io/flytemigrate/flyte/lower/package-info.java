/**
 * Lowers one IR {@link io.flytemigrate.ir.Pipeline} into the Flyte-shaped model of {@link
 * io.flytemigrate.flyte.model}, once, for every writer. One small class per concern (names, types,
 * values, container commands, Python function sources, images, settings, pod templates, tasks,
 * graphs and bindings, conditions, loops, exit handlers, launch plans, versions), each recording
 * what it did to every IR element as a {@link io.flytemigrate.ir.parity.ParityEntry}: EXACT,
 * APPROXIMATED or DROPPED with a reason, so nothing is lost silently.
 *
 * <p>No IO, no clock, no protobuf and no Python text here; iteration is in source order or sorted,
 * so the same pipeline always lowers to the same model.
 */
package io.flytemigrate.flyte.lower;
