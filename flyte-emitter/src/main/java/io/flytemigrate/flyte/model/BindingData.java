package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;

/** Where a bound value comes from ({@code flyteidl.core.BindingData}). */
public sealed interface BindingData {
  /** The node id of workflow inputs in promises, as the compiler and flytekit-java write it. */
  String START_NODE = "start-node";

  /**
   * An output of another node, or a workflow input when {@code nodeId} is {@link #START_NODE}
   * ({@code promise: OutputReference{node_id, var}}).
   */
  record Promise(String nodeId, String var) implements BindingData {
    public Promise {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(var, "var");
    }

    /** A promise on a workflow input. */
    public static Promise input(String var) {
      return new Promise(START_NODE, var);
    }

    public boolean isWorkflowInput() {
      return nodeId.equals(START_NODE);
    }
  }

  /** A static value ({@code BindingData.scalar}, or {@code collection}/{@code map} of scalars). */
  record Static(Literal value) implements BindingData {
    public Static {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A list whose items are bound separately ({@code BindingData.collection}). */
  record CollectionOf(List<BindingData> items) implements BindingData {
    public CollectionOf {
      items = List.copyOf(items);
    }
  }

  /** A map whose values are bound separately ({@code BindingData.map}), keys in source order. */
  record MapOf(List<Entry> entries) implements BindingData {
    public MapOf {
      entries = List.copyOf(entries);
    }
  }

  /** One entry of a {@link MapOf}. */
  record Entry(String key, BindingData value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
