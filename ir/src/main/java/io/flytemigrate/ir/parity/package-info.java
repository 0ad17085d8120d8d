/**
 * What became of each source element in the translation: the data behind the parity report.
 * Emitters produce it; the report module renders it. No IO here.
 */
package io.flytemigrate.ir.parity;
