package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.TaskMetadata;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.TaskSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node's caching, retries and timeout to flytekit's {@code @task(cache=, cache_version=,
 * retries=, timeout=)}, which flytekit repeats in the calling node's metadata. The cache version
 * is filled in later from the task's content, so a changed task never hits a stale cache.
 */
final class NodeSettingsLowering {
  /** Marks a cached task whose cache version is not computed yet. */
  static final String PENDING_CACHE_VERSION = "pending";

  private NodeSettingsLowering() {}

  static TaskMetadata metadata(TaskSettings s, String node, Context ctx) {
    boolean cache = s.cache().orElse(false);
    if (cache) {
      ctx.parity.exact("setting", node + ": caching", s.span(), "cache=True",
          s.cacheKey().map(k -> "the cache key `" + k + "` is replaced by a cache version derived from the task's content")
              .orElse("cache_version is derived from the task's content"));
    } else if (s.cache().isPresent()) {
      ctx.parity.exact("setting", node + ": caching", s.span(), "cache=False");
    }
    int retries = 0;
    if (s.retry().isPresent()) {
      TaskSettings.Retry r = s.retry().get();
      retries = Math.max(0, r.maxRetries());
      List<String> lost = new ArrayList<>();
      r.backoff().ifPresent(b -> lost.add("back-off " + b));
      r.backoffFactor().ifPresent(f -> lost.add("factor " + trim(f)));
      r.backoffMax().ifPresent(m -> lost.add("maximum back-off " + m));
      if (lost.isEmpty()) {
        ctx.parity.exact("setting", node + ": retries", r.span(), "retries=" + retries);
      } else {
        ctx.parity.approximated("setting", node + ": retries", r.span(), "retries=" + retries,
            "Flyte retries without back-off; " + String.join(", ", lost) + " is not kept");
      }
    }
    Optional<Long> timeout = Optional.empty();
    if (s.timeout().isPresent()) {
      timeout = seconds(s.timeout().get());
      if (timeout.isPresent()) {
        ctx.parity.exact("setting", node + ": timeout", s.span(), "timeout=timedelta(seconds=" + timeout.get() + ")");
      } else {
        ctx.parity.dropped("setting", node + ": timeout", s.span(),
            "timeout `" + s.timeout().get() + "` is not an ISO-8601 duration");
      }
    }
    for (Attribute a : s.attributes()) {
      ctx.parity.dropped("setting", node + ": " + a.key(), a.span(), "Flyte has no per-node setting `" + a.key() + "`");
    }
    return new TaskMetadata(cache, cache ? PENDING_CACHE_VERSION : "", false, retries, timeout, Optional.empty());
  }

  /**
   * The settings of a node that runs a placeholder (see {@link Placeholders}): caching, retries
   * and a timeout belong to the work the placeholder stands for, so they are reported DROPPED for
   * the task that replaces it; attributes as for any node.
   */
  static void placeholder(TaskSettings s, String node, Context ctx) {
    String reason = "`" + node + "` runs a placeholder; give the setting to the task that replaces it";
    s.cache().ifPresent(c -> ctx.parity.dropped("setting", node + ": caching", s.span(), reason));
    s.retry().ifPresent(r -> ctx.parity.dropped("setting", node + ": retries", r.span(), reason));
    s.timeout().ifPresent(t -> ctx.parity.dropped("setting", node + ": timeout", s.span(), reason));
    for (Attribute a : s.attributes()) {
      ctx.parity.dropped("setting", node + ": " + a.key(), a.span(), "Flyte has no per-node setting `" + a.key() + "`");
    }
  }

  /** Whole seconds of an ISO-8601 duration such as {@code PT1H30M} or {@code P1D}. */
  static Optional<Long> seconds(String iso) {
    try {
      long s = Duration.parse(iso).getSeconds();
      return s > 0 ? Optional.of(s) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
