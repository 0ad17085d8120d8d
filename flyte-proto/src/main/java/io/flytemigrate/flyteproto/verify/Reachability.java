package io.flytemigrate.flyteproto.verify;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes of one workflow scope a node waits for, through upstream ids and promises, directly
 * or not: what an ordering edge of the source needs from the package. A node's own upstream set
 * is read once; the transitive sets are computed once per node, on first need, in topological
 * order as bit sets over the scope's node ids, so checking every ordering edge of a workflow costs
 * about its size, not a search per edge. A workflow whose nodes wait for each other in a cycle
 * (which the package must not have) is searched node by node instead, with the same answers.
 */
final class Reachability {
  /** The first node of each id, in workflow order, and each id's position among them. */
  private final List<FlyteNode> nodes;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<FlyteNode, Set<String>> direct = new IdentityHashMap<>();
  /** The finished transitive sets by position; null where not computed yet. */
  private final BitSet[] above;
  private boolean cyclic;

  Reachability(List<FlyteNode> scopeNodes) {
    List<FlyteNode> firsts = new java.util.ArrayList<>();
    for (FlyteNode n : scopeNodes) {
      if (!index.containsKey(n.id())) {
        index.put(n.id(), firsts.size());
        firsts.add(n);
      }
    }
    this.nodes = firsts;
    this.above = new BitSet[firsts.size()];
  }

  /** Whether {@code from} waits for the node with id {@code to}, directly or through other nodes of the scope. */
  boolean waitsFor(FlyteNode from, String to) {
    Set<String> up = upstream(from);
    if (up.contains(to)) {
      return true;
    }
    Integer target = index.get(to);
    if (target == null) {
      return false;
    }
    if (!cyclic) {
      for (String u : up) {
        Integer i = index.get(u);
        if (i != null) {
          BitSet a = ancestors(i);
          if (a == null) {
            break;
          }
          if (a.get(target)) {
            return true;
          }
        }
      }
      if (!cyclic) {
        return false;
      }
    }
    return search(up, to);
  }

  /** The ids a node names as upstream or in promises, read once per node. */
  private Set<String> upstream(FlyteNode n) {
    return direct.computeIfAbsent(n, k -> FlyteTrace.directUpstream(k.node));
  }

  /**
   * The positions of the nodes node {@code i} waits for, directly or not; null once a cycle is
   * found, after which this scope is searched instead.
   */
  private BitSet ancestors(int i) {
    if (above[i] != null) {
      return above[i];
    }
    // Depth first without recursion: a node's set is made once each upstream node has its own.
    BitSet onPath = new BitSet(nodes.size());
    Deque<Integer> stack = new ArrayDeque<>();
    Deque<Iterator<String>> next = new ArrayDeque<>();
    stack.push(i);
    next.push(upstream(nodes.get(i)).iterator());
    onPath.set(i);
    while (!stack.isEmpty()) {
      Iterator<String> it = next.peek();
      Integer pushed = null;
      while (it.hasNext() && pushed == null) {
        Integer k = index.get(it.next());
        if (k == null || above[k] != null) {
          continue;
        }
        if (onPath.get(k)) {
          cyclic = true;
          return null;
        }
        pushed = k;
      }
      if (pushed != null) {
        stack.push(pushed);
        next.push(upstream(nodes.get(pushed)).iterator());
        onPath.set(pushed);
        continue;
      }
      int n = stack.pop();
      next.pop();
      onPath.clear(n);
      BitSet set = new BitSet(nodes.size());
      for (String u : upstream(nodes.get(n))) {
        Integer k = index.get(u);
        if (k != null) {
          set.set(k);
          set.or(above[k]);
        }
      }
      above[n] = set;
    }
    return above[i];
  }

  /** Breadth first over upstream ids, for a scope with a cycle. */
  private boolean search(Set<String> start, String to) {
    Deque<String> todo = new ArrayDeque<>(start);
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (id.equals(to)) {
        return true;
      }
      Integer k = index.get(id);
      if (seen.add(id) && k != null) {
        todo.addAll(upstream(nodes.get(k)));
      }
    }
    return false;
  }
}
