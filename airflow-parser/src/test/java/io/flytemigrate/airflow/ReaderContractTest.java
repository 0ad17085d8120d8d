package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.print.IrPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the cli relies on: recognising inputs, one pipeline from `read`, all of them from `readAll`. */
class ReaderContractTest {
  private static final String TWO = """
      from airflow import DAG
      from airflow.operators.empty import EmptyOperator
      with DAG("first", schedule=None):
          EmptyOperator(task_id="a")
      with DAG("second", schedule=None):
          EmptyOperator(task_id="b")
      """;

  @Test
  void recognisesDagFilesAndSerializedDagsByContent() {
    AirflowReader py = new AirflowReader();
    AirflowSerializedReader json = new AirflowSerializedReader();
    assertTrue(py.accepts(new SourceFile("x.txt", TWO)));
    assertFalse(py.accepts(new SourceFile("x.py", "print('hello')\n")));
    assertFalse(py.accepts(new SourceFile("x.py", "{\"__version\": 3, \"dag\": {}}")));
    assertTrue(json.accepts(new SourceFile("x", "{\"__version\": 3, \"dag\": {\"dag_id\": \"d\", \"tasks\": []}}")));
    assertFalse(json.accepts(new SourceFile("x", "pipelineInfo:\n  name: x\n")));
    assertEquals("airflow", py.format());
    assertEquals("airflow-serialized", json.format());
  }

  @Test
  void readReturnsTheFirstDagAndNamesTheOthers() {
    Outcome<Pipeline> one = new AirflowReader().read(new SourceFile("two.py", TWO));
    assertEquals("first", one.value().orElseThrow().name());
    assertEquals(1, one.diagnostics().size());
    assertEquals("FM3003", one.diagnostics().get(0).code().id());
    assertTrue(one.diagnostics().get(0).message().contains("`second`"), one.diagnostics().get(0).message());
    Outcome<List<Pipeline>> all = new AirflowReader().readAll(new SourceFile("two.py", TWO));
    assertEquals(List.of("first", "second"), all.value().orElseThrow().stream().map(Pipeline::name).toList());
    assertTrue(all.diagnostics().isEmpty());
  }

  @Test
  void syntaxErrorsFailTheFileWithAPosition() {
    Outcome<Pipeline> o = new AirflowReader().read(new SourceFile("bad.py", "from airflow import DAG\nwith DAG(:\n"));
    assertTrue(o.value().isEmpty());
    assertEquals("FM3001", o.diagnostics().get(0).code().id());
    assertEquals("bad.py:2:9", o.diagnostics().get(0).span().location());
  }

  @Test
  void readingTwiceGivesTheSameText() {
    String a = IrPrinter.print(new AirflowReader().read(new SourceFile("two.py", TWO)).value().orElseThrow());
    String b = IrPrinter.print(new AirflowReader().read(new SourceFile("two.py", TWO)).value().orElseThrow());
    assertEquals(a, b);
  }
}
