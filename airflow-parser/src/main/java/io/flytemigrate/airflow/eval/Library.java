package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import java.util.List;
import java.util.Map;

/**
 * Functions of the standard library and common packages that DAG files call at parse time:
 * {@code timedelta}, {@code datetime}, {@code pendulum}, {@code os.path}, {@code textwrap},
 * {@code pathlib}. Calls that read the environment, the clock, the file system or randomness
 * are unknown values with the reason; nothing is ever performed.
 */
final class Library {
  private Library() {}

  static final String PATH = "pathlib.Path";

  /** The value of calling {@code qualname}, or null when the name is not one of these. */
  static PyValue call(String qualname, Args a, String raw) {
    List<PyValue> args = a.values();
    Map<String, PyValue> kwargs = a.keywordValues();
    String q = qualname;
    switch (q) {
      case "datetime.timedelta", "pendulum.duration", "datetime.timedelta.__new__" -> {
        return Time.timedelta(args, kwargs, raw);
      }
      case "datetime.datetime" -> {
        return Time.datetime(args, kwargs, false, raw);
      }
      case "pendulum.datetime", "pendulum.DateTime" -> {
        return Time.datetime(args, kwargs, true, raw);
      }
      case "datetime.date" -> {
        PyValue d = Time.datetime(args, kwargs, false, raw);
        return d instanceof PyValue.DateTime dt ? new PyValue.DateTime(dt.iso().substring(0, 10)) : d;
      }
      case "datetime.datetime.now", "datetime.datetime.today", "datetime.datetime.utcnow", "datetime.date.today",
          "pendulum.now", "pendulum.today", "pendulum.yesterday", "pendulum.tomorrow", "time.time",
          "datetime.datetime.combine", "pendulum.local_now" -> {
        return new Unknown(raw, "`" + raw + "` depends on the time the file is parsed");
      }
      case "os.environ.get", "os.getenv", "os.environ.setdefault", "os.environ.__getitem__" -> {
        PyValue name = args.isEmpty() ? null : args.get(0);
        String var = name instanceof Str s ? s.value() : "?";
        return new Unknown(raw, "it reads the environment variable `" + var + "` when the file is parsed");
      }
      case "os.path.join" -> {
        StringBuilder b = new StringBuilder();
        for (PyValue v : args) {
          if (!(v instanceof Str s)) {
            return Builtins.unknownFrom(v, raw, "a part of the path is not known statically");
          }
          String part = s.value();
          if (part.startsWith("/")) {
            b.setLength(0);
          } else if (b.length() > 0 && b.charAt(b.length() - 1) != '/') {
            b.append('/');
          }
          b.append(part);
        }
        return new Str(b.toString());
      }
      case "os.path.basename", "os.path.dirname", "os.path.splitext" -> {
        if (args.isEmpty() || !(args.get(0) instanceof Str s)) {
          return Builtins.unknownFrom(args.isEmpty() ? null : args.get(0), raw, "the path is not known statically");
        }
        String p = s.value();
        int slash = p.lastIndexOf('/');
        if (q.endsWith("basename")) {
          return new Str(p.substring(slash + 1));
        }
        if (q.endsWith("dirname")) {
          return new Str(slash < 0 ? "" : p.substring(0, slash));
        }
        int dot = p.lastIndexOf('.');
        return dot > slash + 1
            ? new PyValue.ListV(List.of(new Str(p.substring(0, dot)), new Str(p.substring(dot))), true)
            : new PyValue.ListV(List.of(new Str(p), new Str("")), true);
      }
      case "os.path.abspath", "os.path.realpath", "os.path.expanduser", "os.getcwd", "os.path.exists",
          "os.path.isfile", "os.path.isdir", "os.listdir", "tempfile.gettempdir", "tempfile.mkdtemp", "glob.glob" -> {
        return new Unknown(raw, "it depends on the machine that parses the file");
      }
      case "textwrap.dedent" -> {
        return args.size() == 1 && args.get(0) instanceof Str s ? new Str(Strings.dedent(s.value()))
            : Builtins.unknownFrom(args.isEmpty() ? null : args.get(0), raw, "its text is not known statically");
      }
      case "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath" -> {
        if (args.size() == 1 && args.get(0) instanceof Str) {
          return new PyValue.Obj(PATH, args, Map.of(), raw);
        }
        return Builtins.unknownFrom(args.isEmpty() ? null : args.get(0), raw, "the path is not known statically");
      }
      case "dateutil.relativedelta.relativedelta", "datetime.time", "pendulum.time", "datetime.timezone" -> {
        return new PyValue.Obj(q, args, kwargs, raw);
      }
      case "typing.cast" -> {
        return args.size() == 2 ? args.get(1) : new Unknown(raw, "`cast` needs two arguments");
      }
      case "json.dumps" -> {
        String s = args.isEmpty() ? null : json(args.get(0));
        return s == null ? new Unknown(raw, "its value cannot be written as json statically") : new Str(s);
      }
      default -> {
        if (q.startsWith("random.") || q.startsWith("uuid.") || q.startsWith("secrets.")) {
          return new Unknown(raw, "it is random");
        }
        if (q.startsWith("subprocess.") || q.startsWith("socket.") || q.startsWith("requests.") || q.startsWith("urllib.")
            || q.startsWith("http.") || q.startsWith("shutil.") || q.equals("os.system") || q.startsWith("boto3.")) {
          return new Unknown(raw, "it would run a program, open a connection or touch files; the reader never does");
        }
        return null;
      }
    }
  }

  /** Attributes of a {@code pathlib.Path}. */
  static PyValue pathAttribute(PyValue.Obj path, String name, String raw) {
    String p = Strings.str(path.args().get(0));
    if (p == null) {
      return new Unknown(raw, "the path is not known statically");
    }
    int slash = p.lastIndexOf('/');
    String base = p.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    return switch (name) {
      case "name" -> new Str(base);
      case "stem" -> new Str(dot > 0 ? base.substring(0, dot) : base);
      case "suffix" -> new Str(dot > 0 ? base.substring(dot) : "");
      case "parent" -> new PyValue.Obj(PATH, List.of(new Str(slash < 0 ? "." : p.substring(0, slash))), Map.of(), raw);
      default -> new Unknown(raw, "`Path." + name + "` is not evaluated");
    };
  }

  /** A json text for plain values, or null. */
  static String json(PyValue v) {
    if (v instanceof Str s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.value().toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\t' -> b.append("\\t");
          default -> b.append(c);
        }
      }
      return b.append('"').toString();
    }
    if (v instanceof PyValue.Int || v instanceof PyValue.Float) {
      return Strings.str(v);
    }
    if (v instanceof PyValue.Bool b) {
      return b.value() ? "true" : "false";
    }
    if (v instanceof PyValue.None) {
      return "null";
    }
    if (v instanceof PyValue.ListV l) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < l.items().size(); i++) {
        String s = json(l.items().get(i));
        if (s == null) {
          return null;
        }
        b.append(i == 0 ? "" : ", ").append(s);
      }
      return b.append(']').toString();
    }
    if (v instanceof PyValue.DictV d) {
      StringBuilder b = new StringBuilder("{");
      boolean first = true;
      for (var e : d.entries().entrySet()) {
        String k = e.getKey() instanceof Str ks ? json(ks) : null;
        String val = json(e.getValue());
        if (k == null || val == null) {
          return null;
        }
        b.append(first ? "" : ", ").append(k).append(": ").append(val);
        first = false;
      }
      return b.append('}').toString();
    }
    return null;
  }
}
