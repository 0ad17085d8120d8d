package io.flytemigrate.flyteproto.write;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The registration order (flyte-target.md 1.3): every entity after what it references, as
 * pyflyte's {@code get_serializable} inserts them. The base order is the model's: tasks, then each
 * workflow followed by its launch plans (default plan first); a stable topological sort then
 * moves anything a dependency requires earlier (a sub-workflow before its caller, a launch plan
 * before a workflow that calls it through {@code launchplan_ref}) and changes nothing else.
 */
final class EntityOrder {
  private EntityOrder() {}

  /** An entity to order: its id and the ids it references. */
  record Item(Identifier id, Set<Identifier> dependencies) {}

  static List<Item> of(FlyteProject project) {
    return of(new ProjectIndex(project));
  }

  static List<Item> of(ProjectIndex index) {
    FlyteProject project = index.project();
    List<Item> base = new ArrayList<>();
    for (var t : project.tasks()) {
      base.add(new Item(t.id(), Set.of()));
    }
    Set<Identifier> placedPlans = new LinkedHashSet<>();
    for (WorkflowDef wf : project.workflows()) {
      base.add(new Item(wf.id(), references(wf)));
      List<LaunchPlanDef> plans = new ArrayList<>();
      index.defaultPlan(wf.id()).ifPresent(plans::add);
      for (LaunchPlanDef lp : index.plansOf(wf.id())) {
        if (!plans.contains(lp)) {
          plans.add(lp);
        }
      }
      for (LaunchPlanDef lp : plans) {
        base.add(new Item(lp.id(), Set.of(lp.workflow())));
        placedPlans.add(lp.id());
      }
    }
    for (LaunchPlanDef lp : project.launchPlans()) {
      if (!placedPlans.contains(lp.id())) {
        base.add(new Item(lp.id(), Set.of(lp.workflow())));
      }
    }
    return stableTopological(base);
  }

  /**
   * Repeatedly takes the first item, in base order, whose known dependencies are all placed: with
   * a queue of the ready items by base position, each item and dependency is looked at once.
   */
  static List<Item> stableTopological(List<Item> base) {
    Set<Identifier> known = new HashSet<>();
    for (Item i : base) {
      known.add(i.id());
    }
    int[] waiting = new int[base.size()];
    Map<Identifier, List<Integer>> dependents = new HashMap<>();
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int k = 0; k < base.size(); k++) {
      Item i = base.get(k);
      for (Identifier d : i.dependencies()) {
        if (known.contains(d) && !d.equals(i.id())) {
          waiting[k]++;
          dependents.computeIfAbsent(d, x -> new ArrayList<>()).add(k);
        }
      }
      if (waiting[k] == 0) {
        ready.add(k);
      }
    }
    List<Item> out = new ArrayList<>();
    Set<Identifier> done = new HashSet<>();
    boolean[] placed = new boolean[base.size()];
    while (!ready.isEmpty()) {
      int k = ready.poll();
      Item next = base.get(k);
      placed[k] = true;
      out.add(next);
      if (done.add(next.id())) {
        for (int w : dependents.getOrDefault(next.id(), List.of())) {
          if (--waiting[w] == 0) {
            ready.add(w);
          }
        }
      }
    }
    if (out.size() < base.size()) {
      int first = 0;
      while (placed[first]) {
        first++;
      }
      throw new IllegalArgumentException("entities reference each other in a cycle: " + base.get(first).id().name());
    }
    return out;
  }

  /** Tasks, sub-workflows and launch plans a workflow calls, also through branches and arrays. */
  static Set<Identifier> references(WorkflowDef wf) {
    Set<Identifier> refs = new LinkedHashSet<>();
    for (Node n : wf.nodes()) {
      collect(n, refs);
    }
    wf.failureNode().ifPresent(n -> collect(n, refs));
    return refs;
  }

  private static void collect(Node n, Set<Identifier> refs) {
    NodeTarget t = n.target();
    if (t instanceof NodeTarget.TaskCall c) {
      refs.add(c.task());
    } else if (t instanceof NodeTarget.SubWorkflowCall c) {
      refs.add(c.workflow());
    } else if (t instanceof NodeTarget.LaunchPlanCall c) {
      refs.add(c.launchPlan());
    } else if (t instanceof NodeTarget.Branch b) {
      collect(b.ifElse().first().thenNode(), refs);
      b.ifElse().others().forEach(o -> collect(o.thenNode(), refs));
      b.ifElse().elseNode().ifPresent(e -> collect(e, refs));
    } else if (t instanceof NodeTarget.ArrayCall a) {
      collect(a.subNode(), refs);
    }
  }
}
