package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import io.flytemigrate.airflow.python.PyNode;
import java.util.List;
import java.util.Locale;

/**
 * String literals (prefixes, escapes, implicit concatenation), f-strings, {@code %} formatting
 * and {@code str.format}, and Python's {@code str()}/{@code repr()} of the values the reader
 * knows. An XCom inside an f-string becomes the Jinja text Airflow's {@code XComArg.__str__}
 * renders, exactly as Airflow does at parse time.
 */
final class Strings {
  private final Interpreter in;

  Strings(Interpreter in) {
    this.in = in;
  }

  PyValue eval(PyNode n, Scope s) {
    if (n.is("concatenated_string")) {
      StringBuilder b = new StringBuilder();
      for (PyNode part : n.named()) {
        PyValue v = eval(part, s);
        if (!(v instanceof Str str)) {
          return v instanceof Unknown u ? new Unknown(oneLine(in.text(n)), u.why()) : v;
        }
        b.append(str.value());
      }
      return new Str(b.toString());
    }
    String prefix = "";
    PyNode start = n.firstOfType("string_start");
    if (start != null) {
      String t = in.text(start);
      int q = 0;
      while (q < t.length() && t.charAt(q) != '"' && t.charAt(q) != '\'') {
        q++;
      }
      prefix = t.substring(0, q).toLowerCase(Locale.ROOT);
    }
    boolean raw = prefix.contains("r");
    boolean f = prefix.contains("f") || prefix.contains("t");
    StringBuilder b = new StringBuilder();
    for (PyNode c : n.children()) {
      if (c.is("string_content")) {
        String text = in.text(c);
        if (!raw) {
          text = unescape(text);
        }
        if (f) {
          text = text.replace("{{", "{").replace("}}", "}");
        }
        b.append(text);
      } else if (c.is("interpolation")) {
        PyValue v = interpolation(c, s);
        if (!(v instanceof Str str)) {
          return new Unknown(oneLine(in.text(n)), v instanceof Unknown u ? u.why()
              : "it formats " + describe(v) + ", whose text is not known statically");
        }
        b.append(str.value());
      }
    }
    return new Str(b.toString());
  }

  private PyValue interpolation(PyNode c, Scope s) {
    PyNode expr = c.get("expression");
    PyValue v = in.expressions.eval(expr, s);
    PyNode conv = c.get("type_conversion");
    PyNode spec = c.get("format_specifier");
    boolean debug = false;
    for (PyNode k : c.children()) {
      if (!k.isNamed() && k.type().equals("=")) {
        debug = true;
      }
    }
    String text;
    if (conv != null && in.text(conv).contains("r")) {
      text = repr(v);
    } else if (spec != null) {
      String sp = in.text(spec);
      if (sp.startsWith(":")) {
        sp = sp.substring(1);
      }
      if (sp.contains("{")) {
        return new Unknown(oneLine(in.text(c)), "nested format specifications are not evaluated");
      }
      text = formatSpec(v, sp);
    } else {
      text = str(v);
    }
    if (text == null) {
      return v instanceof Unknown ? v : new Unknown(oneLine(in.text(c)), "it formats " + describe(v)
          + ", whose text is not known statically");
    }
    return new Str(debug && expr != null ? in.text(expr) + "=" + text : text);
  }

  /** Python's {@code str()} of a known value, or null. */
  static String str(PyValue v) {
    if (v instanceof Str s) {
      return s.value();
    }
    if (v instanceof PyValue.Int i) {
      return Long.toString(i.value());
    }
    if (v instanceof PyValue.Float f) {
      return floatText(f.value());
    }
    if (v instanceof PyValue.Bool b) {
      return b.value() ? "True" : "False";
    }
    if (v instanceof PyValue.None) {
      return "None";
    }
    if (v instanceof PyValue.ListV || v instanceof PyValue.DictV) {
      return repr(v);
    }
    if (v instanceof PyValue.Duration d) {
      return durationText(d.seconds());
    }
    if (v instanceof PyValue.DateTime d) {
      return d.iso().replace('T', ' ');
    }
    if (v instanceof PyValue.XCom x) {
      return xcomPull(x.task().id(), x.task().dag().dagId(), x.key());
    }
    if (v instanceof PyValue.TaskRef t) {
      if (t.task().style() == io.flytemigrate.airflow.model.TaskModel.Style.TASKFLOW) {
        return xcomPull(t.task().id(), t.task().dag().dagId(), PyValue.XCom.RETURN_VALUE);
      }
      return "<Task(" + t.task().operator() + "): " + t.task().id() + ">";
    }
    if (v instanceof PyValue.Obj o && o.type().equals(Library.PATH) && !o.args().isEmpty()) {
      return str(o.args().get(0));
    }
    return null;
  }

