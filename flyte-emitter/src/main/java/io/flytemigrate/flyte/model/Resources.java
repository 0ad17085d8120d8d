package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;

/**
 * Compute requests and limits ({@code flyteidl.core.Resources}); flytekit's
 * {@code requests=Resources(...)}, {@code limits=Resources(...)}. Entries are in flytekit's order
 * (EPHEMERAL_STORAGE, CPU, GPU, MEMORY) and values are Kubernetes quantity strings.
 */
public record Resources(List<Entry> requests, List<Entry> limits) {
  public static final Resources NONE = new Resources(List.of(), List.of());

  public Resources {
    requests = List.copyOf(requests);
    limits = List.copyOf(limits);
  }

  public boolean isEmpty() {
    return requests.isEmpty() && limits.isEmpty();
  }

  /** Resource names, in the order flytekit appends them; {@code number()} is the protobuf value. */
  public enum Name {
    EPHEMERAL_STORAGE(5),
    CPU(1),
    GPU(2),
    MEMORY(3);

    private final int number;

    Name(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }
  }

  /** One resource and its quantity, e.g. {@code CPU "500m"}. */
  public record Entry(Name name, String quantity) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(quantity, "quantity");
    }
  }
}
