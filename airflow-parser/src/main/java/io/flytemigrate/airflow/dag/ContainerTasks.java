package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.TaskModel;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.EnvVar;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code BashOperator} and {@code DockerOperator} as container components. A bash task runs
 * {@code bash -c <command>} in the configured image, its Jinja placeholders as inputs; templated
 * environment values go through {@code env NAME=value} so the placeholder stays on the command
 * line. A Docker task runs its image with {@code command} as the container arguments.
 */
final class ContainerTasks {
  private ContainerTasks() {}

  private static final Set<String> BASH_ARGS = Set.of("bash_command", "env", "append_env");
  private static final Set<String> DOCKER_ARGS = Set.of("image", "command", "entrypoint", "environment", "mem_limit", "cpus");

  static String bash(TaskModel t, Effective e, TaskIo io, List<Attribute> attrs, DagScope scope) {
    Map<String, Binding> mapped = Mapping.mappedArgs(t, scope);
    List<Arg> command = new ArrayList<>();
    List<EnvVar> env = new ArrayList<>();
    Optional<Kwarg> envArg = e.get("env");
    if (envArg.isPresent() && envArg.get().value() instanceof PyValue.DictV d) {
      List<Arg> prefix = new ArrayList<>();
      for (Map.Entry<PyValue, PyValue> entry : d.entries().entrySet()) {
        String name = IrValues.key(entry.getKey());
        if (entry.getValue() instanceof PyValue.Str s && Jinja.isTemplate(s.value())) {
          Arg v = io.arg(s.value(), envArg.get().span());
          prefix.add(v instanceof Arg.Literal l ? new Arg.Literal(name + "=" + l.text())
              : new Arg.Concat(concat(new Arg.Literal(name + "="), v)));
        } else if (entry.getValue() instanceof PyValue.Str s) {
          env.add(new EnvVar(name, s.value(), envArg.get().span()));
        } else {
          io.unresolved(new Kwarg("env", entry.getValue(), envArg.get().span(), envArg.get().raw()),
              "the value of `" + name + "` is not a string known statically");
          env.add(new EnvVar(name, TaskIo.oneLine(String.valueOf(IrValues.value(entry.getValue()))), envArg.get().span()));
        }
      }
      if (!prefix.isEmpty()) {
        command.add(new Arg.Literal("env"));
        command.addAll(prefix);
      }
    } else if (envArg.isPresent() && !(envArg.get().value() instanceof PyValue.None)) {
      io.unresolved(envArg.get(), "`env` is not a dict known statically");
    }
    command.add(new Arg.Literal("bash"));
    command.add(new Arg.Literal("-c"));

    List<Arg> args = new ArrayList<>();
    Optional<Kwarg> cmd = e.get("bash_command");
    if (mapped.containsKey("bash_command")) {
      String port = io.input("bash_command", IrType.primitive(IrType.Scalar.STRING), false, Optional.empty(), Optional.empty(),
          mapped.get("bash_command"), t.span());
      args.add(new Arg.InputRef(port, Arg.Access.VALUE));
    } else if (cmd.isPresent() && cmd.get().value() instanceof PyValue.Str s) {
      String text = s.value();
      args.add(io.arg(text, cmd.get().span()));
      String trimmed = text.strip();
      if (!trimmed.contains(" ") && (trimmed.endsWith(".sh") || trimmed.endsWith(".bash"))) {
        scope.report(Codes.AIRFLOW_EXTERNAL_FILE, cmd.get().span(), "the command of task `" + t.id() + "` is the script file `"
            + trimmed + "`, which airflow reads and renders from next to the dag; it is not in the dag file",
            "add the script to the image, or inline its text in `bash_command`");
      }
      if (text.matches("(?s).*\\bexit\\s+99\\b.*") && !e.get("skip_on_exit_code").isPresent()
          && !e.get("skip_exit_code").isPresent()) {
        scope.report(Codes.AIRFLOW_SKIP_EXIT_CODE, cmd.get().span(), "the command of task `" + t.id()
            + "` exits with code 99, which airflow reads as skipped, not failed",
            "flyte fails a task that exits with a non-zero code");
      }
    } else if (cmd.isPresent()) {
      PyValue v = cmd.get().value();
      io.unresolved(cmd.get(), v instanceof PyValue.Unknown u ? u.why() : "it is not a string");
      args.add(new Arg.UnknownPlaceholder(cmd.get().raw()));
    } else {
      scope.report(Codes.AIRFLOW_UNRESOLVED, t.span(), "task `" + t.id() + "` has no `bash_command`",
          "a `BashOperator` needs the command to run");
    }
    for (Kwarg k : e.operatorArgs(false)) {
      if (!BASH_ARGS.contains(k.name()) && !mapped.containsKey(k.name())) {
        attrs.add(new Attribute(k.name(), IrValues.value(k.value()), k.span()));
      }
    }
    List<Port> outputs = stdoutOutput(t, scope, "the last line the command writes to stdout (airflow's xcom of a bash task)");
    ContainerSpec spec = new ContainerSpec(scope.options.bashImage(), command, args, env, Resources.NONE, KubernetesSettings.NONE,
        cmd.map(Kwarg::span).orElse(t.span()));
    String id = scope.componentId(t.id());
    scope.addComponent(new Component.ContainerComponent(id, new Interface(io.ports, outputs), Optional.empty(), spec, t.span()));
    return id;
  }

