package io.flytemigrate.airflow.model;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Python function as the IR needs it: its name, exact source text and signature. A function
 * imported from another module has no source.
 *
 * @param source the function definition as written (decorators excluded), dedented to column 1;
 *     empty for imported functions
 * @param module for an imported function, the module it comes from
 * @param lambda whether it is a {@code lambda} expression
 * @param returns the return annotation as written, if any
 * @param doc the docstring, if any
 */
public record PyFunction(
    String name,
    Optional<String> source,
    Span span,
    List<PyParam> params,
    Optional<String> returns,
    Optional<String> doc,
    boolean lambda,
    Optional<String> module) {
  public PyFunction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(span, "span");
    params = List.copyOf(params);
    Objects.requireNonNull(returns, "returns");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(module, "module");
  }

  /** A function known only by name, imported from {@code module}. */
  public static PyFunction imported(String name, String module, Span span) {
    return new PyFunction(name, Optional.empty(), span, List.of(), Optional.empty(), Optional.empty(), false,
        Optional.of(module));
  }
}
