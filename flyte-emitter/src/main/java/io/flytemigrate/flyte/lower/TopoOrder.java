package io.flytemigrate.flyte.lower;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The nodes of a graph in dependency order: every node after the nodes it binds outputs of or
 * waits for. Ties keep source order, so the order (and the generated Python) is stable. A cycle,
 * which validators report, leaves the remaining nodes in source order at the end.
 */
final class TopoOrder {
  private TopoOrder() {}

  static List<Node> of(Graph g) {
    List<Node> nodes = g.nodes();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    List<Set<Integer>> deps = new ArrayList<>();
    for (Node n : nodes) {
      Set<Integer> d = new LinkedHashSet<>();
      for (String id : dependencies(n)) {
        Integer i = index.get(id);
        if (i != null && !id.equals(n.id())) {
          d.add(i);
        }
      }
      deps.add(d);
    }
    // Kahn's algorithm, always taking the ready node that comes first in source order: the order
    // a scan for the first ready node from the top would give, without the scan per node.
    int[] waiting = new int[nodes.size()];
    List<List<Integer>> dependents = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      dependents.add(new ArrayList<>());
    }
    for (int i = 0; i < nodes.size(); i++) {
      waiting[i] = deps.get(i).size();
      for (int d : deps.get(i)) {
        dependents.get(d).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<Node> out = new ArrayList<>();
    boolean[] done = new boolean[nodes.size()];
    while (!ready.isEmpty()) {
      int i = ready.poll();
      done[i] = true;
      out.add(nodes.get(i));
      for (int j : dependents.get(i)) {
        if (--waiting[j] == 0) {
          ready.add(j);
        }
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (!done[i]) {
        out.add(nodes.get(i));
      }
    }
    return out;
  }

  /** Ids of sibling nodes a node depends on: its after list and the tasks its bindings read. */
  static Set<String> dependencies(Node n) {
    Set<String> out = new LinkedHashSet<>(n.after());
    for (InputBinding b : n.inputs()) {
      collect(b.value(), out);
    }
    return out;
  }

  static void collect(Binding b, Set<String> out) {
    if (b instanceof Binding.TaskOutput t) {
      out.add(t.task());
    } else if (b instanceof Binding.TaskFinalStatus s) {
      out.add(s.task());
    } else if (b instanceof Binding.Field f) {
      collect(f.base(), out);
    }
  }
}
