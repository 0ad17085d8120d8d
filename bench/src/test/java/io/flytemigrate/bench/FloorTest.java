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
