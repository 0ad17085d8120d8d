package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.PythonRef;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pipelines that differ only in their parameters' defaults (and their names, descriptions and
 * source files) run as one workflow with one launch plan per variant, the way a multi-tenant
 * Flyte setup runs many experiments on one workflow ({@code convert --consolidate}).
 */
public final class Variants {
  private Variants() {}

  /**
   * What two pipelines must share to be variants of each other: everything but the name, display
   * name, description, source file, source positions and the defaults of the pipeline's own
   * parameters. Equal shapes lower to the same workflow, up to names.
   */
  public static String shape(Pipeline p) {
    Graph root = p.root();
    List<Port> inputs = new ArrayList<>();
    for (Port in : root.iface().inputs()) {
      inputs.add(new Port(in.name(), in.type(), in.artifact(), in.optional(), Optional.empty(), Optional.empty(),
          in.span()));
    }
    Graph neutral = new Graph(new Interface(inputs, root.iface().outputs()), root.nodes(), root.outputs(), root.span());
    Pipeline shape = new Pipeline("pipeline", Optional.empty(), Optional.empty(),
        new Pipeline.SourceInfo("", p.source().format(), Optional.empty(), Optional.empty()), p.components(), neutral,
        p.platform(), p.span());
    return ContentHash.of(shape);
  }

  /**
   * The kept project with the launch plans of a variant added: the variant's default plan becomes
   * a named plan of the kept pipeline's workflow ({@code planName} in its module), its other plans
   * (a schedule) follow with the same prefix. Versions are computed again.
   *
   * @param variant the variant's own lowering; its tasks and workflows are not used
   * @return the kept project and the ids of the plans added, or empty when the variant's inputs do
   *     not line up with the kept workflow's (then it is not a variant after all)
   */
  public static Optional<Consolidated> add(FlyteProject kept, FlyteProject variant, String planName,
      Optional<String> versionOverride) {
    WorkflowDef workflow = kept.pipelineWorkflow();
    WorkflowDef theirs = variant.pipelineWorkflow();
    if (!workflow.iface().equals(theirs.iface())) {
      return Optional.empty();
    }
    Set<String> taken = new HashSet<>();
    kept.workflows().forEach(w -> taken.add(w.python().name()));
    kept.tasks().forEach(t -> taken.add(t.python().name()));
    kept.launchPlans().forEach(l -> taken.add(l.python().name()));
    taken.addAll(Context.RESERVED);
    taken.addAll(Names.PYTHON_KEYWORDS);
    List<LaunchPlanDef> plans = new ArrayList<>(kept.launchPlans());
    List<Identifier> added = new ArrayList<>();
    String module = workflow.python().module();
    for (LaunchPlanDef l : variant.launchPlans()) {
      if (!l.workflow().name().equals(theirs.id().name())) {
        continue;
      }
      String wanted = l.defaultPlan() ? planName : planName + "_" + l.python().name();
      String var = wanted;
      for (int n = 2; !taken.add(var); n++) {
        var = wanted + "_" + n;
      }
      Identifier id = new Identifier(Identifier.ResourceType.LAUNCH_PLAN, l.id().project(), l.id().domain(),
          module + "." + var, "");
      plans.add(new LaunchPlanDef(id, workflow.id(), l.defaultInputs(), l.fixedInputs(), l.schedule(), l.labels(),
          l.annotations(), l.rawOutputPrefix(), l.maxParallelism(), false, new PythonRef(module, var)));
      added.add(id);
    }
    FlyteProject changed = new FlyteProject(kept.pythonPackage(), kept.sourceFile(), kept.pipelineName(),
        kept.description(), kept.images(), kept.tasks(), kept.workflows(), plans, kept.compatModule());
    FlyteProject versioned = Versions.apply(changed, versionOverride);
    List<Identifier> versionedIds = new ArrayList<>();
    for (Identifier id : added) {
      versioned.launchPlans().stream().filter(l -> l.id().name().equals(id.name())).findFirst()
          .ifPresent(l -> versionedIds.add(l.id()));
    }
    return Optional.of(new Consolidated(versioned, versionedIds));
  }

  /**
   * The kept project after adding a variant.
   *
   * @param plans the variant's plans as they are now, versioned
   */
  public record Consolidated(FlyteProject project, List<Identifier> plans) {
    public Consolidated {
      plans = List.copyOf(plans);
    }
  }
}
