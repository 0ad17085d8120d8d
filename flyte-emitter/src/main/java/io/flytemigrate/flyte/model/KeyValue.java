package io.flytemigrate.flyte.model;

import java.util.Objects;

/** A key and a string value: an environment variable, a label, an annotation, a node selector entry. */
public record KeyValue(String key, String value) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
