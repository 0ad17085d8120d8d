package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FlyteNamesTest {
  /** flytekit's own test vectors for {@code _dnsify} ({@code tests/flytekit/unit/core/test_utils.py}). */
  @ParameterizedTest
  @CsvSource({"test.abc,test-abc", "test,test", ".test,test", "Test,test", "test.,test", "test-,test", "test$,test",
      "te$t$,tet"})
  void nodeIdsAreDnsifiedLikeFlytekit(String in, String out) {
    assertEquals(out, FlyteNames.nodeId(in));
  }

  @Test
  void longNamesKeepTheirTailBehindAHashLikeFlytekit() {
    assertEquals("da4b348ebe-" + "t".repeat(52), FlyteNames.nodeId("t".repeat(64)));
  }

  @Test
  void upperCaseStartsAWordAndSeparatorsBecomeHyphens() {
    assertEquals("train-model", FlyteNames.nodeId("TrainModel"));
    assertEquals("train-model", FlyteNames.nodeId("train_model"));
    assertEquals("a-b", FlyteNames.nodeId("A_B"));
    assertEquals("ml-pipeline-v2", FlyteNames.nodeId("ml.pipeline_v2"));
  }

  @Test
  void beyondFlytekitTheResultIsAlwaysAValidNodeId() {
    assertEquals("node", FlyteNames.nodeId(""));
    assertEquals("node", FlyteNames.nodeId("$$$"));
    assertEquals("n-start-node", FlyteNames.nodeId("start-node"));
    assertEquals("n-end-node", FlyteNames.nodeId("End_Node"));
    assertEquals("caf", FlyteNames.nodeId("café"));
    // 62 capitals: flytekit's `_dnsify` gives 92 characters here; the result is shortened again.
    String id = FlyteNames.nodeId("AB".repeat(31));
    assertTrue(FlyteNames.isNodeId(id), id);
    Random random = new Random(42);
    String alphabet = "aZ0_-.$ é";
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(90); n > 0; n--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String renamed = FlyteNames.nodeId(b.toString());
      assertTrue(FlyteNames.isNodeId(renamed), () -> "`" + b + "` became `" + renamed + "`");
      assertEquals(renamed, FlyteNames.nodeId(renamed), "renaming is idempotent");
    }
  }

  @Test
  void validNodeIdsAreKept() {
    for (String id : new String[] {"print-text-2", "for-loop-1", "n0", "a--b", "0abc", "x".repeat(63)}) {
      assertTrue(FlyteNames.isNodeId(id), id);
      assertEquals(id, FlyteNames.nodeId(id));
    }
    for (String id : new String[] {"", "-a", "a-", "A", "a_b", "x".repeat(64), "start-node", "end-node"}) {
      assertFalse(FlyteNames.isNodeId(id), id);
    }
  }

  @ParameterizedTest
  @CsvSource({"my-input,my_input", "class,class_", "1st,_1st", "data path,data_path", "é,_", "None,None_",
      "pipelinechannel--x,pipelinechannel__x", "ok_name,ok_name", "match,match"})
  void pythonNames(String in, String out) {
    assertEquals(out, FlyteNames.pythonIdentifier(in));
    assertTrue(FlyteNames.isPythonIdentifier(out), out);
  }

  @Test
  void theEmptyNameBecomesAnUnderscore() {
    assertEquals("_", FlyteNames.pythonIdentifier(""));
    assertFalse(FlyteNames.isPythonIdentifier(""));
  }
}
