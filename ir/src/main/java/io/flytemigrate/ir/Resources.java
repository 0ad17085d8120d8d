package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * Compute requests and limits. Each value is an {@link Arg}: a literal such as {@code "500m"} or
 * {@code "4G"}, or a placeholder filled from an input at run time.
 */
public record Resources(
    Optional<Arg> cpuRequest,
    Optional<Arg> cpuLimit,
    Optional<Arg> memoryRequest,
    Optional<Arg> memoryLimit,
    Optional<Arg> acceleratorType,
    Optional<Arg> acceleratorCount,
    Span span) {
  public static final Resources NONE =
      new Resources(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Span.NONE);

  public Resources {
    Objects.requireNonNull(cpuRequest, "cpuRequest");
    Objects.requireNonNull(cpuLimit, "cpuLimit");
    Objects.requireNonNull(memoryRequest, "memoryRequest");
    Objects.requireNonNull(memoryLimit, "memoryLimit");
    Objects.requireNonNull(acceleratorType, "acceleratorType");
    Objects.requireNonNull(acceleratorCount, "acceleratorCount");
    Objects.requireNonNull(span, "span");
  }

  public boolean isEmpty() {
    return cpuRequest.isEmpty() && cpuLimit.isEmpty() && memoryRequest.isEmpty()
        && memoryLimit.isEmpty() && acceleratorType.isEmpty() && acceleratorCount.isEmpty();
  }
}
