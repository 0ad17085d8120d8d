package io.flytemigrate.airflow.eval;

/**
 * Bounds on the work one file may cause, so that a hostile or accidental {@code range(10**9)} or
 * endless recursion ends with a diagnostic instead of hanging the reader. The limits are far
 * above what real DAG files need (the largest corpus file takes a few thousand steps).
 */
final class Budget {
  static final int MAX_STEPS = 2_000_000;
  static final int MAX_CALL_DEPTH = 64;
  static final int MAX_EXPRESSION_DEPTH = 400;
  static final int MAX_ITERATIONS = 100_000;
  static final int MAX_COLLECTION = 1_000_000;

  private long steps;
  private int callDepth;
  private int expressionDepth;

  /** Counts one unit of work; throws {@link EvalLimit} past the limit. */
  void step(String where) {
    if (++steps > MAX_STEPS) {
      throw new EvalLimit("the file needs more than " + MAX_STEPS + " evaluation steps (" + where + ")");
    }
  }

  void enterCall(String name) {
    if (++callDepth > MAX_CALL_DEPTH) {
      callDepth--;
      throw new EvalLimit("calls nest deeper than " + MAX_CALL_DEPTH + " levels (in `" + name + "`)");
    }
  }

  void exitCall() {
    callDepth--;
  }

  void enterExpression() {
    if (++expressionDepth > MAX_EXPRESSION_DEPTH) {
      expressionDepth--;
      throw new EvalLimit("an expression nests deeper than " + MAX_EXPRESSION_DEPTH + " levels");
    }
  }

  void exitExpression() {
    expressionDepth--;
  }
}
