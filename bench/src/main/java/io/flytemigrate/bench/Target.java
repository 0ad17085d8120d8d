package io.flytemigrate.bench;

import java.util.Objects;

/**
 * One performance target of the project, with the figure measured against it and the verdict.
 *
 * @param goal the target in words, e.g. {@code end-to-end within 2x of parse-only}
 * @param measured the figure, in words, e.g. {@code 1.62x}
 */
public record Target(String id, String goal, String measured, Verdict verdict) {
  /** Whether the target was met; NOT_MEASURED when its part was skipped or failed to run. */
  public enum Verdict { PASS, FAIL, NOT_MEASURED }

  public Target {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(verdict, "verdict");
  }

  static Target check(String id, String goal, String measured, boolean pass) {
    return new Target(id, goal, measured, pass ? Verdict.PASS : Verdict.FAIL);
  }

  static Target notMeasured(String id, String goal, String why) {
    return new Target(id, goal, why, Verdict.NOT_MEASURED);
  }
}
