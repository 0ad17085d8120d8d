package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Expr.Compare;
import io.flytemigrate.ir.Expr.Input;
import io.flytemigrate.ir.Expr.Literal;
import io.flytemigrate.ir.Expr.Op;
import io.flytemigrate.ir.Value;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhenParserTest {
  /** Every parameter expression is an input named after what it reads; other expressions have none. */
  private static Optional<Expr> parse(String text) {
    return WhenParser.parse(text, r -> r.kind() == ArgoRef.Kind.TASK_PARAMETER || r.kind() == ArgoRef.Kind.INPUT_PARAMETER
        ? Optional.of(r.name()) : Optional.empty());
  }

  @Test
  void parsesTheFormKfpWrites() {
    assertEquals(Optional.of(new Compare(Op.EQ, new Input("flip-output"), new Literal(new Value.Str("heads")))),
        parse("\"{{tasks.flip.outputs.parameters.flip-output}}\" == \"heads\""));
  }

  @Test
  void parsesNumbersBooleansBareWordsAndLogic() {
    assertEquals(Optional.of(new Compare(Op.GT, new Input("n"), new Literal(new Value.Int(5)))), parse("{{inputs.parameters.n}} > 5"));
    assertEquals(Optional.of(new Compare(Op.LE, new Input("n"), new Literal(new Value.Float(2.5)))), parse("{{inputs.parameters.n}}<=2.5"));
    assertEquals(Optional.of(new Compare(Op.NE, new Input("f"), new Literal(new Value.Bool(true)))), parse("{{inputs.parameters.f}} != true"));
    assertEquals(Optional.of(new Compare(Op.EQ, new Input("side"), new Literal(new Value.Str("heads")))),
        parse("{{tasks.flip.outputs.parameters.side}} == heads"));
    Expr e = parse("!({{inputs.parameters.a}} == 'x' || {{inputs.parameters.b}} == 'y') && {{inputs.parameters.c}} >= 1").orElseThrow();
    assertTrue(e instanceof Expr.And a && a.left() instanceof Expr.Not n && n.operand() instanceof Expr.Or, e::toString);
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertEquals(Optional.empty(), parse("{{tasks.flip.outputs.result}} == heads"));
    assertEquals(Optional.empty(), parse("{{inputs.parameters.a}} =~ '^h'"));
    assertEquals(Optional.empty(), parse("\"v-{{inputs.parameters.a}}\" == \"v-1\""));
    assertEquals(Optional.empty(), parse("{{inputs.parameters.a}} + 1 > 2"));
    assertEquals(Optional.empty(), parse("({{inputs.parameters.a}} == 1"));
    assertEquals(Optional.empty(), parse("'unterminated == 1"));
    assertEquals(Optional.empty(), parse("(".repeat(100_000) + "1 == 1" + ")".repeat(100_000)));
    assertEquals(Optional.empty(), parse("!".repeat(100_000) + "true"));
  }
}
