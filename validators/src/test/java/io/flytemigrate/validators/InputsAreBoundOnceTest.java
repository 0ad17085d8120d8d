package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputsAreBoundOnceTest {
  private final Check check = new InputsAreBoundOnce();
  private static final Component ECHO =
      Ir.container("comp-echo", List.of(Ir.port("text", Ir.STR, 2), Ir.port("more", Ir.STR, 3)), List.of(), 1);

  @Test
  void eachInputOnceIsFine() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Ir.task("a", "comp-echo", 10,
        Ir.bind("text", Ir.constant(Value.str("x")), 11), Ir.bind("more", Ir.constant(Value.str("y")), 12))));
    assertEquals("", Kfp.findings(check, p));
  }

  @Test
  void theSecondValueIsReportedWithTheFirst() {
    Pipeline p = Ir.pipeline(List.of(ECHO), Ir.graph(Ir.task("a", "comp-echo", 10,
        Ir.bind("text", Ir.constant(Value.str("x")), 11), Ir.bind("text", Ir.constant(Value.str("y")), 12))));
    List<Diagnostic> found = Kfp.run(check, p);
    assertEquals("12:1 error task `a` sets input `text` more than once\n", Kfp.lines(found));
    assertEquals(11, found.get(0).related().get(0).span().line());
  }
}
