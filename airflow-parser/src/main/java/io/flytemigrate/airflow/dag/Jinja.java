package io.flytemigrate.airflow.dag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Jinja templates Airflow renders in templated arguments, just far enough to know what
 * each {@code {{ ... }}} stands for: the logical date and other run values ({@code {{ ds }}},
 * {@code {{ run_id }}}), DAG params ({@code {{ params.x }}}), trigger payload keys
 * ({@code {{ dag_run.conf["x"] }}}) and pulled XComs ({@code {{ ti.xcom_pull(task_ids="t") }}}).
 * Anything else (filters, macros, variables, {@code {% ... %}} statements) is kept as written and
 * marked as not understood.
 */
final class Jinja {
  private Jinja() {}

  /** One piece of a template. */
  sealed interface Piece {}

  /** Plain text. */
  record Text(String text) implements Piece {}

  /**
   * A value of the run, e.g. {@code ds} or {@code task_instance_key_str}.
   *
   * @param logicalDate whether it is derived from the run's logical date
   */
  record Run(String name, boolean logicalDate) implements Piece {}

  /** {@code params.name}. */
  record Param(String name) implements Piece {}

  /**
   * {@code dag_run.conf["key"]} or {@code dag_run.conf.get("key", default)}.
   *
   * @param missing what the template renders when the run's payload has no such key: the
   *     {@code get} default ({@code None} when not given); empty for a subscript, where Airflow
   *     fails the task instead
   */
  record Conf(String key, String missing) implements Piece {}

  /** {@code ti.xcom_pull(task_ids="task", key="key")} followed by subscripts {@code path}. */
  record XComPull(String task, String key, List<String> path) implements Piece {}

  /** A part the reader does not understand, kept as written. */
  record Opaque(String raw, String why) implements Piece {}

  /** Names derived from the logical date (Airflow's template context). */
  static final Set<String> LOGICAL_DATE = Set.of(
      "ds", "ds_nodash", "ts", "ts_nodash", "ts_nodash_with_tz", "logical_date", "execution_date",
      "data_interval_start", "data_interval_end", "prev_ds", "next_ds", "prev_ds_nodash", "next_ds_nodash",
      "yesterday_ds", "tomorrow_ds", "yesterday_ds_nodash", "tomorrow_ds_nodash", "next_execution_date",
      "prev_execution_date", "prev_data_interval_start_success", "prev_data_interval_end_success",
      "prev_start_date_success", "prev_end_date_success");

  private static final Set<String> RUN_VALUES = Set.of(
      "run_id", "task_instance_key_str", "dag_run", "ti", "task_instance", "map_index", "try_number", "test_mode",
      "expanded_ti_count");

  static boolean isTemplate(String s) {
    return s.contains("{{") || s.contains("{%") || s.contains("{#");
  }