  /** The Jinja text of {@code XComArg.__str__}. */
  static String xcomPull(String taskId, String dagId, String key) {
    return "{{ task_instance.xcom_pull(task_ids='" + taskId + "', dag_id='" + dagId + "', key='" + key + "') }}";
  }

  /** Python's {@code repr()} of a known value, or null. */
  static String repr(PyValue v) {
    if (v instanceof Str s) {
      String q = s.value().contains("'") && !s.value().contains("\"") ? "\"" : "'";
      StringBuilder b = new StringBuilder(q);
      for (char c : s.value().toCharArray()) {
        switch (c) {
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\t' -> b.append("\\t");
          case '\r' -> b.append("\\r");
          default -> {
            if (String.valueOf(c).equals(q)) {
              b.append('\\');
            }
            b.append(c);
          }
        }
      }
      return b.append(q).toString();
    }
    if (v instanceof PyValue.ListV l) {
      StringBuilder b = new StringBuilder(l.tuple() ? "(" : "[");
      for (int i = 0; i < l.items().size(); i++) {
        String r = repr(l.items().get(i));
        if (r == null) {
          return null;
        }
        b.append(i == 0 ? "" : ", ").append(r);
      }
      if (l.tuple() && l.items().size() == 1) {
        b.append(',');
      }
      return b.append(l.tuple() ? ")" : "]").toString();
    }
    if (v instanceof PyValue.DictV d) {
      StringBuilder b = new StringBuilder("{");
      boolean first = true;
      for (var e : d.entries().entrySet()) {
        String k = repr(e.getKey());
        String val = repr(e.getValue());
        if (k == null || val == null) {
          return null;
        }
        b.append(first ? "" : ", ").append(k).append(": ").append(val);
        first = false;
      }
      return b.append('}').toString();
    }
    return str(v);
  }

  static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    String s = Double.toString(d);
    if (s.contains("E")) {
      String[] parts = s.split("E");
      int exp = Integer.parseInt(parts[1]);
      return parts[0].replaceAll("\\.0$", "") + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
    return s;
  }

  /** {@code str(timedelta)}: {@code 0:05:00}, {@code 1 day, 0:00:00}. */
  static String durationText(double seconds) {
    long total = (long) Math.floor(seconds);
    long days = Math.floorDiv(total, 86400);
    long rest = Math.floorMod(total, 86400);
    String hms = String.format(Locale.ROOT, "%d:%02d:%02d", rest / 3600, (rest % 3600) / 60, rest % 60);
    double frac = seconds - Math.floor(seconds);
    if (frac > 0) {
      hms += String.format(Locale.ROOT, ".%06d", Math.round(frac * 1e6));
    }
    if (days == 0) {
      return hms;
    }
    return days + (Math.abs(days) == 1 ? " day, " : " days, ") + hms;
  }

