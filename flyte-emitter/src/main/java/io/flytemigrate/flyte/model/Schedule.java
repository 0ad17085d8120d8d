package io.flytemigrate.flyte.model;

import java.util.Objects;
import java.util.Optional;

/** A launch plan's schedule ({@code flyteidl.admin.Schedule}). */
public sealed interface Schedule {
  /** The workflow input that receives the scheduled time, if any ({@code kickoff_time_input_arg}). */
  Optional<String> kickoffTimeInput();

  /**
   * {@code CronSchedule(schedule=...)}: five standard fields or a descriptor such as {@code @daily}.
   */
  record Cron(String expression, Optional<String> kickoffTimeInput) implements Schedule {
    public Cron {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(kickoffTimeInput, "kickoffTimeInput");
    }
  }

  /** {@code FixedRate(duration=timedelta(...))}: {@code rate{value, unit}}. */
  record FixedRate(long value, RateUnit unit, Optional<String> kickoffTimeInput) implements Schedule {
    public FixedRate {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(kickoffTimeInput, "kickoffTimeInput");
      if (value < 1) {
        throw new IllegalArgumentException("a fixed rate must be positive: " + value);
      }
    }
  }

  /** {@code FixedRateUnit}; the number is the protobuf value. */
  enum RateUnit {
    MINUTE(0),
    HOUR(1),
    DAY(2);

    private final int number;

    RateUnit(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }
  }
}
