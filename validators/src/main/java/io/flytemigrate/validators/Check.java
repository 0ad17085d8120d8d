package io.flytemigrate.validators;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.DiagnosticSink;

/**
 * One rule about a pipeline, named for what it requires ({@code NoDependencyCycles}). A check
 * reports every violation it finds to the sink and keeps going; it never throws on bad input and
 * never reports under a code other than its own.
 */
public interface Check {
  /** The code every finding of this check carries; its docs page names the Flyte equivalent. */
  Code code();

  /** Reports every violation of the rule in {@code pipeline}, in any order. */
  void run(Pipeline pipeline, DiagnosticSink sink);
}
