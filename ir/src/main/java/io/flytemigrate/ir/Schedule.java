package io.flytemigrate.ir;

import java.util.List;
import java.util.Objects;

/** When a pipeline runs by itself. Absent means only when triggered. */
public sealed interface Schedule {

  /** A five-field cron expression such as {@code 0 3 * * *}. */
  record Cron(String expression) implements Schedule {
    public Cron {
      Objects.requireNonNull(expression, "expression");
    }
  }

  /** A named preset such as {@code @daily} or {@code @hourly}. */
  record Preset(String name) implements Schedule {
    public Preset {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A fixed interval, as an ISO-8601 duration such as {@code PT6H}. */
  record Every(String duration) implements Schedule {
    public Every {
      Objects.requireNonNull(duration, "duration");
    }
  }

  /** Runs when these datasets (Airflow datasets/assets) are updated. */
  record OnData(List<String> datasets) implements Schedule {
    public OnData {
      datasets = List.copyOf(datasets);
    }
  }

  /** A schedule the IR cannot express (e.g. a custom timetable), kept as written. */
  record Custom(String kind, String raw) implements Schedule {
    public Custom {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(raw, "raw");
    }
  }
}
