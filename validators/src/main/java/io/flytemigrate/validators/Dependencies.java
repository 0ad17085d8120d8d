package io.flytemigrate.validators;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edges between the nodes of one graph, as Flyte's compiler adds them: a node depends on each
 * sibling whose output or final status it reads, and on each sibling its {@code after} list names.
 * Edges to names that are not nodes of the graph are left out (FM4002 reports those), and so is
 * a node naming itself in {@code after} (FM4006 reports that).
 */
final class Dependencies {
  /**
   * {@code downstream} waits for {@code upstream}.
   *
   * @param span where the edge is written: the input binding, or the node for {@code after}
   * @param data whether the edge comes from reading an output rather than from {@code after}
   */
  record Edge(String upstream, String downstream, Span span, boolean data) {}

  /** A task output or final status that a binding reads. */
  record Read(String task, Optional<String> output) {}

  private final Map<String, List<Edge>> upstreamOf = new LinkedHashMap<>();
  private final List<String> ids = new ArrayList<>();

  private Dependencies() {}

  static Dependencies of(Graph graph) {
    Dependencies d = new Dependencies();
    // Position order, not list order, so that which node of a cycle comes first is a property of
    // the source text alone.
    List<Node> byPosition = new ArrayList<>(graph.nodes());
    byPosition.sort(Comparator.comparingInt((Node n) -> n.span().line()).thenComparingInt(n -> n.span().column()));
    for (Node n : byPosition) {
      if (!d.upstreamOf.containsKey(n.id())) {
        d.ids.add(n.id());
        d.upstreamOf.put(n.id(), new ArrayList<>());
      }
    }
    for (Node n : graph.nodes()) {
      List<Edge> edges = d.upstreamOf.get(n.id());
      for (InputBinding b : n.inputs()) {
        for (Read r : reads(b.value())) {
          if (d.upstreamOf.containsKey(r.task())) {
            edges.add(new Edge(r.task(), n.id(), b.span(), true));
          }
        }
      }
      for (String a : n.after()) {
        if (d.upstreamOf.containsKey(a) && !a.equals(n.id())) {
          edges.add(new Edge(a, n.id(), n.span(), false));
        }
      }
    }
    return d;
  }

  /** Node ids in order of position in the source, each once. */
  List<String> ids() {
    return ids;
  }

  /** The edges into {@code id}, in source order. */
  List<Edge> upstream(String id) {
    return upstreamOf.getOrDefault(id, List.of());
  }

  /**
   * The groups of nodes that wait for each other (strongly connected components with a cycle),
   * ordered by their first node, each group in the order of {@link #ids()}. A node that waits for
   * itself is a group of one.
   */
  List<List<String>> cycles() {
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      order.put(ids.get(i), i);
    }
    int n = ids.size();
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    List<List<String>> out = new ArrayList<>();
    int counter = 0;
    // Iterative Tarjan: a frame is (node, position in its upstream edge list).
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      Deque<int[]> frames = new ArrayDeque<>();
      frames.push(new int[] {root, 0});
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      while (!frames.isEmpty()) {
        int[] f = frames.peek();
        List<Edge> edges = upstream(ids.get(f[0]));
        if (f[1] < edges.size()) {
          int next = order.get(edges.get(f[1]++).upstream());
          if (index[next] < 0) {
            index[next] = low[next] = counter++;
            stack.push(next);
            onStack[next] = true;
            frames.push(new int[] {next, 0});
          } else if (onStack[next]) {
            low[f[0]] = Math.min(low[f[0]], index[next]);
          }
          continue;
        }
        frames.pop();
        if (!frames.isEmpty()) {
          int parent = frames.peek()[0];
          low[parent] = Math.min(low[parent], low[f[0]]);
        }
        if (low[f[0]] == index[f[0]]) {
          List<Integer> group = new ArrayList<>();
          int m;
          do {
            m = stack.pop();
            onStack[m] = false;
            group.add(m);
          } while (m != f[0]);
          String only = ids.get(f[0]);
          boolean selfLoop = upstream(only).stream().anyMatch(e -> e.upstream().equals(only));
          if (group.size() > 1 || selfLoop) {
            group.sort(null);
            out.add(group.stream().map(ids::get).toList());
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(g -> order.get(g.get(0))));
    return out;
  }

  /**
   * A shortest cycle through the first node of {@code group} (one of {@link #cycles()}), as the
   * edges in the order values flow: each edge's downstream is the next edge's upstream.
   */
  List<Edge> cycleThroughFirst(List<String> group) {
    String start = group.get(0);
    Set<String> members = new HashSet<>(group);
    // Breadth-first search backwards along upstream edges, from start back to start.
    Map<String, Edge> reachedBy = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String node = todo.poll();
      for (Edge e : upstream(node)) {
        if (!members.contains(e.upstream())) {
          continue;
        }
        if (e.upstream().equals(start)) {
          List<Edge> path = new ArrayList<>();
          path.add(e);
          String at = node;
          while (!at.equals(start)) {
            Edge via = reachedBy.get(at);
            path.add(via);
            at = via.downstream();
          }
          return path;
        }
        if (!reachedBy.containsKey(e.upstream())) {
          reachedBy.put(e.upstream(), e);
          todo.add(e.upstream());
        }
      }
    }
    throw new IllegalStateException("no cycle through " + start);
  }

  /** Every task output and final status {@code binding} reads, looking inside field selectors. */
  static List<Read> reads(Binding binding) {
    List<Read> out = new ArrayList<>();
    collect(binding, out);
    return out;
  }

  private static void collect(Binding b, List<Read> out) {
    if (b instanceof Binding.TaskOutput o) {
      out.add(new Read(o.task(), Optional.of(o.output())));
    } else if (b instanceof Binding.TaskFinalStatus s) {
      out.add(new Read(s.task(), Optional.empty()));
    } else if (b instanceof Binding.Field f) {
      collect(f.base(), out);
    }
  }
}
