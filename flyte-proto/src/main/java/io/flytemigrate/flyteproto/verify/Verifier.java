package io.flytemigrate.flyteproto.verify;

import flyteidl.core.Workflow;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.ParityReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a registrable package against the source pipeline it was translated from. Reads the
 * package's bytes as flytectl does, then checks, in order: the layout ({@code FM5501}),
 * references ({@code FM5502}), registration rules ({@code FM5503}), binding types ({@code
 * FM5507}), then matches the source graph by graph (tasks {@code FM5504}, branches {@code
 * FM5508}, loops {@code FM5509}, exit handlers {@code FM5510}), its edges ({@code FM5505},
 * {@code FM5506}) and the pipeline parameters in the default launch plan ({@code FM5511}).
 * Never throws on a bad package: everything is a diagnostic.
 */
public final class Verifier {
  private Verifier() {}

  /**
   * @param packageName the package's path as the user named it, for diagnostics about the package itself
   * @param parity what the translation reported; tasks it lists as DROPPED are not expected in the package
   * @return the findings, sorted; none at error severity means the package passed
   */
  public static List<Diagnostic> verify(String packageName, byte[] packageBytes, Pipeline pipeline, Optional<ParityReport> parity) {
    return verify(packageName, packageBytes, pipeline, parity, Optional.empty());
  }

  /**
   * The same, for a package that holds several pipelines (a batch): {@code workflow} names the
   * registered workflow that is the pipeline; without it, or when the package has no such
   * workflow, the workflow whose nodes carry most of the pipeline's task names is taken.
   */
  public static List<Diagnostic> verify(String packageName, byte[] packageBytes, Pipeline pipeline, Optional<ParityReport> parity,
      Optional<String> workflow) {
    DiagnosticSink sink = new DiagnosticSink();
    Span at = Span.at(packageName, 0, 0);
    PackageContents contents = PackageContents.read(packageName, packageBytes, sink);
    if (!contents.readable) {
      return sink.sorted();
    }
    LayoutCheck.run(contents, at, sink);
    PackageGraph graph = new PackageGraph(contents.entities);
    ReferenceCheck.run(contents.entities, graph, at, sink);
    EntityRules.run(contents.entities, graph, at, sink);
    Map<String, Span> spans = new HashMap<>();
    collectSpans(pipeline.root(), spans);
    new BindingTypeCheck(graph, name -> spans.getOrDefault(name, pipeline.span()), sink).run();
    Optional<Workflow.WorkflowTemplate> root = workflow.filter(graph.registeredWorkflows::contains)
        .map(graph.workflows::get).or(() -> PipelineWorkflow.find(graph, pipeline));
    if (root.isEmpty()) {
      sink.report(Codes.VERIFY_MISSING_TASK, pipeline.span(), "package `" + packageName + "` holds no workflow for pipeline `"
          + pipeline.name() + "`", "the pipeline becomes a registered workflow with a default launch plan");
      return sink.sorted();
    }
    ParityView view = new ParityView(parity);
    FlyteScopes scopes = new FlyteScopes(graph);
    Matcher matcher = new Matcher(pipeline, graph, scopes, view, sink, root.get().getId().getName());
    Correspondence corr = matcher.run(scopes.root(root.get()));
    new EdgeCheck(corr, matcher.sourceTrace(), matcher.flyteTrace(), sink).withParity(view).run();
    ParameterCheck.run(pipeline, graph, root.get(), view, sink);
    return sink.sorted();
  }

  /** Whether the findings let the package pass: no error among them. */
  public static boolean passed(List<Diagnostic> findings) {
    return findings.stream().noneMatch(Diagnostic::isError);
  }

  private static void collectSpans(Graph g, Map<String, Span> spans) {
    for (Node n : g.nodes()) {
      spans.putIfAbsent(n.id(), n.span());
      Graph body = SourceTrace.body(n);
      if (body != null) {
        collectSpans(body, spans);
      }
    }
  }
}
