/**
 * Diagnostics shared by every module: spans, codes, findings and their renderers.
 *
 * <p>Deliberately absent: IO. Renderers return strings; the cli decides where they go.
 */
package io.flytemigrate.ir.diag;
