package io.flytemigrate.cli;

import java.util.Locale;

/** How {@code inspect} prints the pipeline on stdout. */
enum OutputFormat {
  /** The indented text of {@link io.flytemigrate.ir.print.IrPrinter}. */
  TEXT,
  /** The JSON of {@link io.flytemigrate.ir.print.IrJson}. */
  JSON;

  /** The spelling used on the command line and in help. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
