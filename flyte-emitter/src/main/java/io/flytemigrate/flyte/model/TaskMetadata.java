package io.flytemigrate.flyte.model;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code flyteidl.core.TaskMetadata} as flytekit fills it from {@code @task(...)} arguments.
 *
 * @param cacheable {@code discoverable}: {@code cache=Cache(version=...)}
 * @param cacheVersion {@code discovery_version}; non-empty whenever {@code cacheable}
 * @param retries {@code retries.retries}; 0 writes {@code retries {}}
 * @param timeoutSeconds {@code timeout}, whole seconds
 * @param interruptible absent means unset (the oneof is not written)
 */
public record TaskMetadata(
    boolean cacheable,
    String cacheVersion,
    boolean cacheSerializable,
    int retries,
    Optional<Long> timeoutSeconds,
    Optional<Boolean> interruptible) {
  public static final TaskMetadata DEFAULT =
      new TaskMetadata(false, "", false, 0, Optional.empty(), Optional.empty());

  public TaskMetadata {
    Objects.requireNonNull(cacheVersion, "cacheVersion");
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(interruptible, "interruptible");
    if (cacheable && cacheVersion.isEmpty()) {
      throw new IllegalArgumentException("a cached task needs a cache version");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative: " + retries);
    }
  }
}
