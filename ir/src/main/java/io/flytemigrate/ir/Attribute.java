package io.flytemigrate.ir;

import io.flytemigrate.ir.diag.Span;
import java.util.Objects;

/**
 * A setting the IR has no typed slot for (compare Pandoc's {@code Attr}), kept with its source
 * value so nothing is lost: e.g. an Airflow task's {@code pool} or a DAG's {@code max_active_runs}.
 * Emitters map the ones they know and list the rest in the parity report.
 *
 * @param key the source's own name, e.g. {@code pool} or {@code airflow.owner}
 */
public record Attribute(String key, Value value, Span span) {
  public Attribute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
  }
}
