package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;

/**
 * An importer brings an existing file into the pipeline by URI. In Flyte that is simply a typed
 * workflow input ({@code FlyteFile}/{@code FlyteDirectory}) whose default is the URI: no task runs.
 * Below the pipeline workflow (where inputs have no defaults) the URI is bound as a static blob.
 */
final class ImporterLowering {
  private ImporterLowering() {}

  static void importer(WorkflowBuilder wb, Node.TaskNode t, Component.ImporterComponent ic) {
    Context ctx = wb.ctx;
    LiteralType.Blob type = (LiteralType.Blob) Types.of(ic.artifactType(), java.util.Optional.empty(), false).type();
    Binding uri = ic.uri();
    if (uri instanceof Binding.GraphInput g) {
      for (InputBinding ib : t.inputs()) {
        if (ib.input().equals(g.input())) {
          uri = ib.value();
        }
      }
    }
    String extras = (ic.metadata().isPresent() ? "; its metadata is not kept (Flyte files carry none)" : "")
        + (ic.reimport() ? "; `reimport` has no meaning in Flyte" : "");
    String wanted = Names.identifier(t.id());
    if (uri instanceof Binding.Constant c && c.value() instanceof Value.Str s && !s.value().isEmpty()) {
      Literal blob = new Literal.BlobValue(s.value(), type);
      if (wb.role == WorkflowDef.Role.PIPELINE) {
        String var = wb.addInput("importer:" + t.id(), wanted, type, java.util.Optional.of(blob));
        wb.importers.put(t.id(), BindingData.Promise.input(var));
        report(ctx, t, ic, "workflow input `" + var + "` with default `" + s.value() + "`", extras);
      } else {
        wb.importers.put(t.id(), new BindingData.Static(blob));
        report(ctx, t, ic, "static file `" + s.value() + "`", extras);
      }
      return;
    }
    if (uri instanceof Binding.GraphInput g && wb.role == WorkflowDef.Role.PIPELINE) {
      java.util.Optional<Value> def = wb.graph.iface().input(g.input()).flatMap(io.flytemigrate.ir.Port::defaultValue);
      java.util.Optional<Literal> blob = def.filter(v -> v instanceof Value.Str s && !s.value().isEmpty())
          .map(v -> new Literal.BlobValue(((Value.Str) v).value(), type));
      String var = wb.addInput("importer:" + t.id(), wanted, type, blob.map(b -> (Literal) b));
      wb.importers.put(t.id(), BindingData.Promise.input(var));
      ctx.parity.approximated("task", t.id(), t.span(), "workflow input `" + var + "`",
          "the importer reads its URI from parameter `" + g.input() + "`; in Flyte the typed file input `" + var
              + "` takes its place" + blob.map(b -> " with the same default").orElse("") + extras);
      return;
    }
    GraphScope.Fixed f = wb.scope.resolve(uri);
    if (f instanceof GraphScope.Fixed.Constant c && c.value() instanceof Value.Str s
        || f instanceof GraphScope.Fixed.ParameterDefault d && d.value() instanceof Value.Str) {
      String text = f instanceof GraphScope.Fixed.Constant c2 ? ((Value.Str) c2.value()).value()
          : ((Value.Str) ((GraphScope.Fixed.ParameterDefault) f).value()).value();
      wb.importers.put(t.id(), new BindingData.Static(new Literal.BlobValue(text, type)));
      ctx.parity.approximated("task", t.id(), t.span(), "static file `" + text + "`",
          "the URI comes from a parameter at run time; its default is fixed here" + extras);
      return;
    }
    ctx.parity.dropped("task", t.id(), t.span(), "the importer's URI is known only at run time; Flyte cannot turn a"
        + " string into a file without a task" + extras);
    ctx.warn(Codes.ELEMENT_DROPPED, t.span(), "importer `" + t.id() + "` takes its URI from a task output, which Flyte"
        + " cannot turn into a file input, so it is left out", "produce a `FlyteFile` in the upstream task instead");
  }

  private static void report(Context ctx, Node.TaskNode t, Component.ImporterComponent ic, String flyte, String extras) {
    if (extras.isEmpty()) {
      ctx.parity.exact("task", t.id(), t.span(), flyte, "importer `" + ic.id() + "` becomes a typed input; no task runs");
    } else {
      ctx.parity.approximated("task", t.id(), t.span(), flyte,
          "importer `" + ic.id() + "` becomes a typed input; no task runs" + extras);
    }
  }
}
