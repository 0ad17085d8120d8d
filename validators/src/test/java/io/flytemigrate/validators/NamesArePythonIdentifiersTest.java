package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesArePythonIdentifiersTest {
  private final Check check = new NamesArePythonIdentifiers();

  @Test
  void pythonNamesAreFine() {
    Component c = Ir.container("comp-train", List.of(Ir.port("learning_rate", Ir.FLOAT, 2)), List.of(Ir.port("Output", Ir.STR, 3)), 1);
    assertEquals("", Kfp.findings(check, Ir.pipeline(List.of(c), Ir.graph())));
  }

  @Test
  void otherNamesAreReportedWithTheirNewNameAndBodyPortsAreNot() {
    Component c = Ir.container("comp-train", List.of(Ir.port("learning-rate", Ir.FLOAT, 2), Ir.port("class", Ir.STR, 3)),
        List.of(Ir.port("1st", Ir.STR, 4)), 1);
    Graph root = Ir.graph(Ir.iface(List.of(Ir.port("data path", new IrType.Any(), 6)), List.of()), List.of(), List.of());
    assertEquals("""
        2:1 warning input `learning-rate` of component `comp-train` is not a python identifier; it becomes `learning_rate`
        3:1 warning input `class` of component `comp-train` is not a python identifier; it becomes `class_`
        4:1 warning output `1st` of component `comp-train` is not a python identifier; it becomes `_1st`
        6:1 warning input `data path` of the pipeline is not a python identifier; it becomes `data_path`
        """, Kfp.findings(check, Ir.pipeline(List.of(c), root)));
  }
}
