package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * How the orchestrator runs one node: caching, retries, timeout and when it may start.
 *
 * @param cacheKey a user-chosen cache key, if any
 * @param timeout an ISO-8601 duration such as {@code PT1H}
 */
public record TaskSettings(
    Optional<Boolean> cache,
    Optional<String> cacheKey,
    Optional<Retry> retry,
    Optional<String> timeout,
    Trigger trigger,
    Span span) {

  public static final TaskSettings DEFAULT =
      new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Trigger.ALL_SUCCEEDED, Span.NONE);

  public TaskSettings {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(cacheKey, "cacheKey");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(span, "span");
  }

  /** When a node may start relative to its upstream nodes. */
  public enum Trigger {
    /** Only when every upstream node succeeded (the default everywhere). */
    ALL_SUCCEEDED,
    /** When every upstream node finished, whatever its outcome (exit tasks, ignore-upstream-failure). */
    ALL_DONE
  }

  /**
   * Retry policy.
   *
   * @param backoff ISO-8601 duration of the first back-off
   * @param backoffMax ISO-8601 duration the back-off may grow to
   */
  public record Retry(int maxRetries, Optional<String> backoff, Optional<Double> backoffFactor, Optional<String> backoffMax, Span span) {
    public Retry {
      Objects.requireNonNull(backoff, "backoff");
      Objects.requireNonNull(backoffFactor, "backoffFactor");
      Objects.requireNonNull(backoffMax, "backoffMax");
      Objects.requireNonNull(span, "span");
    }
  }
}
