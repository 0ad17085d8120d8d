package io.flytemigrate.kfp.v2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the nested pipelines that call themselves, directly or through others: every member of a
 * strongly connected component of the call graph that has more than one member, or a call to
 * itself. One pass of Tarjan's algorithm, written with an explicit stack so that a chain of
 * thousands of nested pipelines cannot overflow the thread's stack: time and memory are linear
 * in the number of pipelines and calls.
 */
final class CallCycles {
  /**
   * The recursive pipelines, in the order of the map's keys, and the number of calls the pass
   * followed (each call once: what tests check to see that the pass is linear).
   */
  record Result(Set<String> recursive, long steps) {}

  private CallCycles() {}

  /**
   * @param calls for each pipeline, the components its graph calls; a call of anything that is
   *     not a key of the map (a container component, an undefined name) is not an edge
   */
  static Result find(Map<String, ? extends Collection<String>> calls) {
    List<String> ids = new ArrayList<>(calls.keySet());
    Map<String, Integer> number = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      number.put(ids.get(i), i);
    }
    int n = ids.size();
    int[][] edges = new int[n][];
    boolean[] selfCall = new boolean[n];
    for (int v = 0; v < n; v++) {
      List<Integer> out = new ArrayList<>();
      for (String callee : calls.get(ids.get(v))) {
        Integer w = number.get(callee);
        if (w != null) {
          out.add(w);
          selfCall[v] |= w == v;
        }
      }
      edges[v] = out.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] index = new int[n];
    int[] low = new int[n];
    Arrays.fill(index, -1);
    boolean[] onStack = new boolean[n];
    boolean[] recursive = new boolean[n];
    int[] stack = new int[n];
    int stackSize = 0;
    int[] frames = new int[n];
    int[] nextEdge = new int[n];
    int next = 0;
    long steps = 0;

    for (int start = 0; start < n; start++) {
      if (index[start] >= 0) {
        continue;
      }
      int depth = 0;
      frames[depth++] = start;
      index[start] = low[start] = next++;
      stack[stackSize++] = start;
      onStack[start] = true;
      while (depth > 0) {
        int v = frames[depth - 1];
        if (nextEdge[v] < edges[v].length) {
          int w = edges[v][nextEdge[v]++];
          steps++;
          if (index[w] < 0) {
            index[w] = low[w] = next++;
            stack[stackSize++] = w;
            onStack[w] = true;
            frames[depth++] = w;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        depth--;
        if (low[v] == index[v]) {
          int first = stackSize;
          do {
            first--;
            onStack[stack[first]] = false;
          } while (stack[first] != v);
          boolean cycle = stackSize - first > 1 || selfCall[v];
          for (int i = first; i < stackSize; i++) {
            recursive[stack[i]] = cycle;
          }
          stackSize = first;
        }
        if (depth > 0) {
          int parent = frames[depth - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }

    Set<String> out = new LinkedHashSet<>();
    for (int v = 0; v < n; v++) {
      if (recursive[v]) {
        out.add(ids.get(v));
      }
    }
    return new Result(out, steps);
  }
}
