package io.flytemigrate.flyteproto.write;

import flyteidl.core.Literals;
import flyteidl.core.Types;
import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.Literal;

/**
 * Bindings (flyte-target.md 3.3): promises on node outputs or, with node id {@code start-node},
 * on workflow inputs; static values as scalars; lists and maps of either as binding collections
 * and maps (a static list becomes a collection of scalar bindings, as flytekit writes it).
 */
final class BindingWriter {
  private BindingWriter() {}

  static Literals.Binding binding(Binding b) {
    return Literals.Binding.newBuilder().setVar(b.var()).setBinding(data(b.data())).build();
  }

  static Literals.BindingData data(BindingData d) {
    Literals.BindingData.Builder b = Literals.BindingData.newBuilder();
    if (d instanceof BindingData.Promise p) {
      b.setPromise(Types.OutputReference.newBuilder().setNodeId(p.nodeId()).setVar(p.var()));
    } else if (d instanceof BindingData.Static s) {
      return staticData(s.value());
    } else if (d instanceof BindingData.CollectionOf c) {
      Literals.BindingDataCollection.Builder items = Literals.BindingDataCollection.newBuilder();
      for (BindingData item : c.items()) {
        items.addBindings(data(item));
      }
      b.setCollection(items);
    } else if (d instanceof BindingData.MapOf m) {
      Literals.BindingDataMap.Builder entries = Literals.BindingDataMap.newBuilder();
      for (BindingData.Entry e : m.entries()) {
        entries.putBindings(e.key(), data(e.value()));
      }
      b.setMap(entries);
    } else {
      throw new AssertionError(d);
    }
    return b.build();
  }

  private static Literals.BindingData staticData(Literal value) {
    Literals.BindingData.Builder b = Literals.BindingData.newBuilder();
    if (value instanceof Literal.CollectionValue c) {
      Literals.BindingDataCollection.Builder items = Literals.BindingDataCollection.newBuilder();
      for (Literal item : c.items()) {
        items.addBindings(staticData(item));
      }
      b.setCollection(items);
    } else if (value instanceof Literal.MapValue m) {
      Literals.BindingDataMap.Builder entries = Literals.BindingDataMap.newBuilder();
      for (Literal.Entry e : m.entries()) {
        entries.putBindings(e.key(), staticData(e.value()));
      }
      b.setMap(entries);
    } else {
      b.setScalar(LiteralWriter.scalar(value));
    }
    return b.build();
  }
}