  /** Applies a format specification such as {@code .2f}, {@code >10} or {@code 03d}; null if unsupported. */
  static String formatSpec(PyValue v, String spec) {
    if (spec.isEmpty()) {
      return str(v);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?:(.)?([<>^=]))?([+\\- ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?").matcher(spec);
    if (!m.matches()) {
      return null;
    }
    String fill = m.group(1) == null ? (m.group(5) != null ? "0" : " ") : m.group(1);
    String align = m.group(2);
    int width = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    String precision = m.group(8);
    String type = m.group(9);
    String body;
    if (type == null || type.equals("s")) {
      if (v instanceof PyValue.Float f && precision != null) {
        body = String.format(Locale.ROOT, "%." + precision + "g", f.value());
      } else {
        body = str(v);
        if (body != null && precision != null && v instanceof Str) {
          body = body.substring(0, Math.min(body.length(), Integer.parseInt(precision)));
        }
      }
    } else if ("dnxXob".contains(type)) {
      long n;
      if (v instanceof PyValue.Int i) {
        n = i.value();
      } else if (v instanceof PyValue.Bool b) {
        n = b.value() ? 1 : 0;
      } else {
        return null;
      }
      body = switch (type) {
        case "x" -> Long.toHexString(n);
        case "X" -> Long.toHexString(n).toUpperCase(Locale.ROOT);
        case "o" -> Long.toOctalString(n);
        case "b" -> Long.toBinaryString(n);
        default -> Long.toString(n);
      };
      if (m.group(7) != null && type.equals("d")) {
        body = String.format(Locale.ROOT, "%,d", n).replace(",", m.group(7));
      }
    } else if ("fFeEgG%".contains(type)) {
      double d;
      if (v instanceof PyValue.Float f) {
        d = f.value();
      } else if (v instanceof PyValue.Int i) {
        d = i.value();
      } else {
        return null;
      }
      int p = precision == null ? 6 : Integer.parseInt(precision);
      body = switch (type) {
        case "%" -> String.format(Locale.ROOT, "%." + p + "f", d * 100) + "%";
        case "e", "E" -> String.format(Locale.ROOT, "%." + p + type, d);
        case "g", "G" -> String.format(Locale.ROOT, "%." + Math.max(1, p) + "g", d);
        default -> String.format(Locale.ROOT, "%." + p + "f", d);
      };
    } else {
      return null;
    }
    if (body == null) {
      return null;
    }
    if (body.length() >= width) {
      return body;
    }
    String pad = fill.repeat(width - body.length());
    boolean numeric = v instanceof PyValue.Int || v instanceof PyValue.Float;
    String a = align == null ? (numeric ? ">" : "<") : align;
    return switch (a) {
      case ">", "=" -> pad + body;
      case "^" -> pad.substring(0, pad.length() / 2) + body + pad.substring(pad.length() / 2);
      default -> body + pad;
    };
  }

  /** {@code "..." % args}. */
  PyValue percent(String format, PyValue args, PyNode n) {
    List<PyValue> positional = args instanceof PyValue.ListV l && l.tuple() ? l.items() : List.of(args);
    PyValue.DictV named = args instanceof PyValue.DictV d ? d : null;
    StringBuilder b = new StringBuilder();
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        b.append(c);
        continue;
      }
      if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
        b.append('%');
        i++;
        continue;
      }
      int j = i + 1;
      PyValue v;
      if (j < format.length() && format.charAt(j) == '(') {
        int close = format.indexOf(')', j);
        if (close < 0 || named == null) {
          return in.expressions.unknown(n, "the `%` format is not evaluated");
        }
        v = named.get(format.substring(j + 1, close));
        j = close + 1;
      } else {
        v = next < positional.size() ? positional.get(next++) : null;
      }
      int specStart = j;
      while (j < format.length() && "-+ #0123456789.".indexOf(format.charAt(j)) >= 0) {
        j++;
      }
      if (j >= format.length() || v == null) {
        return in.expressions.unknown(n, "the `%` format is not evaluated");
      }
      char conv = format.charAt(j);
      String flags = format.substring(specStart, j);
      String text = switch (conv) {
        case 's' -> str(v);
        case 'r' -> repr(v);
        case 'd', 'i' -> v instanceof PyValue.Int iv ? Long.toString(iv.value())
            : v instanceof PyValue.Float fv ? Long.toString((long) fv.value()) : null;
        case 'f' -> formatSpec(v, flags.isEmpty() ? ".6f" : flags + "f");
        default -> null;
      };
      if (text == null) {
        return v instanceof Unknown u ? new Unknown(oneLine(in.text(n)), u.why())
            : in.expressions.unknown(n, "the `%` format is not evaluated");
      }
      b.append(text);
      i = j;
    }
    return new Str(b.toString());
  }

  /** {@code "...".format(*args, **kwargs)}. */
  static PyValue format(String format, List<PyValue> args, java.util.Map<String, PyValue> kwargs, String raw) {
    StringBuilder b = new StringBuilder();
    int auto = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '{') {
        if (i + 1 < format.length() && format.charAt(i + 1) == '{') {
          b.append('{');
          i++;
          continue;
        }
        int close = format.indexOf('}', i);
        if (close < 0) {
          return new Unknown(raw, "the format string is malformed");
        }
        String field = format.substring(i + 1, close);
        String spec = "";
        String conv = "";
        int colon = field.indexOf(':');
        if (colon >= 0) {
          spec = field.substring(colon + 1);
          field = field.substring(0, colon);
        }
        int bang = field.indexOf('!');
        if (bang >= 0) {
          conv = field.substring(bang + 1);
          field = field.substring(0, bang);
        }
        PyValue v;
        if (field.isEmpty()) {
          v = auto < args.size() ? args.get(auto++) : null;
        } else if (field.chars().allMatch(Character::isDigit)) {
          int idx = Integer.parseInt(field);
          v = idx < args.size() ? args.get(idx) : null;
        } else {
          v = kwargs.get(field);
        }
        if (v == null) {
          return new Unknown(raw, "the format field `{" + field + "}` is not evaluated");
        }
        String text = conv.equals("r") ? repr(v) : formatSpec(v, spec);
        if (text == null) {
          return v instanceof Unknown u ? new Unknown(raw, u.why())
              : new Unknown(raw, "it formats " + describe(v) + ", whose text is not known statically");
        }
        b.append(text);
        i = close;
      } else if (c == '}' && i + 1 < format.length() && format.charAt(i + 1) == '}') {
        b.append('}');
        i++;
      } else {
        b.append(c);
      }
    }
    return new Str(b.toString());
  }

  /** Decodes Python escape sequences of a non-raw string literal. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case '\n' -> { }
        case '\r' -> {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\\' -> b.append('\\');
        case '\'' -> b.append('\'');
        case '"' -> b.append('"');
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'a' -> b.append('\u0007');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'v' -> b.append('\u000b');
        case 'x' -> i = hex(s, i, 2, b);
        case 'u' -> i = hex(s, i, 4, b);
        case 'U' -> i = hex(s, i, 8, b);
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
              end++;
            }
            b.append((char) Integer.parseInt(s.substring(i, end), 8));
            i = end - 1;
          } else {
            b.append('\\').append(e);
          }
        }
      }
    }
    return b.toString();
  }

  private static int hex(String s, int i, int digits, StringBuilder b) {
    String h = s.substring(i + 1, Math.min(s.length(), i + 1 + digits));
    if (h.length() == digits && h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      long cp = Long.parseLong(h, 16);
      if (cp <= Character.MAX_CODE_POINT) {
        b.appendCodePoint((int) cp);
        return i + digits;
      }
    }
    b.append('\\').append(s.charAt(i));
    return i;
  }

  /** {@code textwrap.dedent}. */
  static String dedent(String text) {
    String[] lines = text.split("\n", -1);
    String margin = null;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      int k = 0;
      while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
        k++;
      }
      String indent = line.substring(0, k);
      if (margin == null) {
        margin = indent;
      } else {
        int common = 0;
        while (common < margin.length() && common < indent.length() && margin.charAt(common) == indent.charAt(common)) {
          common++;
        }
        margin = margin.substring(0, common);
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        line = "";
      } else if (margin != null && line.startsWith(margin)) {
        line = line.substring(margin.length());
      }
      b.append(line);
      if (i < lines.length - 1) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** Source text squeezed onto one line and shortened, for messages. */
  static String oneLine(String text) {
    String t = text.replaceAll("\\s*\\n\\s*", " ").strip().replace('`', '\'');
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }

  static String describe(PyValue v) {
    if (v instanceof PyValue.Internal i) {
      return i.describe();
    }
    if (v instanceof PyValue.Obj o) {
      return "a `" + o.simpleName() + "` object";
    }
    if (v instanceof PyValue.Func f) {
      return "function `" + f.function().name() + "`";
    }
    if (v instanceof PyValue.ParamRef p) {
      return "dag param `" + p.name() + "`";
    }
    return "a value";
  }
}
