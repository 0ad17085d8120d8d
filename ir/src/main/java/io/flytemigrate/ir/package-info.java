/**
 * The typed intermediate representation every reader produces and every check and writer reads:
 * immutable records and sealed interfaces, every node with a {@link io.flytemigrate.ir.diag.Span}.
 *
 * <p>Deliberately absent: IO, YAML, JSON libraries and protobuf. Serialisation to text and JSON is
 * in {@link io.flytemigrate.ir.print}; formats live at the edges.
 */
package io.flytemigrate.ir;
