package io.flytemigrate.ir.spi;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import java.util.List;

/** Turns one source format into the IR. Does no IO: the caller hands in the text. */
public interface PipelineReader {
  /** The format's name, e.g. {@code kfp-v2}. */
  String format();

  /** Whether this reader recognises the text, judged by content, not by file name. */
  boolean accepts(SourceFile source);

  /** A pipeline (possibly partial) plus diagnostics; never throws on bad input. */
  Outcome<Pipeline> read(SourceFile source);

  /**
   * Every pipeline of the text, for formats where one file may hold several (an Airflow file
   * declaring several DAGs); by default the one {@link #read} returns.
   */
  default Outcome<List<Pipeline>> readAll(SourceFile source) {
    Outcome<Pipeline> one = read(source);
    return new Outcome<>(one.value().map(List::of), one.diagnostics());
  }
}
