package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Value;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses the subset of Argo {@code when} expressions (govaluate) that KFP v1 writes and people
 * write by hand: {@code "{{tasks.flip.outputs.parameters.out}}" == "heads"}, numbers, booleans,
 * bare words (which Argo compares as strings, as in {@code {{steps.flip.outputs.result}} ==
 * heads}), {@code == != < <= > >=}, {@code !}, {@code &&}, {@code ||} and parentheses. Each
 * {@code {{...}}} becomes an {@link Expr.Input} of the name the caller gives it. Regular-expression
 * matches, arithmetic and text mixed with expressions inside one string are not guessed: the
 * parse fails.
 */
final class WhenParser {
  private final String text;
  private static final int MAX_DEPTH = 64;

  private final Function<ArgoRef, Optional<String>> inputFor;
  private int pos;
  private int depth;

  private WhenParser(String text, Function<ArgoRef, Optional<String>> inputFor) {
    this.text = text;
    this.inputFor = inputFor;
  }

  /**
   * The parsed expression, or empty when the text is outside the subset.
   *
   * @param inputFor the node input standing for an expression, or empty if it has none
   */
  static Optional<Expr> parse(String text, Function<ArgoRef, Optional<String>> inputFor) {
    WhenParser p = new WhenParser(text, inputFor);
    try {
      Expr e = p.or();
      p.skipSpace();
      return p.pos == text.length() ? Optional.of(e) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Expr or() {
    Expr left = and();
    while (eat("||")) {
      left = new Expr.Or(left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = comparison();
    while (eat("&&")) {
      left = new Expr.And(left, comparison());
    }
    return left;
  }

  private Expr comparison() {
    Expr left = unary();
    skipSpace();
    if (text.startsWith("=~", pos) || text.startsWith("!~", pos)) {
      throw new IllegalArgumentException("regular expressions are not supported");
    }
    for (Expr.Op op : new Expr.Op[] {Expr.Op.EQ, Expr.Op.NE, Expr.Op.LE, Expr.Op.GE, Expr.Op.LT, Expr.Op.GT}) {
      if (eat(op.symbol())) {
        return new Expr.Compare(op, left, unary());
      }
    }
    return left;
  }

  private Expr unary() {
    skipSpace();
    if (peek('!') && !text.startsWith("!=", pos)) {
      pos++;
      if (++depth > MAX_DEPTH) {
        throw new IllegalArgumentException("nested too deep");
      }
      Expr operand = unary();
      depth--;
      return new Expr.Not(operand);
    }
    return primary();
  }

  private Expr primary() {
    skipSpace();
    if (pos >= text.length()) {
      throw new IllegalArgumentException("end of expression");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      if (++depth > MAX_DEPTH) {
        throw new IllegalArgumentException("nested too deep");
      }
      Expr e = or();
      depth--;
      if (!eat(")")) {
        throw new IllegalArgumentException("missing )");
      }
      return e;
    }
    if (text.startsWith("{{", pos)) {
      return reference(readReference());
    }
    if (c == '"' || c == '\'') {
      String s = quoted(c);
      if (s.startsWith("{{") && s.endsWith("}}") && s.indexOf("{{", 2) < 0 && s.indexOf("}}") == s.length() - 2) {
        return reference(s.substring(2, s.length() - 2));
      }
      if (s.contains("{{")) {
        throw new IllegalArgumentException("text mixed with an expression");
      }
      return new Expr.Literal(new Value.Str(s));
    }
    if (Character.isDigit(c) || c == '-' || c == '.') {
      return new Expr.Literal(number());
    }
    String word = word();
    return switch (word) {
      case "true", "True", "TRUE" -> new Expr.Literal(new Value.Bool(true));
      case "false", "False", "FALSE" -> new Expr.Literal(new Value.Bool(false));
      default -> new Expr.Literal(new Value.Str(word));
    };
  }

  private Expr reference(String inner) {
    ArgoRef ref = ArgoRef.parse(inner);
    return new Expr.Input(inputFor.apply(ref).orElseThrow(() -> new IllegalArgumentException("unresolved " + inner)));
  }

  private String readReference() {
    int close = text.indexOf("}}", pos + 2);
    if (close < 0) {
      throw new IllegalArgumentException("unterminated {{");
    }
    String inner = text.substring(pos + 2, close);
    pos = close + 2;
    return inner;
  }

  private String quoted(char quote) {
    pos++;
    StringBuilder b = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != quote) {
      char ch = text.charAt(pos++);
      if (ch == '\\' && pos < text.length()) {
        b.append(text.charAt(pos++));
      } else {
        b.append(ch);
      }
    }
    if (pos >= text.length()) {
      throw new IllegalArgumentException("unterminated string");
    }
    pos++;
    return b.toString();
  }

  private Value number() {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
        || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
    }
    String n = text.substring(start, pos);
    try {
      if (n.contains(".") || n.contains("e") || n.contains("E")) {
        return new Value.Float(Double.parseDouble(n));
      }
      return new Value.Int(Long.parseLong(n));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number " + n, e);
    }
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
        || text.charAt(pos) == '-' || text.charAt(pos) == '.')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("unexpected " + text.charAt(pos));
    }
    return text.substring(start, pos);
  }

  private boolean eat(String token) {
    skipSpace();
    if (!text.startsWith(token, pos)) {
      return false;
    }
    if ((token.equals("<") || token.equals(">")) && text.startsWith("=", pos + 1)) {
      return false;
    }
    if ((token.equals("!") || token.equals("=")) && text.startsWith("=", pos + 1) && token.length() == 1) {
      return false;
    }
    pos += token.length();
    return true;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }
}
