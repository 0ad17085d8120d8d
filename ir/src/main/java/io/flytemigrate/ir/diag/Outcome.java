package io.flytemigrate.ir.diag;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value plus what was noticed while producing it. Passes return this; they do not throw on bad
 * input. The value is empty only when nothing usable could be produced (e.g. unparseable YAML).
 */
public record Outcome<T>(Optional<T> value, List<Diagnostic> diagnostics) {
  public Outcome {
    Objects.requireNonNull(value, "value");
    diagnostics = List.copyOf(diagnostics);
  }

  public static <T> Outcome<T> of(T value, List<Diagnostic> diagnostics) {
    return new Outcome<>(Optional.of(value), diagnostics);
  }

  public static <T> Outcome<T> failed(List<Diagnostic> diagnostics) {
    return new Outcome<>(Optional.empty(), diagnostics);
  }

  /** True when there is a value and no error. */
  public boolean ok() {
    return value.isPresent() && diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
