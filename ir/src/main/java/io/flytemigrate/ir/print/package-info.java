/**
 * Deterministic text and JSON forms of the IR. The text form is the readers' golden format (like
 * {@code pandoc -t native}); the JSON form is for tools. Both walk the records generically, so a
 * field added to the model is printed without anyone remembering to print it.
 */
package io.flytemigrate.ir.print;
