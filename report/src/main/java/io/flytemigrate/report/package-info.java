/**
 * Renders what a conversion did for people and for CI: the parity report of each pipeline (JSON,
 * Markdown with Mermaid, self-contained HTML with inline SVG) and the batch results
 * ({@code summary.json}, the batch {@code report.md}, JUnit XML, SARIF 2.1.0).
 *
 * <p>Every writer takes records and returns a string: no IO, no clock, no environment, so the
 * output is byte-identical whatever the order or parallelism of the conversion. The inputs are the
 * IR types ({@code ParityReport}, {@code Diagnostic}, {@code Pipeline}) plus a few records of this
 * package ({@link io.flytemigrate.report.Dag}, {@link io.flytemigrate.report.InputResult},
 * {@link io.flytemigrate.report.BatchResult}); knowledge of input formats is deliberately absent.
 */
package io.flytemigrate.report;
