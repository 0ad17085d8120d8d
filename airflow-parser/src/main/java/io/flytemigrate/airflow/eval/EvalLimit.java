package io.flytemigrate.airflow.eval;

/**
 * Thrown when a {@link Budget} limit is reached; caught where the construct started, which is
 * reported and skipped. Carries no stack trace: it is control flow, not a bug.
 */
final class EvalLimit extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The innermost statement that was running, set as the exception passes it. */
  io.flytemigrate.ir.diag.Span span;

  EvalLimit(String message) {
    super(message, null, false, false);
  }
}
