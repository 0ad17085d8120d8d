package io.flytemigrate.flyte.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.SimpleType;
import io.flytemigrate.flyte.python.PythonTypes;
import io.flytemigrate.ir.IrType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypesTest {
  private static final LiteralType INT = LiteralType.simple(SimpleType.INTEGER);

  @Test
  void dateTimesAreFlyteDateTimes() {
    Types.Mapped m = Types.of(IrType.primitive(IrType.Scalar.DATETIME), Optional.empty(), false);
    assertEquals(Types.Mapped.exact(LiteralType.simple(SimpleType.DATETIME)), m);
    assertEquals("datetime.datetime", PythonTypes.annotation(m.type()));
    assertEquals("datetime", Types.tag(m.type()));
  }

  @Test
  void anInferredTypeFillsOnlyWhatTheIrLeavesOpen() {
    IrType list = new IrType.ListOf(new IrType.Any());
    LiteralType ints = new LiteralType.Collection(INT);
    assertEquals(new Types.Mapped(ints, Optional.of("the list's element type is not declared; `int` is inferred from the"
        + " values bound to it")), Types.of(list, Optional.of(ints), false));
    assertEquals(new LiteralType.Collection(LiteralType.simple(SimpleType.STRING)),
        Types.of(list, Optional.of(INT), false).type(), "an inference of the wrong shape is ignored");
    assertEquals(Types.Mapped.exact(LiteralType.simple(SimpleType.STRING)),
        Types.of(IrType.primitive(IrType.Scalar.STRING), Optional.of(INT), false), "a declared type is kept");
    LiteralType nested = new LiteralType.Collection(ints);
    assertEquals("the list's element type is not declared; `typing.List[int]` is inferred from the values bound to it",
        Types.of(list, Optional.of(nested), false).approximation().orElseThrow());
  }
}
