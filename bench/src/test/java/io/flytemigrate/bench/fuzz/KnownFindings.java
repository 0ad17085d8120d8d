package io.flytemigrate.bench.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Findings already reported and not yet fixed, by signature. While fuzzing for real,
 * {@code bench/fuzz} sets {@code -Dbench.fuzz.skipKnown=true} so that an open finding, which the
 * fuzzer rediscovers within seconds, does not stop it from looking for new ones. In regression
 * mode (a normal {@code mvn verify}) nothing is skipped. Remove an entry when its fix lands; the
 * inputs of each are in {@code fuzz/open-findings/<id>/}.
 */
final class KnownFindings {
  /** One open finding: its id and how to recognise the exception it throws. */
  record Finding(String id, Predicate<Throwable> matches) {}

  static final List<Finding> OPEN = List.of();

  private KnownFindings() {}

  static boolean skipping() {
    return Boolean.getBoolean("bench.fuzz.skipKnown");
  }

  /** The open finding {@code t} is, if any. */
  static Optional<Finding> match(Throwable t) {
    return OPEN.stream().filter(f -> f.matches().test(t)).findFirst();
  }

  /** Whether a failure should be let through because it is open and skipping is on. */
  static boolean skip(Throwable t) {
    return skipping() && match(t).isPresent();
  }

  private static boolean thrownIn(Throwable t, String className) {
    return Arrays.stream(t.getStackTrace()).limit(3).anyMatch(e -> e.getClassName().equals(className));
  }
}
