package io.flytemigrate.kfp.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookups by key in mappings small enough to scan and large enough to index give the same answers. */
class DocMapTest {
  private static Entry entry(String key, int line) {
    return new Entry(key, Span.at("m.yaml", line, 1), new DocScalar("v" + line, DocNode.ScalarKind.STRING, Span.at("m.yaml", line, 4)));
  }

  /** {@code size} entries {@code k0, k1, ...}, then a second {@code k0} and a second {@code k1}. */
  private static DocMap withRepeats(int size) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      entries.add(entry("k" + i, i + 1));
    }
    entries.add(entry("k0", size + 1));
    entries.add(entry("k1", size + 2));
    return new DocMap(entries, Span.at("m.yaml", 1, 1));
  }

  @Test
  void aKeyFindsItsFirstEntryWhateverTheSize() {
    for (int size : List.of(2, DocMap.SCAN - 2, DocMap.SCAN - 1, DocMap.SCAN, 50, 20_000)) {
      DocMap m = withRepeats(size);
      assertEquals(size + 2, m.entries().size(), "entries keep every repeat");
      assertEquals(1, m.entry("k0").orElseThrow().keySpan().line(), "size " + size);
      assertEquals(2, m.entry("k1").orElseThrow().keySpan().line(), "size " + size);
      assertEquals(size, m.entry("k" + (size - 1)).orElseThrow().keySpan().line(), "size " + size);
      assertSame(m.entries().get(size - 1), m.entry("k" + (size - 1)).orElseThrow());
      assertTrue(m.entry("k" + size).isEmpty(), "size " + size);
      assertTrue(m.entry("").isEmpty(), "size " + size);
    }
  }

  @Test
  void entriesKeepDocumentOrderWithRepeats() {
    DocMap m = withRepeats(30);
    List<String> keys = m.entries().stream().map(Entry::key).toList();
    assertEquals("k0", keys.get(0));
    assertEquals("k29", keys.get(29));
    assertEquals(List.of("k0", "k1"), keys.subList(30, 32));
  }

  @Test
  void equalityHashAndTextAreThoseOfTheRecordItWas() {
    DocMap a = withRepeats(20);
    DocMap b = withRepeats(20);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, withRepeats(19));
    assertNotEquals(a, new DocMap(a.entries(), Span.at("m.yaml", 2, 1)));
    DocMap small = new DocMap(List.of(entry("x", 3)), Span.at("m.yaml", 3, 1));
    assertEquals("DocMap[entries=[Entry[key=x, keySpan=m.yaml:3:1, value=DocScalar[text=v3, kind=STRING, span=m.yaml:3:4]]],"
        + " span=m.yaml:3:1]", small.toString());
  }

  @Test
  void fieldsOfALargeMappingReadAndReportAsOfASmallOne() {
    for (int size : List.of(4, 40)) {
      DiagnosticSink sink = new DiagnosticSink();
      Fields f = new Fields(withRepeats(size), "the test mapping", sink);
      assertEquals("v1", f.string("k0").orElseThrow());
      assertEquals(2, f.keySpan("k1").line());
      assertEquals(4, f.valueSpan("k1").column());
      assertEquals(1, f.keySpan("absent").line(), "the mapping's span");
      assertTrue(f.has("k2"));
      f.ignore("k2", "absent");
      f.done();
      List<String> unknown = sink.sorted().stream().map(d -> d.span().line() + " " + d.message()).toList();
      List<String> expected = new ArrayList<>();
      for (int i = 3; i < size; i++) {
        expected.add((i + 1) + " unknown field `k" + i + "` in the test mapping is ignored");
      }
      expected.add((size + 2) + " unknown field `k1` in the test mapping is ignored");
      expected.add(0, "2 unknown field `k1` in the test mapping is ignored");
      assertEquals(expected, unknown, "size " + size);
    }
  }
}
