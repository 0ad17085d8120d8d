package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenamedNamesAreUniqueTest {
  private final Check check = new RenamedNamesAreUnique();
  private static final Component ECHO = Ir.container("comp-echo", List.of(), List.of(), 1);

  @Test
  void distinctNamesAndExactDuplicatesAreNotCollisions() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(
        Ir.task("train", "comp-echo", 10), Ir.task("test", "comp-echo", 11), Ir.task("test", "comp-echo", 12)));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void nodeIdsThatBecomeOneNodeIdAreAnError() {
    List<Diagnostic> found = Kfp.run(check, Ir.pipeline(List.of(ECHO), Ir.graph(
        Ir.task("train-model", "comp-echo", 10), Ir.task("train_model", "comp-echo", 11), Ir.task("TrainModel", "comp-echo", 12))));
    assertEquals("""
        11:1 error node id `train_model` and node id `train-model` both become `train-model`
        12:1 error node id `TrainModel` and node id `train-model` both become `train-model`
        """, Kfp.lines(found));
    assertEquals(10, found.get(0).related().get(0).span().line());
  }

  @Test
  void inputNamesThatBecomeOnePythonNameAreAnError() {
    Component c = Ir.container("comp-c", List.of(Ir.port("data-path", Ir.STR, 2), Ir.port("data_path", Ir.STR, 3)),
        List.of(Ir.port("data-path", Ir.STR, 4)), 1);
    assertEquals("3:1 error input `data_path` of component `comp-c` and input `data-path` of component `comp-c` both become"
        + " `data_path`\n", Kfp.findings(check, Ir.pipeline(List.of(c), Ir.graph())));
  }
}
