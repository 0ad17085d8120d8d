package io.flytemigrate.validators;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;

/**
 * Conditions, if/elif/else branches, loops and exit handlers have something in their body, and
 * pipelines have at least one node. An empty body does nothing, so nothing is lost, but Flyte
 * cannot express it as it is: a branch needs a node to run ({@code BranchNodeIdNotFound}) and a
 * workflow needs nodes ({@code NoNodesFound}); the emitter has to leave it out or fill it.
 */
public final class BodiesAreNotEmpty implements Check {
  @Override
  public Code code() {
    return Codes.EMPTY_BODY;
  }

  @Override
  public void run(Pipeline pipeline, DiagnosticSink sink) {
    for (Scope s : Scope.all(pipeline)) {
      if (!s.graph().nodes().isEmpty()) {
        continue;
      }
      switch (s.kind()) {
        case ROOT -> sink.report(Diagnostic.of(code(), where(s.graph().span(), pipeline.span()), "the pipeline has no tasks")
            .withHelp("a flyte workflow needs at least one node; add a task or leave this pipeline out"));
        case PIPELINE_COMPONENT -> {
          Span span = pipeline.component(s.componentId()).map(Component::span).orElse(s.graph().span());
          sink.report(Diagnostic.of(code(), where(s.graph().span(), span), "pipeline `" + s.componentId() + "` has no tasks")
              .withHelp("a flyte workflow needs at least one node; add a task or stop calling this pipeline"));
        }
        default -> {
          Node owner = s.owner().orElseThrow();
          sink.report(Diagnostic.of(code(), owner.span(), NodeKind.describe(owner) + " has an empty body, so it does nothing")
              .withHelp("add the tasks it should run, or remove it"));
        }
      }
    }
  }

  private static Span where(Span preferred, Span fallback) {
    return preferred.isKnown() ? preferred : fallback;
  }
}
