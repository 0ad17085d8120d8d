package io.flytemigrate.kfp.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The call-graph cycles of nested pipelines, found in one linear pass. */
class CallCyclesTest {
  private static Map<String, List<String>> calls(String... pairs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String p : pairs) {
      String[] parts = p.split(":", -1);
      out.put(parts[0], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(",")));
    }
    return out;
  }

  @Test
  void aPipelineWithoutCyclesHasNoRecursivePipeline() {
    CallCycles.Result r = CallCycles.find(calls("a:b,c", "b:c,echo", "c:echo"));
    assertEquals(Set.of(), r.recursive());
    assertEquals(3, r.steps(), "the calls of pipelines; `echo` is not one");
  }

  @Test
  void aCallOfItselfIsACycle() {
    assertEquals(Set.of("b"), CallCycles.find(calls("a:b", "b:b,c", "c:")).recursive());
  }

  @Test
  void everyMemberOfACycleIsReportedAndNothingOutsideIt() {
    // a -> b -> c -> d -> b, and e calls into the cycle without being on it.
    CallCycles.Result r = CallCycles.find(calls("e:c", "a:b", "b:c", "c:d", "d:b,x", "x:"));
    assertEquals(List.of("b", "c", "d"), List.copyOf(r.recursive()), "in the order of the map");
  }

  @Test
  void twoSeparateCyclesAndACycleReachedTwice() {
    CallCycles.Result r = CallCycles.find(calls("a:b", "b:a", "c:d,a", "d:c", "e:a,c"));
    assertEquals(List.of("a", "b", "c", "d"), List.copyOf(r.recursive()));
  }

  @Test
  void undefinedCalleesAreNotEdges() {
    assertEquals(Set.of(), CallCycles.find(calls("a:missing,a-missing", "b:")).recursive());
  }

  /** 5,000 pipelines in one chain, the last calling the first: one pass, each call once. */
  @Test
  void aChainOfFiveThousandPipelinesClosedIntoACycleIsOnePass() {
    int n = 5_000;
    Map<String, List<String>> chain = new LinkedHashMap<>();
    for (int i = 1; i <= n; i++) {
      chain.put("p" + i, List.of("p" + (i % n + 1), "echo"));
    }
    CallCycles.Result r = CallCycles.find(chain);
    assertEquals(n, r.recursive().size());
    assertEquals("p1", r.recursive().iterator().next());
    assertEquals(n, r.steps(), "each call followed once (the walk from every pipeline took n * n)");
  }

  @Test
  void aChainOfFiveThousandPipelinesWithoutACycle() {
    int n = 5_000;
    Map<String, List<String>> chain = new LinkedHashMap<>();
    for (int i = 1; i <= n; i++) {
      chain.put("p" + i, i < n ? List.of("p" + (i + 1)) : List.of());
    }
    CallCycles.Result r = CallCycles.find(chain);
    assertEquals(Set.of(), r.recursive());
    assertEquals(n - 1, r.steps());
  }
}
