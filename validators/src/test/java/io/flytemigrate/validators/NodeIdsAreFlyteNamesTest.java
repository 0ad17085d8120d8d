package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeIdsAreFlyteNamesTest {
  private final Check check = new NodeIdsAreFlyteNames();
  private static final Component ECHO = Ir.container("comp-echo", List.of(), List.of(), 1);

  @Test
  void kfpTaskIdsAreValidNodeIds() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(
        Ir.task("print-text-2", "comp-echo", 10), Ir.task("for-loop-1", "comp-echo", 11), Ir.task("a", "comp-echo", 12)));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void invalidIdsAreReportedWithTheirNewName() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(
        Ir.task("Train_Model", "comp-echo", 10), Ir.task("end-node", "comp-echo", 11), Ir.task("load data!", "comp-echo", 12)));
    assertEquals("""
        10:1 warning node id `Train_Model` is not a valid flyte node id; it becomes `train-model`
        11:1 warning node id `end-node` is not a valid flyte node id; it becomes `n-end-node`
        12:1 warning node id `load data!` is not a valid flyte node id; it becomes `loaddata`
        """, Kfp.findings(check, p));
  }

  @Test
  void idsWhoseNewNameCollidesAreLeftToTheCollisionCheck() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Ir.task("train-model", "comp-echo", 10), Ir.task("train_model", "comp-echo", 11)));
    assertEquals("", Kfp.findings(check, p));
  }
}
