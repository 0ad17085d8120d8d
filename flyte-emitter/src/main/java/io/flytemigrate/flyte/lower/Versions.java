package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.IfElseBlock;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entity versions as content hashes: a task's version hashes its template; a workflow's hashes its
 * template with every reference already versioned, so it changes exactly when something it uses
 * changes; a launch plan's hashes its spec and its workflow's version. Nothing else (order, time,
 * other pipelines in a batch) goes in. {@code --version} replaces them all with one value.
 * Versions already set are ignored, so applying it again to a changed project (a batch that
 * merged tasks) gives the versions a fresh lowering of that project would.
 */
final class Versions {
  private final FlyteProject project;
  private final Optional<String> override;
  private final Map<String, String> renamed;
  private final Map<String, String> versions = new HashMap<>();

  private Versions(FlyteProject project, Optional<String> override, Map<String, String> renamed) {
    this.project = project;
    this.override = override;
    this.renamed = renamed;
  }

  /** The project with every identifier versioned. */
  static FlyteProject apply(FlyteProject p, Optional<String> override) {
    return apply(p, override, Map.of());
  }

  /**
   * The project with every identifier versioned, after pointing every reference to a task named
   * by a key of {@code renamedTasks} to the task named by its value (which the project holds).
   */
  static FlyteProject apply(FlyteProject p, Optional<String> override, Map<String, String> renamedTasks) {
    Versions v = new Versions(p, override, renamedTasks);
    List<TaskDef> tasks = new ArrayList<>();
    for (TaskDef t : p.tasks()) {
      tasks.add(v.versionedTask(t));
    }
    List<WorkflowDef> workflows = new ArrayList<>();
    for (WorkflowDef w : p.workflows()) {
      workflows.add(v.versionedWorkflow(w));
    }
    List<LaunchPlanDef> plans = new ArrayList<>();
    for (LaunchPlanDef l : p.launchPlans()) {
      plans.add(v.versionedPlan(l));
    }
    return new FlyteProject(p.pythonPackage(), p.sourceFile(), p.pipelineName(), p.description(), p.images(), tasks,
        workflows, plans, p.compatModule());
  }

  private static String key(Identifier id) {
    return id.resourceType() + ":" + id.name();
  }

  private String hash(Object content) {
    return override.orElseGet(() -> ContentHash.shortOf(content, 20));
  }

  private Identifier ref(Identifier reference) {
    Identifier id = reference.resourceType() == Identifier.ResourceType.TASK && renamed.containsKey(reference.name())
        ? new Identifier(reference.resourceType(), reference.project(), reference.domain(),
            renamed.get(reference.name()), reference.version())
        : reference;
    String k = key(id);
    if (!versions.containsKey(k)) {
      switch (id.resourceType()) {
        case TASK -> project.tasks().stream().filter(t -> key(t.id()).equals(k)).findFirst().ifPresent(this::versionedTask);
        case WORKFLOW -> project.workflows().stream().filter(w -> key(w.id()).equals(k)).findFirst()
            .ifPresent(this::versionedWorkflow);
        case LAUNCH_PLAN -> project.launchPlans().stream().filter(l -> key(l.id()).equals(k)).findFirst()
            .ifPresent(this::versionedPlan);
      }
    }
    return id.withVersion(versions.getOrDefault(k, override.orElse("")));
  }

  private TaskDef versionedTask(TaskDef t) {
    TaskDef withRefs = t.body() instanceof TaskBody.DynamicLoop d
        ? t.withBody(new TaskBody.DynamicLoop(d.itemsInput(), ref(d.body()), d.arguments(),
            d.collected().stream().map(c -> c.withFlattenedBy(c.flattenedBy().map(this::ref))).toList()))
        : t;
    String v = versions.computeIfAbsent(key(t.id()), k -> hash(withRefs.withId(t.id().withVersion(""))));
    return withRefs.withId(t.id().withVersion(v));
  }

  private WorkflowDef versionedWorkflow(WorkflowDef w) {
    List<Node> nodes = new ArrayList<>();
    for (Node n : w.nodes()) {
      nodes.add(node(n));
    }
    Optional<Node> failure = w.failureNode().map(this::node);
    WorkflowDef withRefs = w.with(w.id().withVersion(""), nodes, failure);
    String v = versions.computeIfAbsent(key(w.id()), k -> hash(withRefs));
    return withRefs.with(w.id().withVersion(v), nodes, failure);
  }

  private LaunchPlanDef versionedPlan(LaunchPlanDef l) {
    LaunchPlanDef withRefs = l.withIds(l.id().withVersion(""), ref(l.workflow()));
    String v = versions.computeIfAbsent(key(l.id()), k -> hash(withRefs));
    return withRefs.withIds(l.id().withVersion(v), withRefs.workflow());
  }

  private Node node(Node n) {
    return n.withTarget(target(n.target()));
  }

  private NodeTarget target(NodeTarget t) {
    if (t instanceof NodeTarget.TaskCall c) {
      return new NodeTarget.TaskCall(ref(c.task()), c.overrides());
    }
    if (t instanceof NodeTarget.SubWorkflowCall s) {
      return new NodeTarget.SubWorkflowCall(ref(s.workflow()));
    }
    if (t instanceof NodeTarget.LaunchPlanCall l) {
      return new NodeTarget.LaunchPlanCall(ref(l.launchPlan()));
    }
    if (t instanceof NodeTarget.Branch b) {
      IfElseBlock e = b.ifElse();
      List<IfElseBlock.IfBlock> others = new ArrayList<>();
      for (IfElseBlock.IfBlock o : e.others()) {
        others.add(new IfElseBlock.IfBlock(o.condition(), node(o.thenNode())));
      }
      return new NodeTarget.Branch(new IfElseBlock(new IfElseBlock.IfBlock(e.first().condition(), node(e.first().thenNode())),
          others, e.elseNode().map(this::node), e.error()));
    }
    if (t instanceof NodeTarget.ArrayCall a) {
      return new NodeTarget.ArrayCall(node(a.subNode()), a.parallelism(), a.minSuccessRatio(), a.boundInputs());
    }
    throw new AssertionError(t);
  }
}
