package io.flytemigrate.kfp.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Expr.And;
import io.flytemigrate.ir.Expr.Call;
import io.flytemigrate.ir.Expr.Compare;
import io.flytemigrate.ir.Expr.Input;
import io.flytemigrate.ir.Expr.Not;
import io.flytemigrate.ir.Expr.Op;
import io.flytemigrate.ir.Expr.Or;
import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

  private static void check(String text, Expr expected) {
    assertEquals(Optional.of(expected), ConditionParser.parse(text), text);
  }

  private static void unparseable(String text) {
    assertEquals(Optional.empty(), ConditionParser.parse(text), text);
  }

  private static Expr in(String name) {
    return new Input(name);
  }

  private static Expr str(String s) {
    return new Expr.Literal(new Value.Str(s));
  }

  private static Expr num(long n) {
    return new Expr.Literal(new Value.Int(n));
  }

  private static Expr eq(Expr l, Expr r) {
    return new Compare(Op.EQ, l, r);
  }

  private static Expr toInt(Expr e) {
    return new Call("int", List.of(e));
  }

  @Test
  void stringEquality() {
    check("inputs.parameter_values['a'] == 'heads'", eq(in("a"), str("heads")));
    check("inputs.parameter_values[\"a\"] == \"heads\"", eq(in("a"), str("heads")));
    check("inputs.parameter_values['pipelinechannel--flip-coin-Output'] != 'tails'",
        new Compare(Op.NE, in("pipelinechannel--flip-coin-Output"), str("tails")));
  }

  @Test
  void otherInputKinds() {
    check("inputs.parameters['a'] == 'x'", eq(in("a"), str("x")));
    check("inputs.artifacts['m'] == 'x'", eq(in("m"), str("x")));
  }

  @Test
  void conversionsAndNumbers() {
    check("int(inputs.parameter_values['a']) > 5", new Compare(Op.GT, toInt(in("a")), num(5)));
    check("int(inputs.parameter_values['a']) >= 5", new Compare(Op.GE, toInt(in("a")), num(5)));
    check("int(inputs.parameter_values['a']) < -5", new Compare(Op.LT, toInt(in("a")), num(-5)));
    check("int(inputs.parameter_values['a']) <= 5", new Compare(Op.LE, toInt(in("a")), num(5)));
    check("double(inputs.parameter_values['a']) == 0.5",
        eq(new Call("double", List.of(in("a"))), new Expr.Literal(new Value.Float(0.5))));
    check("inputs.parameter_values['a'] == 3", eq(in("a"), num(3)));
    // An int input compared with a float constant is promoted by the compiler.
    check("double(int(inputs.parameter_values['a'])) > 0.5",
        new Compare(Op.GT, new Call("double", List.of(toInt(in("a")))), new Expr.Literal(new Value.Float(0.5))));
  }

  @Test
  void unsignedExponents() {
    check("double(inputs.parameter_values['a']) < 1e5",
        new Compare(Op.LT, new Call("double", List.of(in("a"))), new Expr.Literal(new Value.Float(1e5))));
  }

  @Test
  void signedExponentsAsPythonWritesThem() {
    check("inputs.parameter_values['pipelinechannel--x'] > 1e-05",
        new Compare(Op.GT, in("pipelinechannel--x"), new Expr.Literal(new Value.Float(1e-5))));
    check("inputs.parameter_values['pipelinechannel--x'] < 1e+20",
        new Compare(Op.LT, in("pipelinechannel--x"), new Expr.Literal(new Value.Float(1e20))));
  }

  @Test
  void booleans() {
    check("inputs.parameter_values['a'] == true", eq(in("a"), new Expr.Literal(new Value.Bool(true))));
    check("inputs.parameter_values['a'] == false", eq(in("a"), new Expr.Literal(new Value.Bool(false))));
    // A bare boolean input, as `dsl.If(flag)` compiles.
    check("inputs.parameter_values['pipelinechannel--flag']", in("pipelinechannel--flag"));
  }

  @Test
  void twoInputs() {
    check("inputs.parameter_values['a'] == inputs.parameter_values['b']", eq(in("a"), in("b")));
  }

  @Test
  void elifChainsAsTheCompilerWritesThem() {
    // if_elif_else_complex.yaml: the second branch negates the first.
    check("!(inputs.parameter_values['a'] == 'heads') && inputs.parameter_values['a'] == 'tails'",
        new And(new Not(eq(in("a"), str("heads"))), eq(in("a"), str("tails"))));
    // The else branch negates every earlier one.
    check("!(int(inputs.parameter_values['n']) < 5000) && !(int(inputs.parameter_values['n']) > 5000)",
        new And(new Not(new Compare(Op.LT, toInt(in("n")), num(5000))), new Not(new Compare(Op.GT, toInt(in("n")), num(5000)))));
    // YAML folds the compiler's long lines into spaces.
    check("!(inputs.parameter_values['a'] == 'even')", new Not(eq(in("a"), str("even"))));
  }

  @Test
  void orAndPrecedence() {
    check("inputs.parameter_values['a'] == 'x' || inputs.parameter_values['b'] == 'y'",
        new Or(eq(in("a"), str("x")), eq(in("b"), str("y"))));
    // && binds tighter than ||.
    check("inputs.parameter_values['a'] == 'x' || inputs.parameter_values['b'] == 'y' && inputs.parameter_values['c'] == 'z'",
        new Or(eq(in("a"), str("x")), new And(eq(in("b"), str("y")), eq(in("c"), str("z")))));
    check("(inputs.parameter_values['a'] == 'x' || inputs.parameter_values['b'] == 'y') && inputs.parameter_values['c'] == 'z'",
        new And(new Or(eq(in("a"), str("x")), eq(in("b"), str("y"))), eq(in("c"), str("z"))));
  }

  @Test
  void stringEscapes() {
    check("inputs.parameter_values['a'] == 'it\\'s'", eq(in("a"), str("it's")));
  }

  @Test
  void whitespaceIsFree() {
    check("  inputs.parameter_values[ 'a' ]==  'x'  ", eq(in("a"), str("x")));
  }

  @Test
  void unparseableTextGivesNothing() {
    unparseable("");
    unparseable("x == 'a'");
    unparseable("inputs.parameter_values['a'] in ['x', 'y']");
    unparseable("inputs.parameter_values['a'] == ");
    unparseable("inputs.parameter_values['a' == 'x'");
    unparseable("inputs.parameter_values['a'] == 'unterminated");
    unparseable("inputs.outputs['a'] == 'x'");
    unparseable("(inputs.parameter_values['a'] == 'x'");
    unparseable("inputs.parameter_values['a'] = 'x'");
    unparseable("inputs.parameter_values['a'] == 1.2.3");
  }

  @Test
  void deeplyNestedParenthesesFailCleanly() {
    String deep = "(".repeat(10_000) + "true" + ")".repeat(10_000);
    org.junit.jupiter.api.Assertions.assertTrue(ConditionParser.parse(deep).isEmpty());
  }

  @Test
  void aConditionEndingAfterABracketFailsCleanly() {
    org.junit.jupiter.api.Assertions.assertTrue(ConditionParser.parse("inputs.parameter_values[").isEmpty());
  }
}
