package io.flytemigrate.kfp.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldsTest {

  private static DocMap map(String yaml) {
    DiagnosticSink sink = new DiagnosticSink();
    List<DocNode> docs = new YamlLoader("f.yaml", sink).load(yaml);
    Diags.check(sink.sorted(), "");
    return (DocMap) docs.get(0);
  }

  /** The value {@code v: <yaml>} converts to. */
  private static void checkValue(String yaml, Value expected) {
    DocMap m = map("v: " + yaml + "\n");
    assertEquals(expected, Fields.toValue(m.entry("v").orElseThrow().value()), yaml);
  }

  @Test
  void valuesKeepTheirYamlKinds() {
    checkValue("'1'", new Value.Str("1"));
    checkValue("1", new Value.Int(1));
    checkValue("1_000", new Value.Int(1000));
    checkValue("1.5", new Value.Float(1.5));
    checkValue("-.inf", new Value.Float(Double.NEGATIVE_INFINITY));
    checkValue("yes", new Value.Bool(true));
    checkValue("Off", new Value.Bool(false));
    checkValue("~", new Value.Null());
    checkValue("[a, 1, {k: v}]", new Value.ListValue(List.of(new Value.Str("a"), new Value.Int(1),
        new Value.MapValue(List.of(new Value.Entry("k", new Value.Str("v")))))));
    checkValue("{z: 1, a: 2}", new Value.MapValue(List.of(new Value.Entry("z", new Value.Int(1)), new Value.Entry("a", new Value.Int(2)))));
  }

  @Test
  void yaml11IntegerForms() {
    checkValue("017", new Value.Int(15));
    checkValue("0x1F", new Value.Int(31));
    checkValue("0b101", new Value.Int(5));
  }

  @Test
  void typedAccessorsAcceptTheProtobufJsonForms() {
    DiagnosticSink sink = new DiagnosticSink();
    Fields f = new Fields(map("""
        quotedInt: '42'
        floatInt: 3.0
        quotedBool: 'true'
        number: '2.5'
        """), "test mapping", sink);
    assertEquals(Optional.of(42L), f.integer("quotedInt"));
    assertEquals(Optional.of(3L), f.integer("floatInt"));
    assertEquals(Optional.of(true), f.bool("quotedBool"));
    assertEquals(Optional.of(2.5), f.number("number"));
    f.done();
    Diags.check(sink.sorted(), "");
  }

  @Test
  void wrongShapesAreReportedAndReadAsAbsent() {
    DiagnosticSink sink = new DiagnosticSink();
    Fields f = new Fields(map("""
        flag: maybe
        count: 1.5
        list: {a: 1}
        """), "test mapping", sink);
    assertEquals(Optional.empty(), f.bool("flag"));
    assertEquals(Optional.empty(), f.integer("count"));
    assertEquals(List.of(), f.seq("list"));
    f.done();
    Diags.check(sink.sorted(), """
        FM1006 1:7 `flag` of test mapping must be a boolean, found a string
        FM1006 2:8 `count` of test mapping must be an integer, found a number
        FM1006 3:7 `list` of test mapping must be a list, found a mapping
        """);
  }

  @Test
  void unreadFieldsAreUnknown() {
    DiagnosticSink sink = new DiagnosticSink();
    Fields f = new Fields(map("""
        known: 1
        extra: 2
        ignored: 3
        """), "test mapping", sink);
    f.integer("known");
    f.ignore("ignored");
    f.done();
    Diags.check(sink.sorted(), """
        FM1004 2:1 unknown field `extra` in test mapping is ignored
        """);
  }

  @Test
  void aMissingRequiredFieldIsReported() {
    DiagnosticSink sink = new DiagnosticSink();
    Fields f = new Fields(map("other: 1\n"), "task `t`", sink);
    assertEquals(Optional.empty(), f.requireString("name"));
    Diags.check(sink.sorted(), """
        FM1005 1:1 task `t` has no `name` field
        """);
  }
}
