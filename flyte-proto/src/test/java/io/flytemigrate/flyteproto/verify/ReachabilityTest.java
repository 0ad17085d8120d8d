package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.core.Literals;
import flyteidl.core.Types;
import flyteidl.core.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Reachability} answers exactly what a breadth-first search over upstream ids and promises
 * answers, on random workflows with and without cycles, repeated ids and ids of no node.
 */
class ReachabilityTest {

  @Test
  void answersLikeASearchOnRandomWorkflows() {
    Random random = new Random(20_261_201);
    int yes = 0;
    int no = 0;
    for (int round = 0; round < 300; round++) {
      int size = 1 + random.nextInt(40);
      boolean cycles = round % 3 == 0;
      FlyteScope scope = scope(randomNodes(random, size, cycles));
      Reachability r = scope.reachability();
      for (FlyteNode from : scope.nodes) {
        for (FlyteNode to : scope.nodes) {
          boolean want = search(scope, from, to.id());
          assertEquals(want, r.waitsFor(from, to.id()), "round " + round + ": " + from.id() + " -> " + to.id());
          if (want) {
            yes++;
          } else {
            no++;
          }
        }
        assertFalse(r.waitsFor(from, "no-such-node"));
      }
    }
    assertTrue(yes > 1_000 && no > 1_000, yes + " / " + no);
  }

  @Test
  void aLongChainReachesItsStart() {
    List<Workflow.Node> nodes = new ArrayList<>();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      Workflow.Node.Builder b = Workflow.Node.newBuilder().setId("n" + i);
      if (i > 0) {
        b.addInputs(Literals.Binding.newBuilder().setVar("x").setBinding(Literals.BindingData.newBuilder()
            .setPromise(Types.OutputReference.newBuilder().setNodeId("n" + (i - 1)).setVar("o"))));
      }
      nodes.add(b.build());
    }
    FlyteScope scope = scope(nodes);
    assertTrue(scope.reachability().waitsFor(scope.nodes.get(n - 1), "n0"));
    assertFalse(scope.reachability().waitsFor(scope.nodes.get(0), "n" + (n - 1)));
  }

  private static List<Workflow.Node> randomNodes(Random random, int size, boolean cycles) {
    List<Workflow.Node> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      // A few repeated ids: the first node of an id is the one promises reach.
      String id = random.nextInt(10) == 0 && i > 0 ? "n" + random.nextInt(i) : "n" + i;
      Workflow.Node.Builder b = Workflow.Node.newBuilder().setId(id);
      int edges = random.nextInt(4);
      for (int e = 0; e < edges; e++) {
        int bound = cycles ? size : Math.max(1, i);
        String up = random.nextInt(15) == 0 ? "ghost" + e : "n" + random.nextInt(bound);
        if (!cycles && i == 0) {
          continue;
        }
        if (random.nextBoolean()) {
          b.addUpstreamNodeIds(up);
        } else {
          b.addInputs(Literals.Binding.newBuilder().setVar("v" + e).setBinding(Literals.BindingData.newBuilder()
              .setPromise(Types.OutputReference.newBuilder().setNodeId(up).setVar("o"))));
        }
      }
      nodes.add(b.build());
    }
    return nodes;
  }

  private static FlyteScope scope(List<Workflow.Node> nodes) {
    Workflow.WorkflowTemplate wf = Workflow.WorkflowTemplate.newBuilder().addAllNodes(nodes).build();
    FlyteScope s = new FlyteScope(FlyteScope.Kind.ROOT, wf, Optional.empty(), "wf");
    for (Workflow.Node n : nodes) {
      s.add(new FlyteNode(n, s, "wf/" + n.getId(), false));
    }
    return s;
  }

  /** The search the verifier did per edge before, kept here as the reference. */
  private static boolean search(FlyteScope ws, FlyteNode from, String to) {
    Deque<String> todo = new ArrayDeque<>(FlyteTrace.directUpstream(from.node));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (id.equals(to)) {
        return true;
      }
      if (seen.add(id)) {
        ws.node(id).ifPresent(n -> todo.addAll(FlyteTrace.directUpstream(n.node)));
      }
    }
    return false;
  }
}