  private static List<Arg> concat(Arg first, Arg rest) {
    List<Arg> out = new ArrayList<>();
    out.add(first);
    if (rest instanceof Arg.Concat c) {
      for (Arg a : c.parts()) {
        if (a instanceof Arg.Literal l && out.get(out.size() - 1) instanceof Arg.Literal prev) {
          out.set(out.size() - 1, new Arg.Literal(prev.text() + l.text()));
        } else {
          out.add(a);
        }
      }
    } else {
      out.add(rest);
    }
    return out;
  }

  static List<Port> stdoutOutput(TaskModel t, DagScope scope, String description) {
    List<Port> outputs = new ArrayList<>();
    for (String key : scope.outputsUsed(t.id())) {
      outputs.add(new Port(key, key.equals(PyValue.XCom.RETURN_VALUE) ? IrType.primitive(IrType.Scalar.STRING) : new IrType.Any(),
          false, false, Optional.empty(), Optional.of(key.equals(PyValue.XCom.RETURN_VALUE) ? description
              : "xcom pushed under key `" + key + "`"), t.span()));
    }
    return outputs;
  }

  static String docker(TaskModel t, Effective e, TaskIo io, List<Attribute> attrs, DagScope scope) {
    String image = "";
    Optional<Kwarg> img = e.get("image");
    if (img.isPresent() && img.get().value() instanceof PyValue.Str s && !Jinja.isTemplate(s.value())) {
      image = s.value();
    } else if (img.isPresent()) {
      io.unresolved(img.get(), img.get().value() instanceof PyValue.Unknown u ? u.why() : "it is not a plain string");
      image = img.get().raw();
    } else {
      scope.report(Codes.AIRFLOW_UNRESOLVED, t.span(), "task `" + t.id() + "` has no `image`", "a `DockerOperator` needs an image");
    }
    List<Arg> command = words(e.get("entrypoint"), io);
    List<Arg> args = words(e.get("command"), io);
    List<EnvVar> env = new ArrayList<>();
    e.get("environment").ifPresent(k -> env.addAll(env(k, io)));
    Optional<Arg> mem = e.get("mem_limit").filter(k -> k.value() instanceof PyValue.Str || k.value() instanceof PyValue.Int)
        .map(k -> new Arg.Literal(text(k.value())));
    Optional<Arg> cpu = e.get("cpus").filter(k -> k.value() instanceof PyValue.Float || k.value() instanceof PyValue.Int)
        .map(k -> new Arg.Literal(text(k.value())));
    Resources resources = new Resources(Optional.empty(), cpu, Optional.empty(), mem, Optional.empty(), Optional.empty(),
        t.span());
    if (resources.isEmpty()) {
      resources = Resources.NONE;
    }
    for (Kwarg k : e.operatorArgs(false)) {
      if (!DOCKER_ARGS.contains(k.name())) {
        attrs.add(new Attribute(k.name(), IrValues.value(k.value()), k.span()));
      }
    }
    List<Port> outputs = stdoutOutput(t, scope, "the last line the container writes to stdout (airflow's xcom of a docker task)");
    ContainerSpec spec = new ContainerSpec(image, command, args, env, resources, KubernetesSettings.NONE, t.span());
    String id = scope.componentId(t.id());
    scope.addComponent(new Component.ContainerComponent(id, new Interface(io.ports, outputs), Optional.empty(), spec, t.span()));
    return id;
  }