  static List<Piece> parse(String s) {
    List<Piece> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("{{", i)) {
        int end = s.indexOf("}}", i + 2);
        if (end < 0) {
          text.append(s.substring(i));
          break;
        }
        flush(text, out);
        out.add(expression(s.substring(i + 2, end).strip(), s.substring(i, end + 2)));
        i = end + 2;
      } else if (s.startsWith("{%", i)) {
        int end = s.indexOf("%}", i + 2);
        if (end < 0) {
          text.append(s.substring(i));
          break;
        }
        flush(text, out);
        out.add(new Opaque(s.substring(i, end + 2), "jinja statements are not translated"));
        i = end + 2;
      } else if (s.startsWith("{#", i)) {
        int end = s.indexOf("#}", i + 2);
        if (end < 0) {
          text.append(s.substring(i));
          break;
        }
        i = end + 2;
      } else {
        text.append(s.charAt(i++));
      }
    }
    flush(text, out);
    return out;
  }

  private static void flush(StringBuilder text, List<Piece> out) {
    if (text.length() > 0) {
      out.add(new Text(text.toString()));
      text.setLength(0);
    }
  }

  // ---------------------------------------------------------------- expressions

  private sealed interface Seg {}

  private record Name(String name) implements Seg {}

  private record Index(Object key) implements Seg {}

  private record Call(List<Object> args, Map<String, Object> kwargs) implements Seg {}

  private static final Object NONE = new Object();

  /** The meaning of one {@code {{ expr }}}. */
  static Piece expression(String expr, String raw) {
    List<Seg> chain;
    try {
      chain = new Parser(expr).chain();
    } catch (IllegalArgumentException e) {
      return new Opaque(raw, expr.contains("|") ? "jinja filters are not translated" : "the expression is not translated");
    }
    if (chain.isEmpty() || !(chain.get(0) instanceof Name first)) {
      return new Opaque(raw, "the expression is not translated");
    }
    String head = first.name();
    if (chain.size() == 1) {
      if (LOGICAL_DATE.contains(head)) {
        return new Run(head, true);
      }
      if (RUN_VALUES.contains(head)) {
        return new Run(head, false);
      }
    }
    if (head.equals("params") && chain.size() == 2) {
      String key = key(chain.get(1));
      if (key != null) {
        return new Param(key);
      }
    }
    if (head.equals("dag_run") && chain.size() >= 2 && chain.get(1) instanceof Name second) {
      if (second.name().equals("conf")) {
        if (chain.size() == 3 && key(chain.get(2)) != null) {
          return new Conf(key(chain.get(2)), "");
        }
        if (chain.size() == 4 && chain.get(2) instanceof Name get && get.name().equals("get")
            && chain.get(3) instanceof Call c && !c.args().isEmpty() && c.args().get(0) instanceof String k) {
          return new Conf(k, c.args().size() > 1 ? rendered(c.args().get(1)) : "None");
        }
      }
      if (chain.size() == 2 && LOGICAL_DATE.contains(second.name())) {
        return new Run("dag_run." + second.name(), true);
      }
      if (chain.size() == 2 && Set.of("run_id", "run_type", "conf").contains(second.name())) {
        return new Run("dag_run." + second.name(), false);
      }
    }
    if (Set.of("ti", "task_instance").contains(head) && chain.size() >= 3 && chain.get(1) instanceof Name m
        && chain.get(2) instanceof Call c) {
      if (m.name().equals("xcom_pull")) {
        Object task = c.kwargs().containsKey("task_ids") ? c.kwargs().get("task_ids") : c.args().isEmpty() ? null : c.args().get(0);
        Object key = c.kwargs().containsKey("key") ? c.kwargs().get("key") : c.args().size() > 1 ? c.args().get(1) : "return_value";
        if (task instanceof String t && (key instanceof String || key == NONE)) {
          List<String> path = new ArrayList<>();
          for (int i = 3; i < chain.size(); i++) {
            String k = key(chain.get(i));
            if (k == null) {
              return new Opaque(raw, "the pulled xcom is used in a way the reader does not translate");
            }
            path.add(k);
          }
          return new XComPull(t, key == NONE ? "return_value" : (String) key, path);
        }
        return new Opaque(raw, "the xcom pull names its task in a way the reader does not translate");
      }
      if (m.name().equals("xcom_push")) {
        return new Opaque(raw, "the template pushes an xcom as a side effect");
      }
    }
    if (chain.size() == 2 && chain.get(1) instanceof Name attr) {
      String joined = head + "." + attr.name();
      if (Set.of("task.task_id", "ti.task_id", "task_instance.task_id", "dag.dag_id", "ti.try_number",
          "task_instance.try_number", "ti.map_index", "task_instance.map_index", "ti.run_id", "task.owner").contains(joined)) {
        return new Run(joined, false);
      }
    }
    switch (head) {
      case "var" -> {
        return new Opaque(raw, "it reads an airflow variable at run time");
      }
      case "conn" -> {
        return new Opaque(raw, "it reads an airflow connection at run time");
      }
      case "macros" -> {
        return new Opaque(raw, "jinja macros are not translated");
      }
      case "conf" -> {
        return new Opaque(raw, "it reads the airflow configuration at run time");
      }
      default -> {
        return new Opaque(raw, "the expression is not translated");
      }
    }
  }

  /** How Jinja renders a literal: Python's {@code str()} of it. */
  private static String rendered(Object literal) {
    if (literal == NONE) {
      return "None";
    }
    if (literal instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return String.valueOf(literal);
  }

  private static String key(Seg s) {
    if (s instanceof Name n) {
      return n.name();
    }
    if (s instanceof Index i && (i.key() instanceof String || i.key() instanceof Long)) {
      return String.valueOf(i.key());
    }
    return null;
  }

  /** A parser for {@code name(.name | [literal] | (literal args))*}; anything else is refused. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    List<Seg> chain() {
      List<Seg> out = new ArrayList<>();
      skip();
      out.add(new Name(ident()));
      while (true) {
        skip();
        if (i >= s.length()) {
          return out;
        }
        char c = s.charAt(i);
        if (c == '.') {
          i++;
          skip();
          out.add(new Name(ident()));
        } else if (c == '[') {
          i++;
          Object k = literal();
          skip();
          expect(']');
          out.add(new Index(k));
        } else if (c == '(') {
          i++;
          out.add(call());
        } else {
          throw new IllegalArgumentException("unexpected " + c);
        }
      }
    }

    private Call call() {
      List<Object> args = new ArrayList<>();
      Map<String, Object> kwargs = new LinkedHashMap<>();
      skip();
      if (peek() == ')') {
        i++;
        return new Call(args, kwargs);
      }
      while (true) {
        skip();
        int save = i;
        if (Character.isJavaIdentifierStart(peek())) {
          String name = ident();
          skip();
          if (peek() == '=') {
            i++;
            kwargs.put(name, literal());
          } else {
            i = save;
            args.add(literal());
          }
        } else {
          args.add(literal());
        }
        skip();
        char c = peek();
        i++;
        if (c == ')') {
          return new Call(args, kwargs);
        }
        if (c != ',') {
          throw new IllegalArgumentException("bad call");
        }
      }
    }

    private Object literal() {
      skip();
      char c = peek();
      if (c == '\'' || c == '"') {
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length() && s.charAt(i) != c) {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          b.append(s.charAt(i++));
        }
        expect(c);
        return b.toString();
      }
      if (Character.isDigit(c) || c == '-') {
        int start = i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        return Long.parseLong(s.substring(start, i));
      }
      String word = ident();
      if (word.equals("None")) {
        return NONE;
      }
      if (word.equals("True") || word.equals("False")) {
        return Boolean.valueOf(word.equals("True"));
      }
      throw new IllegalArgumentException("not a literal: " + word);
    }

    private String ident() {
      int start = i;
      if (i >= s.length() || !Character.isJavaIdentifierStart(s.charAt(i))) {
        throw new IllegalArgumentException("identifier expected");
      }
      while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
        i++;
      }
      return s.substring(start, i);
    }

    private void expect(char c) {
      skip();
      if (peek() != c) {
        throw new IllegalArgumentException(c + " expected");
      }
      i++;
    }

    private char peek() {
      return i < s.length() ? s.charAt(i) : 0;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }
}
