/** The contracts between the cli and the readers: text in, IR plus diagnostics out, no IO. */
package io.flytemigrate.ir.spi;