  static String text(PyValue v) {
    if (v instanceof PyValue.Str s) {
      return s.value();
    }
    if (v instanceof PyValue.Int i) {
      return Long.toString(i.value());
    }
    if (v instanceof PyValue.Float f) {
      return Double.toString(f.value());
    }
    return String.valueOf(v);
  }

  /** A command given as a string (split like {@code shlex.split}) or a list, each word possibly templated. */
  static List<Arg> words(Optional<Kwarg> k, TaskIo io) {
    List<Arg> out = new ArrayList<>();
    if (k.isEmpty() || k.get().value() instanceof PyValue.None) {
      return out;
    }
    PyValue v = k.get().value();
    if (v instanceof PyValue.Str s) {
      List<String> words = ShellWords.split(s.value());
      if (words == null) {
        out.add(io.arg(s.value(), k.get().span()));
      } else {
        for (String w : words) {
          out.add(io.arg(w, k.get().span()));
        }
      }
      return out;
    }
    if (v instanceof PyValue.ListV l) {
      for (PyValue item : l.items()) {
        if (item instanceof PyValue.Str s) {
          out.add(io.arg(s.value(), k.get().span()));
        } else if (IrValues.isData(item)) {
          out.add(new Arg.Literal(text(item)));
        } else {
          io.unresolved(k.get(), item instanceof PyValue.Unknown u ? u.why() : "an item is not a string");
          out.add(new Arg.UnknownPlaceholder(item instanceof PyValue.Unknown u ? u.raw() : k.get().raw()));
        }
      }
      return out;
    }
    io.unresolved(k.get(), v instanceof PyValue.Unknown u ? u.why() : "it is not a string or a list");
    out.add(new Arg.UnknownPlaceholder(k.get().raw()));
    return out;
  }

  /** Environment variables from a dict, or a list of {@code V1EnvVar}; templated values are kept as text. */
  static List<EnvVar> env(Kwarg k, TaskIo io) {
    List<EnvVar> out = new ArrayList<>();
    Span span = k.span();
    if (k.value() instanceof PyValue.DictV d) {
      for (Map.Entry<PyValue, PyValue> entry : d.entries().entrySet()) {
        out.add(envVar(IrValues.key(entry.getKey()), entry.getValue(), k, io, span));
      }
    } else if (k.value() instanceof PyValue.ListV l) {
      for (PyValue item : l.items()) {
        if (item instanceof PyValue.Obj o && o.simpleName().equals("V1EnvVar") && o.arg("name", 0) instanceof PyValue.Str n) {
          PyValue value = o.arg("value", 1);
          if (value == null && o.arg("value_from", 2) != null) {
            io.unresolved(k, "variable `" + n.value() + "` takes its value from `value_from`, which is not translated");
            continue;
          }
          out.add(envVar(n.value(), value == null ? new PyValue.Str("") : value, k, io, span));
        } else {
          io.unresolved(k, "an item is not a `V1EnvVar` known statically");
        }
      }
    } else if (!(k.value() instanceof PyValue.None)) {
      io.unresolved(k, "the environment is not a dict known statically");
    }
    return out;
  }

  private static EnvVar envVar(String name, PyValue value, Kwarg k, TaskIo io, Span span) {
    if (value instanceof PyValue.Str s) {
      if (Jinja.isTemplate(s.value())) {
        io.arg(s.value(), span);
        if (io.scope.once("env-template@" + io.task.id() + "/" + name)) {
          io.scope.report(Codes.AIRFLOW_TEMPLATE, span, "environment variable `" + name + "` of task `" + io.task.id()
              + "` holds the template `" + TaskIo.oneLine(s.value()) + "`, kept as text", "flyte does not render templates in the"
              + " environment; pass the value as an argument instead");
        }
      }
      return new EnvVar(name, s.value(), span);
    }
    if (IrValues.isData(value)) {
      return new EnvVar(name, text(value), span);
    }
    io.unresolved(new Kwarg(k.name(), value, span, k.raw()), "the value of `" + name + "` is not known statically");
    return new EnvVar(name, value instanceof PyValue.Unknown u ? u.raw() : k.raw(), span);
  }
}
