package io.flytemigrate.kfp.v2;

import io.flytemigrate.ir.Expr;
import io.flytemigrate.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the CEL subset the KFP compiler writes into {@code triggerPolicy.condition}:
 * {@code inputs.parameter_values['x']} (or {@code inputs.artifacts['x']}), string, number and
 * boolean literals, comparisons, {@code !}, {@code &&}, {@code ||}, parentheses and conversion
 * calls such as {@code int(...)}. Anything else is not guessed: the parse fails.
 */
public final class ConditionParser {
  /** Parentheses and negations nest at most this deep; the compiler writes a few levels. */
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;
  private int depth;

  private ConditionParser(String text) {
    this.text = text;
  }

  /** The parsed expression, or empty if the text is outside the subset. */
  public static Optional<Expr> parse(String text) {
    ConditionParser p = new ConditionParser(text);
    try {
      Expr e = p.or();
      p.skipSpace();
      if (p.pos != text.length()) {
        return Optional.empty();
      }
      return Optional.of(e);
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
    for (Expr.Op op : new Expr.Op[] {Expr.Op.EQ, Expr.Op.NE, Expr.Op.LE, Expr.Op.GE, Expr.Op.LT, Expr.Op.GT}) {
      if (eat(op.symbol())) {
        return new Expr.Compare(op, left, unary());
      }
    }
    return left;
  }

  private Expr unary() {
    if (++depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested too deeply");
    }
    try {
      return unaryBody();
    } finally {
      depth--;
    }
  }

  private Expr unaryBody() {
    skipSpace();
    if (peek('!') && !text.startsWith("!=", pos)) {
      pos++;
      return new Expr.Not(unary());
    }
    return primary();
  }

  private Expr primary() {
    skipSpace();
    if (pos >= text.length()) {
      throw new IllegalArgumentException("end of condition");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      Expr e = or();
      expect(")");
      return e;
    }
    if (c == '\'' || c == '"') {
      return new Expr.Literal(new Value.Str(string()));
    }
    if (Character.isDigit(c) || c == '-') {
      return new Expr.Literal(number());
    }
    String ident = identifier();
    switch (ident) {
      case "true":
        return new Expr.Literal(new Value.Bool(true));
      case "false":
        return new Expr.Literal(new Value.Bool(false));
      case "null":
        return new Expr.Literal(new Value.Null());
      case "inputs":
        expect(".");
        String kind = identifier();
        if (!kind.equals("parameter_values") && !kind.equals("parameters") && !kind.equals("artifacts")) {
          throw new IllegalArgumentException("unknown input kind " + kind);
        }
        expect("[");
        skipSpace();
        String name = string();
        expect("]");
        return new Expr.Input(name);
      default:
        skipSpace();
        if (peek('(')) {
          pos++;
          List<Expr> args = new ArrayList<>();
          skipSpace();
          if (!peek(')')) {
            args.add(or());
            while (eat(",")) {
              args.add(or());
            }
          }
          expect(")");
          return new Expr.Call(ident, args);
        }
        throw new IllegalArgumentException("unknown name " + ident);
    }
  }

  private String identifier() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("identifier expected at " + pos);
    }
    return text.substring(start, pos);
  }

  private String string() {
    if (pos >= text.length()) {
      throw new IllegalArgumentException("string expected at the end of the condition");
    }
    char quote = text.charAt(pos);
    if (quote != '\'' && quote != '"') {
      throw new IllegalArgumentException("string expected");
    }
    pos++;
    StringBuilder b = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != quote) {
      char c = text.charAt(pos++);
      if (c == '\\' && pos < text.length()) {
        char n = text.charAt(pos++);
        b.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> n;
        });
      } else {
        b.append(c);
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
        || text.charAt(pos) == 'e' || text.charAt(pos) == 'E'
        || ((text.charAt(pos) == '-' || text.charAt(pos) == '+') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) {
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

  private boolean eat(String token) {
    skipSpace();
    if (text.startsWith(token, pos)) {
      if (token.equals("<") && text.startsWith("<=", pos) || token.equals(">") && text.startsWith(">=", pos)) {
        return false;
      }
      pos += token.length();
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!eat(token)) {
      throw new IllegalArgumentException("expected " + token + " at " + pos);
    }
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
