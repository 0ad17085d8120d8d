package io.flytemigrate.flyteproto.write;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's entities by id, built once per package: {@link FlyteProject}'s own lookups scan its
 * lists, which every node and entity of a large project would repeat. Each lookup answers what
 * the project's does: the first entity of an id, the first default plan of a workflow, and each
 * workflow's plans in project order.
 */
final class ProjectIndex {
  private final FlyteProject project;
  private final Map<Identifier, TaskDef> tasks = new HashMap<>();
  private final Map<Identifier, WorkflowDef> workflows = new HashMap<>();
  private final Map<Identifier, LaunchPlanDef> launchPlans = new HashMap<>();
  private final Map<Identifier, LaunchPlanDef> defaultPlans = new HashMap<>();
  private final Map<Identifier, List<LaunchPlanDef>> plansOf = new HashMap<>();

  ProjectIndex(FlyteProject project) {
    this.project = project;
    for (TaskDef t : project.tasks()) {
      tasks.putIfAbsent(t.id(), t);
    }
    for (WorkflowDef w : project.workflows()) {
      workflows.putIfAbsent(w.id(), w);
    }
    for (LaunchPlanDef l : project.launchPlans()) {
      launchPlans.putIfAbsent(l.id(), l);
      if (l.defaultPlan()) {
        defaultPlans.putIfAbsent(l.workflow(), l);
      }
      plansOf.computeIfAbsent(l.workflow(), k -> new ArrayList<>()).add(l);
    }
  }

  FlyteProject project() {
    return project;
  }

  Optional<TaskDef> task(Identifier id) {
    return Optional.ofNullable(tasks.get(id));
  }

  Optional<WorkflowDef> workflow(Identifier id) {
    return Optional.ofNullable(workflows.get(id));
  }

  Optional<LaunchPlanDef> launchPlan(Identifier id) {
    return Optional.ofNullable(launchPlans.get(id));
  }

  /** Like {@link FlyteProject#defaultPlan}. */
  Optional<LaunchPlanDef> defaultPlan(Identifier workflow) {
    return Optional.ofNullable(defaultPlans.get(workflow));
  }

  /** The launch plans of a workflow, in project order. */
  List<LaunchPlanDef> plansOf(Identifier workflow) {
    return plansOf.getOrDefault(workflow, List.of());
  }
}
