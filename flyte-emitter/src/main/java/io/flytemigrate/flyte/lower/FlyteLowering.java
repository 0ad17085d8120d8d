package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.parity.ParityReport;
import java.util.HashSet;
import java.util.Set;

/**
 * The one lowering from the IR to the Flyte model that every writer reads. Never throws on odd
 * input: what cannot be translated is a DROPPED parity row, usually with a warning.
 */
public final class FlyteLowering {
  private FlyteLowering() {}

  /**
   * The top-level Python package a pipeline's project gets unless {@link LoweringOptions#pythonPackage()}
   * says otherwise: the pipeline's name as a Python identifier.
   */
  public static String pythonPackage(Pipeline pipeline) {
    return Names.identifier(pipeline.name());
  }

  /** Lowers {@code pipeline}; the diagnostics are warnings about what could not be kept. */
  public static Outcome<Lowered> lower(Pipeline pipeline, LoweringOptions options) {
    DiagnosticSink sink = new DiagnosticSink();
    Context ctx = new Context(Rewrites.apply(pipeline, options), options, sink);
    TaskLowering tasks = new TaskLowering(ctx);
    GraphLowering graphs = new GraphLowering(ctx, tasks);
    GraphLowering.LoweredWorkflow root = graphs.pipeline();
    LaunchPlanLowering.pipelineSettings(ctx, root.def());
    reportUnused(ctx);
    FlyteProject project = new FlyteProject(ctx.pythonPackage, pipeline.source().file(), pipeline.name(),
        pipeline.description(), ctx.images, ctx.tasks, ctx.workflows, ctx.launchPlans, ctx.compat);
    project = Versions.apply(project, options.version());
    ParityReport parity = new ParityReport(pipeline.name(), pipeline.source().file(), ctx.parity.entries());
    return Outcome.of(new Lowered(project, parity), sink.sorted());
  }

  private static void reportUnused(Context ctx) {
    Set<String> used = new HashSet<>();
    collect(ctx.pipeline.root(), used);
    for (Component c : ctx.pipeline.components()) {
      if (c instanceof Component.PipelineComponent pc) {
        collect(pc.graph(), used);
      }
    }
    for (Component c : ctx.pipeline.components()) {
      if (!used.contains(c.id())) {
        ctx.parity.dropped("component", c.id(), c.span(), "no task uses it");
      }
    }
  }

  private static void collect(Graph g, Set<String> used) {
    for (Node n : g.nodes()) {
      if (n instanceof Node.TaskNode t) {
        used.add(t.component());
      } else if (n instanceof Node.ConditionNode c) {
        collect(c.body(), used);
      } else if (n instanceof Node.BranchesNode b) {
        collect(b.body(), used);
      } else if (n instanceof Node.LoopNode l) {
        collect(l.body(), used);
      } else if (n instanceof Node.ExitHandlerNode e) {
        collect(e.body(), used);
      }
    }
  }
}
