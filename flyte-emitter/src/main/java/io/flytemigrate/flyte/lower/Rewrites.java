package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.Pipeline;

/**
 * The IR-to-IR rewrites the lowering runs first, in order: fields of loop items lifted to the
 * loop ({@link ItemFields}), loop items given as JSON text to inputs that take text
 * ({@link ItemTexts}), and Airflow's logical-date template values computed by small tasks
 * ({@link LogicalDates}). Each keeps the pipeline's meaning and makes it say what Flyte needs
 * said explicitly.
 */
final class Rewrites {
  private Rewrites() {}

  /**
   * The rewritten pipeline. With {@code --python-components container} the logical-date values
   * are left as they are: their tasks would be Python tasks, which that option rules out.
   */
  static Pipeline apply(Pipeline p, LoweringOptions options) {
    Pipeline lifted = ItemTexts.rewrite(ItemFields.lift(p));
    return options.pythonComponents() == LoweringOptions.PythonComponents.CONTAINER ? lifted
        : LogicalDates.rewrite(lifted);
  }
}
