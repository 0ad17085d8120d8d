package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildTest {
  @Test
  void theLastResultLineIsRead() {
    String output = "bench: working\nRESULT a=1 b=x\nnoise\nRESULT files=10000 wallNanos=42\n";
    assertEquals(Map.of("files", "10000", "wallNanos", "42"), Child.parse(output));
  }

  @Test
  void withoutAResultLineThereAreNoValues() {
    Child c = new Child(1, Child.parse("Exception in thread main java.lang.OutOfMemoryError\n"), "");
    assertEquals(Map.of(), c.values());
    assertEquals(false, c.ok());
    assertEquals(-1, c.longValue("files"));
  }
}
