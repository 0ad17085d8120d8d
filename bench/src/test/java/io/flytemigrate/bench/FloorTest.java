package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FloorTest {
  @Test
  void yamlIsComposedIntoNodes() {
    // mapping, key a, sequence, 1, 2, key b, x
    assertEquals(7, Floor.snakeYamlNodes("a: [1, 2]\nb: x\n"));
    assertEquals(3 + 3, Floor.snakeYamlNodes("a: 1\n---\nb: 2\n"), "every document counts");
  }

  @Test
  void jsonIsStreamedIntoTokens() {
    // {, the name a, [, 1, 2, ], }
    assertEquals(7, Floor.jacksonTokens("{\"a\": [1, 2]}"));
  }

  @Test
  void pythonIsParsedByTreeSitterAndEveryNodeVisited() {
    // module, expression_statement, assignment, identifier x, "=", integer 1
    assertEquals(6, Floor.treeSitterNodes("x = 1\n"));
    // A syntax error still gives a tree (with an ERROR node), as the Airflow reader sees it.
    assertTrue(Floor.treeSitterNodes("def f(:\n") > 1);
    assertEquals(1, Floor.treeSitterNodes(""), "an empty module is one node");
  }

  @Test
  void aPythonFileTakesTreeSitterByItsName() {
    String dag = "from airflow import DAG\nwith DAG('d') as dag:\n    pass\n";
    Work w = Stages.run(Floor.inMemory(), Work.ofBytes("dags/d.py", dag.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Floor.treeSitterNodes(dag), w.produced());
    Work y = Stages.run(Floor.inMemory(), Work.ofBytes("d.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(3, y.produced(), "not a .py file: SnakeYAML");
  }

  @Test
  void brokenInputCountsAsMinusOne() {
    assertEquals(-1, Floor.snakeYamlNodes("a: [1,\n"));
    assertEquals(-1, Floor.jacksonTokens("{\"a\": "));
  }

  @Test
  void theParserIsPickedByContentLikeTheReaders() {
    assertTrue(Floor.looksLikeJson("\uFEFF  {\"a\": 1}"));
    assertFalse(Floor.looksLikeJson("a: {b: 1}"));
    Synthetic.Spec spec = Synthetic.generate(Shape.CHAIN, 10);
    Work w = Stages.run(Floor.inMemory(), Work.ofBytes(spec.name(), spec.yaml().getBytes(StandardCharsets.UTF_8)));
    assertEquals(Floor.snakeYamlNodes(spec.yaml()), w.produced());
  }
}
