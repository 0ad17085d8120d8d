package io.flytemigrate.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Record fields in declaration order, read through accessors looked up once per class. */
class RecordWalkerTest {
  private static final Port PORT = new Port("msg", new IrType.Primitive(IrType.Scalar.STRING), false, true,
      Optional.of(new Value.Str("hi")), Optional.empty(), Span.at("p.yaml", 3, 5));

  @Test
  void fieldsAreReadInDeclarationOrder() {
    List<RecordWalker.Field> fields = RecordWalker.fields(PORT);
    assertEquals(List.of("name", "type", "artifact", "optional", "defaultValue", "description", "span"),
        fields.stream().map(RecordWalker.Field::name).toList());
    assertEquals("msg", fields.get(0).value());
    assertEquals(Boolean.TRUE, fields.get(3).value());
    assertEquals(Optional.of(new Value.Str("hi")), fields.get(4).value());
  }

  @Test
  void theSecondReadOfAClassGivesTheSameFieldsAsTheFirst() {
    Port other = new Port("x", new IrType.Primitive(IrType.Scalar.INT), true, false, Optional.empty(), Optional.of("d"),
        Span.NONE);
    RecordWalker.fields(PORT);
    List<RecordWalker.Field> fields = RecordWalker.fields(other);
    assertEquals("x", fields.get(0).value());
    assertEquals(Optional.of("d"), fields.get(5).value());
    assertEquals(Span.NONE, fields.get(6).value());
  }

  /** A private record nested in a test is read as well as the public IR records. */
  private record Pair(String left, Optional<Integer> right) {}

  @Test
  void aNonPublicRecordIsReadToo() {
    assertEquals(List.of(new RecordWalker.Field("left", "a"), new RecordWalker.Field("right", Optional.of(2))),
        RecordWalker.fields(new Pair("a", Optional.of(2))));
  }

  @Test
  void spansAndLiteralValuesAreNotLookedIntoFieldByField() {
    assertFalse(RecordWalker.isStructure(Span.NONE));
    assertFalse(RecordWalker.isStructure(new Value.Str("x")));
    assertTrue(RecordWalker.isStructure(PORT));
    assertTrue(RecordWalker.isDefault(Span.NONE));
    assertFalse(RecordWalker.isDefault(Span.at("p.yaml", 1, 1)));
  }

  @Test
  void aRecordIsDefaultWhenEveryFieldIs() {
    assertTrue(RecordWalker.allDefault(RecordWalker.fields(new Pair(null, Optional.empty()))));
    assertFalse(RecordWalker.allDefault(RecordWalker.fields(new Pair(null, Optional.of(0)))));
    assertFalse(RecordWalker.allDefault(List.of()), "a record without fields is not a default");
  }
}
