package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import java.util.Map;
import java.util.Set;

/**
 * What every template of a workflow may need from the workflow: where diagnostics go, the
 * workflow parameters (what {@code {{workflow.parameters.x}}} can name), the workflow's volumes
 * and volume claim templates (what a mount can name), the pod settings it gives every pod, and
 * the parameters loops iterate over.
 */
record WorkflowContext(
    SourceFile source,
    DiagnosticSink sink,
    Map<String, Port> pipelineInputs,
    Map<String, DocNode> volumes,
    Set<String> claimTemplates,
    PodSettings podDefaults,
    ListValued listValued) {

  /** The source lines a span covers, for components kept as raw text. */
  String raw(Span span) {
    if (!span.isKnown()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int last = Math.max(span.line(), span.endColumn() <= 1 ? span.endLine() - 1 : span.endLine());
    for (int line = span.line(); line <= last; line++) {
      source.line(line).ifPresent(l -> b.append(l).append('\n'));
    }
    return b.toString();
  }
}
