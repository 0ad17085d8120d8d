package io.flytemigrate.validators;

import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every required input gets a value and every declared output has a source. A task sets each
 * input of its component that is neither optional nor defaulted; a condition, loop or exit
 * handler sets each input of its body (a loop's item input comes from the loop); each output a
 * graph declares is produced by one of its nodes. flytepropeller: {@code ParameterNotBound}.
 */
public final class InputsAreBound implements Check {
  @Override
  public Code code() {
    return Codes.UNBOUND_INPUT;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    BindingTypes types = new BindingTypes(pipeline);
    for (Scope s : Scope.all(pipeline)) {
      for (Node n : s.graph().nodes()) {
        Optional<Interface> iface = types.iface(n);
        if (iface.isEmpty()) {
          continue;
        }
        String who = NodeKind.describe(n);
        Set<String> bound = new HashSet<>();
        n.inputs().forEach(b -> bound.add(b.input()));
        for (Port p : iface.get().inputs()) {
          if (p.optional() || p.defaultValue().isPresent() || bound.contains(p.name())) {
            continue;
          }
          if (n instanceof Node.LoopNode l && l.itemInput().equals(p.name())) {
            continue;
          }
          if (n instanceof Node.TaskNode t) {
            sink.report(Diagnostic.of(code(), n.span(),
                    who + " does not set required input `" + p.name() + "` of component `" + t.component() + "`")
                .withLabel(p.span(), "`" + p.name() + "` is declared here, without a default")
                .withHelp("give `" + p.name() + "` a value, or make it optional with a default in the component"));
          } else {
            sink.report(Diagnostic.of(code(), n.span(), who + " does not set `" + p.name() + "`, an input of its body")
                .withHelp("set `" + p.name() + "` among the node's inputs"));
          }
        }
      }
      for (Port p : s.graph().iface().outputs()) {
        if (s.output(p.name()).isEmpty()) {
          sink.report(Diagnostic.of(code(), p.span(), "output `" + p.name() + "` of " + s.describe() + " has no source")
              .withHelp("say which task output provides it, or remove the output"));
        }
      }
      for (Graph.GraphOutput o : s.graph().outputs()) {
        if (o.sources().isEmpty()) {
          sink.report(Diagnostic.of(code(), o.span(), "output `" + o.name() + "` of " + s.describe() + " has no source")
              .withHelp("say which task output provides it, or remove the output"));
        }
      }
    }
  }
}
