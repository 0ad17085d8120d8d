package io.flytemigrate.bench;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One named step of the conversion path (load, read, validate, emit, ...), timed on its own by
 * the harness so a slow step shows up by name without a profiler.
 *
 * @param step turns what the earlier steps produced into what the later ones see; it must not
 *     throw on bad input (the product's readers and checks report diagnostics instead)
 */
public record Stage(String name, UnaryOperator<Work> step) {
  public Stage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(step, "step");
  }

  /**
   * Runs the step, unless an earlier one threw. A step that throws (an exception, or a stack
   * overflow on a deep input) is recorded in {@link Work#failure()}: the harness counts it as a
   * crash instead of stopping.
   */
  public Work apply(Work work) {
    if (work.failure().isPresent()) {
      return work;
    }
    try {
      return step.apply(work);
    } catch (RuntimeException | StackOverflowError e) {
      return work.failed(name, e);
    }
  }

  /**
   * A step that works on the pipeline read so far and is skipped when there is none: the shape
   * of every stage after reading. Whatever {@code f} returns is accounted for: an {@link Outcome}
   * adds its diagnostics and accounts for its value, a list of {@link Diagnostic}s adds them,
   * text counts its characters, a collection its items; anything else counts as one.
   */
  public static Stage onPipeline(String name, Function<Pipeline, ?> f) {
    return new Stage(name, w -> w.pipeline().isEmpty() ? w : account(w, f.apply(w.pipeline().get())));
  }

  private static Work account(Work w, Object result) {
    if (result instanceof Outcome<?> o) {
      Work withFindings = w.withDiagnostics(o.diagnostics());
      return o.value().isPresent() ? account(withFindings, o.value().get()) : withFindings;
    }
    if (result instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Diagnostic) {
      return w.withDiagnostics(l.stream().map(Diagnostic.class::cast).toList());
    }
    if (result instanceof CharSequence s) {
      return w.plusProduced(s.length());
    }
    if (result instanceof Collection<?> c) {
      return w.plusProduced(c.size());
    }
    return w.plusProduced(1);
  }
}
