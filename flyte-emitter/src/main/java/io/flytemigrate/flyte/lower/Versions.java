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
import java.util.IdentityHashMap;
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
  /** The first entity of each key, as a search of the project's lists would find it. */
  private final Map<String, TaskDef> tasksByKey = new HashMap<>();
  private final Map<String, WorkflowDef> workflowsByKey = new HashMap<>();
  private final Map<String, LaunchPlanDef> plansByKey = new HashMap<>();
  /**
   * Each entity once versioned: a reference reaching an entity before the project's lists do
   * versions it, and the lists then reuse that result instead of rebuilding its nodes.
   */
  private final Map<Object, Object> done = new IdentityHashMap<>();

  private Versions(FlyteProject project, Optional<String> override, Map<String, String> renamed) {
    this.project = project;
    this.override = override;
    this.renamed = renamed;
    project.tasks().forEach(t -> tasksByKey.putIfAbsent(key(t.id()), t));
    project.workflows().forEach(w -> workflowsByKey.putIfAbsent(key(w.id()), w));
    project.launchPlans().forEach(l -> plansByKey.putIfAbsent(key(l.id()), l));
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
        case TASK -> Optional.ofNullable(tasksByKey.get(k)).ifPresent(this::versionedTask);
        case WORKFLOW -> Optional.ofNullable(workflowsByKey.get(k)).ifPresent(this::versionedWorkflow);
        case LAUNCH_PLAN -> Optional.ofNullable(plansByKey.get(k)).ifPresent(this::versionedPlan);
      }
    }
    return id.withVersion(versions.getOrDefault(k, override.orElse("")));
  }

  private TaskDef versionedTask(TaskDef t) {
    Object was = done.get(t);
    if (was != null) {
      return (TaskDef) was;
    }
    TaskDef withRefs = t.body() instanceof TaskBody.DynamicLoop d
        ? t.withBody(new TaskBody.DynamicLoop(d.itemsInput(), ref(d.body()), d.arguments(),
            d.collected().stream().map(c -> c.withFlattenedBy(c.flattenedBy().map(this::ref))).toList()))
        : t;
    String v = versions.computeIfAbsent(key(t.id()), k -> hash(withRefs.withId(t.id().withVersion(""))));
    TaskDef out = withRefs.withId(t.id().withVersion(v));
    done.put(t, out);
    return out;
  }

  private WorkflowDef versionedWorkflow(WorkflowDef w) {
    Object was = done.get(w);
    if (was != null) {
      return (WorkflowDef) was;
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : w.nodes()) {
      nodes.add(node(n));
    }
    Optional<Node> failure = w.failureNode().map(this::node);
    WorkflowDef withRefs = w.with(w.id().withVersion(""), nodes, failure);
    String v = versions.computeIfAbsent(key(w.id()), k -> hash(withRefs));
    WorkflowDef out = withRefs.with(w.id().withVersion(v), nodes, failure);
    done.put(w, out);
    return out;
  }

  private LaunchPlanDef versionedPlan(LaunchPlanDef l) {
    Object was = done.get(l);
    if (was != null) {
      return (LaunchPlanDef) was;
    }
    LaunchPlanDef withRefs = l.withIds(l.id().withVersion(""), ref(l.workflow()));
    String v = versions.computeIfAbsent(key(l.id()), k -> hash(withRefs));
    LaunchPlanDef out = withRefs.withIds(l.id().withVersion(v), withRefs.workflow());
    done.put(l, out);
    return out;
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
