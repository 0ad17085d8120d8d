package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
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
    List<Attribute> attributes,
    Span span) {

  public static final TaskSettings DEFAULT =
      new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Trigger.ALL_SUCCEEDED, Span.NONE);

  public TaskSettings {
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(cacheKey, "cacheKey");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(trigger, "trigger");
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(span, "span");
  }

  /** Settings without extra attributes. */
  public TaskSettings(
      Optional<Boolean> cache, Optional<String> cacheKey, Optional<Retry> retry, Optional<String> timeout, Trigger trigger, Span span) {
    this(cache, cacheKey, retry, timeout, trigger, List.of(), span);
  }

  /** When a node may start relative to its upstream nodes (the trigger rules of KFP and Airflow). */
  public enum Trigger {
    /** Only when every upstream node succeeded (the default everywhere). */
    ALL_SUCCEEDED,
    /** When every upstream node finished, whatever its outcome (exit tasks, ignore-upstream-failure). */
    ALL_DONE,
    /** When every upstream node failed. */
    ALL_FAILED,
    /** When every upstream node was skipped. */
    ALL_SKIPPED,
    /** As soon as one upstream node succeeded. */
    ONE_SUCCESS,
    /** As soon as one upstream node failed. */
    ONE_FAILED,
    /** As soon as one upstream node finished. */
    ONE_DONE,
    /** When no upstream node failed (skipped ones are fine). */
    NONE_FAILED,
    /** When no upstream node failed and at least one succeeded. */
    NONE_FAILED_MIN_ONE_SUCCESS,
    /** When no upstream node was skipped. */
    NONE_SKIPPED,
    /** Whenever, regardless of upstream nodes. */
    ALWAYS
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
