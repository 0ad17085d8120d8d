package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.DataLoadingConfig;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.ImageDef;
import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.PodTemplate;
import io.flytemigrate.flyte.model.PythonRef;
import io.flytemigrate.flyte.model.Resources;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.TaskMetadata;
import io.flytemigrate.flyte.model.TypedInterface;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.EnvVar;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Components to tasks. A container component becomes a {@code ContainerTask} running the same
 * image, command and arguments; a lightweight Python component a native {@code @task} whose body
 * is the component's function source (or, with {@code --python-components container} or without
 * a source, a raw container running its original command). A component used by several nodes
 * with different settings (caching, retries, resources, pod settings, optional inputs) gets one
 * task per distinct variant; identical variants are shared.
 */
final class TaskLowering {
  /** The default image of tasks flytekit runs itself (dynamic tasks). */
  static final String FLYTEKIT_IMAGE = Container.DEFAULT_PYTHON_IMAGE;

  /**
   * A task and how the IR's port names map to its Flyte variables.
   *
   * @param inputs IR input name to Flyte input variable
   * @param outputs IR output name to Flyte output variable
   */
  record LoweredTask(TaskDef def, Map<String, String> inputs, Map<String, String> outputs) {}

  private final Context ctx;
  private final Map<TaskDef, LoweredTask> variants = new LinkedHashMap<>();
  /** The cache version of each task content, hashed once however many nodes run that content. */
  private final Map<List<Object>, String> cacheVersions = new HashMap<>();
  private final Map<String, String> baseNames = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private Optional<LoweredTask> echo = Optional.empty();
  private final Map<String, LoweredTask> placeholders = new HashMap<>();
  /** What is read of opaque components' outputs, computed on first use. */
  private Placeholders.Reads reads;

  TaskLowering(Context ctx) {
    this.ctx = ctx;
  }

  /** The task that node {@code node} calls; empty when the component cannot run on Flyte. */
  Optional<LoweredTask> forNode(Component c, Node.TaskNode node, GraphScope scope) {
    TaskMetadata metadata = NodeSettingsLowering.metadata(node.settings(), node.id(), ctx);
    if (c instanceof Component.ContainerComponent cc) {
      if (cc.container().image().isBlank()) {
        report(c, () -> {
          ctx.parity.dropped("component", c.id(), c.span(), "it names no image, and a Flyte container task needs one");
          ctx.warn(Codes.ELEMENT_DROPPED, cc.container().span(), "component `" + c.id() + "` names no image, so its tasks"
              + " are left out", "set the image the component's command runs in");
        });
        return Optional.empty();
      }
      return Optional.of(container(c, cc.iface(), cc.description(), cc.container(), node, scope, metadata, Optional.empty()));
    }
    if (c instanceof Component.PythonComponent pc) {
      if (ctx.options.pythonComponents() == LoweringOptions.PythonComponents.CONTAINER) {
        report(c, () -> ctx.parity.approximated("component", c.id(), c.span(), "ContainerTask",
            "--python-components container: runs the original KFP command with an executor input built from Flyte templates"));
        return Optional.of(container(c, pc.iface(), pc.description(), pc.container(), node, scope, metadata, Optional.of(pc)));
      }
      Optional<FunctionSource.Found> found = pc.source().flatMap(s -> FunctionSource.find(s, pc.functionName()));
      if (found.isEmpty()) {
        if (pc.source().isPresent()) {
          ctx.warn(Codes.FUNCTION_SOURCE_NOT_FOUND, pc.sourceSpan(), "the program of component `" + c.id()
              + "` has no function `" + pc.functionName() + "` at the start of a line, so it runs as a raw container",
              "the translation relies on KFP's layout: `def " + pc.functionName() + "(` at column 0");
        }
        report(c, () -> ctx.parity.approximated("component", c.id(), c.span(), "ContainerTask",
            "the function's source is not in the file: the original KFP command runs in image `" + pc.container().image()
                + "` with an executor input built from Flyte templates"));
        return Optional.of(container(c, pc.iface(), pc.description(), pc.container(), node, scope, metadata, Optional.of(pc)));
      }
      return Optional.of(python(pc, found.get(), node, scope, metadata));
    }
    if (c instanceof Component.OpaqueComponent oc) {
      return Optional.of(placeholder(oc, node));
    }
    throw new IllegalArgumentException("not a task component: " + c.id());
  }

  /**
   * The placeholder task of an opaque component, one per component (see {@link Placeholders}):
   * flytekit's no-op {@code Echo} when nothing reads the component's outputs, else a Python task
   * with its typed outputs that raises.
   */
  LoweredTask placeholder(Component.OpaqueComponent oc, Node.TaskNode node) {
    LoweredTask done = placeholders.get(oc.id());
    if (done != null) {
      return done;
    }
    if (reads == null) {
      reads = Placeholders.reads(ctx.pipeline);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    List<Variable> out = List.of();
    if (reads.components().contains(oc.id())) {
      List<Port> ports = oc.iface().outputs().stream().map(p -> reads.typed(oc, p)).toList();
      if (ports.size() == 1) {
        out = List.of(new Variable("o0", typeOf(ports.get(0), false, oc, true).type(), "o0"));
        outputs.put(ports.get(0).name(), "o0");
      } else {
        out = variables(ports, true, new NameTable("_").reserve(Names.PYTHON_KEYWORDS), outputs, oc, true);
      }
    }
    String name = ctx.taskNames.claim(baseName(oc, Names.identifier(Names.withoutComponentPrefix(oc.id()))));
    TaskDef def = Placeholders.task(ctx, oc, Placeholders.operatorClass(node), name, out);
    ctx.tasks.add(def);
    LoweredTask t = new LoweredTask(def, Map.of(), Map.copyOf(outputs));
    placeholders.put(oc.id(), t);
    return t;
  }

  /** flytekit's {@code Echo} task with no inputs: the else branch of a condition that has none. */
  LoweredTask echo() {
    if (echo.isEmpty()) {
      String name = ctx.taskNames.claim("no_op");
      TaskDef def = new TaskDef(ctx.id(Identifier.ResourceType.TASK, ctx.tasksModule() + "." + name), TaskKind.ECHO,
          TypedInterface.EMPTY, TaskMetadata.DEFAULT, Optional.empty(), Optional.empty(), List.of(), new TaskBody.Echo(),
          new PythonRef(ctx.tasksModule(), name), Optional.of("Does nothing: the else branch of a condition without one."),
          "", Span.NONE);
      ctx.tasks.add(def);
      echo = Optional.of(new LoweredTask(def, Map.of(), Map.of()));
    }
    return echo.get();
  }

  /**
   * A task that joins values into a string, as KFP does for an input built from a template such as
   * {@code "Hello {{name}}"}: one typed input per part, {@code str()} of each, joined. Tasks with the
   * same input types are shared.
   */
  LoweredTask joinStrings(List<LiteralType> partTypes) {
    List<Variable> inputs = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    List<String> params = new ArrayList<>();
    for (int i = 0; i < partTypes.size(); i++) {
      String v = "part_" + (i + 1);
      inputs.add(new Variable(v, partTypes.get(i), v));
      names.put(v, v);
      params.add(v);
    }
    LiteralType str = LiteralType.simple(LiteralType.SimpleType.STRING);
    String tuple = params.size() == 1 ? "(" + params.get(0) + ",)" : "(" + String.join(", ", params) + ")";
    TaskBody body = new TaskBody.PythonFunction("join_strings", "",
        "def join_strings(" + String.join(", ", params) + "):\n    return \"\".join(str(part) for part in " + tuple + ")",
        1, TaskBody.PythonFunction.Style.DIRECT);
    TaskDef candidate = new TaskDef(placeholderId(), TaskKind.PYTHON, new TypedInterface(inputs,
        List.of(new Variable("o0", str, "o0"))), TaskMetadata.DEFAULT,
        Optional.of(new Container(ctx.options.image().orElse(FLYTEKIT_IMAGE), Optional.empty(), List.of(), List.of(),
            Resources.NONE, List.of(), Optional.empty())), Optional.empty(), List.of(), body,
        new PythonRef(ctx.tasksModule(), ""), Optional.of("Joins values into a string, as a KFP input template does."),
        "", Span.NONE);
    return register(candidate, "join_strings", names, Map.of("Output", "o0"));
  }

  /** Registers a task built elsewhere (a loop's dynamic task). */
  void add(TaskDef def) {
    ctx.tasks.add(def);
  }

  private LoweredTask container(Component c, io.flytemigrate.ir.Interface iface, Optional<String> description,
      ContainerSpec spec, Node.TaskNode node, GraphScope scope, TaskMetadata metadata,
      Optional<Component.PythonComponent> python) {
    Map<String, String> inputs = new LinkedHashMap<>();
    Map<String, String> outputs = new LinkedHashMap<>();
    NameTable vars = new NameTable("_").reserve(Names.PYTHON_KEYWORDS);
    List<Variable> in = variables(iface.inputs(), true, vars, inputs, c);
    List<Variable> out = variables(iface.outputs(), true, vars, outputs, c, true);
    Set<String> present = new TreeSet<>();
    node.inputs().forEach(b -> present.add(b.input()));
    iface.inputs().stream().filter(p -> p.defaultValue().isPresent()).forEach(p -> present.add(p.name()));
    ContainerArgs args = new ContainerArgs(inputs, outputs, present);
    List<String> command = args.render(spec.command());
    List<String> arguments;
    Set<String> notes = new TreeSet<>(args.notes());
    if (python.isPresent()) {
      ExecutorInput executor = new ExecutorInput();
      String json = executor.json(iface.inputs(), iface.outputs(), inputs, outputs);
      List<Arg> replaced = new ArrayList<>();
      for (Arg a : spec.args()) {
        replaced.add(a instanceof Arg.RuntimeValue r && r.name().equals("executor-input") ? new Arg.Literal(json) : a);
      }
      arguments = args.render(replaced);
      notes.addAll(executor.notes());
      notes.addAll(args.notes());
    } else {
      arguments = args.render(spec.args());
      notes.addAll(args.notes());
    }
    Resources resources = ResourcesLowering.lower(spec.resources(), node.inputs(), scope, node.id(), ctx);
    Optional<PodTemplate> pod = PodTemplateLowering.lower(spec.kubernetes(), scope, node.id(), ctx);
    List<KeyValue> env = env(spec, node.id());
    Container container = new Container(spec.image(), Optional.empty(), command, arguments, resources, env,
        Optional.of(new DataLoadingConfig(DataLoadingConfig.DEFAULT_INPUT_PATH, DataLoadingConfig.DEFAULT_OUTPUT_PATH,
            DataLoadingConfig.Format.JSON)));
    if (python.isEmpty()) {
      report(c, () -> {
        if (notes.isEmpty()) {
          ctx.parity.exact("component", c.id(), c.span(), "ContainerTask",
              "same image, command and arguments; inputs templated as `{{.inputs.<name>}}`, files under /var/flyte");
        } else {
          ctx.parity.approximated("component", c.id(), c.span(), "ContainerTask", String.join("; ", notes));
        }
      });
    } else if (!notes.isEmpty()) {
      report(c.id() + "#executor", () -> ctx.parity.approximated("command", c.id(), c.span(), "ContainerTask",
          String.join("; ", notes)));
    }
    String base = baseName(c, Names.identifier(Names.withoutComponentPrefix(c.id())));
    TaskDef candidate = new TaskDef(placeholderId(), TaskKind.RAW_CONTAINER, new TypedInterface(in, out), metadata,
        Optional.of(container), pod, List.of(), new TaskBody.ContainerCommand(), new PythonRef(ctx.tasksModule(), ""),
        description, c.id(), c.span());
    return register(candidate, base, inputs, outputs);
  }

  private LoweredTask python(Component.PythonComponent pc, FunctionSource.Found found, Node.TaskNode node, GraphScope scope,
      TaskMetadata metadata) {
    boolean adapted = pc.iface().inputs().stream().anyMatch(p -> p.artifact() || p.type() instanceof IrType.TaskStatus)
        || pc.iface().outputs().stream().anyMatch(Port::artifact)
        || pc.iface().outputs().size() > 1
        || (pc.iface().outputs().size() == 1 && !pc.iface().outputs().get(0).name().equals("Output"))
        || !FunctionSource.onlyImports(found.preamble());
    Map<String, String> inputs = new LinkedHashMap<>();
    Map<String, String> outputs = new LinkedHashMap<>();
    NameTable vars = new NameTable("_").reserve(Names.PYTHON_KEYWORDS);
    List<Variable> in = variables(pc.iface().inputs(), false, vars, inputs, pc);
    List<Variable> out;
    if (pc.iface().outputs().size() == 1) {
      Port p = pc.iface().outputs().get(0);
      Types.Mapped m = typeOf(p, false, pc, true);
      out = List.of(new Variable("o0", m.type(), "o0"));
      outputs.put(p.name(), "o0");
    } else {
      out = variables(pc.iface().outputs(), false, new NameTable("_").reserve(Names.PYTHON_KEYWORDS), outputs, pc, true);
    }
    ImageDef image = ImageLowering.imageFor(pc, Names.keepIdentifier(pc.functionName()), ctx);
    Resources resources = ResourcesLowering.lower(pc.container().resources(), node.inputs(), scope, node.id(), ctx);
    Optional<PodTemplate> pod = PodTemplateLowering.lower(pc.container().kubernetes(), scope, node.id(), ctx);
    List<KeyValue> env = env(pc.container(), node.id());
    Container container = new Container(image.reference(), Optional.of(image.name()), List.of(), List.of(), resources, env,
        Optional.empty());
    TaskBody.PythonFunction.Style style = adapted ? TaskBody.PythonFunction.Style.ADAPTED : TaskBody.PythonFunction.Style.DIRECT;
    if (adapted) {
      ctx.compat = true;
    }
    report(pc, () -> {
      if (adapted) {
        ctx.parity.approximated("component", pc.id(), pc.span(), "@task",
            "the function is kept whole and called through the project's compat module, which passes artifacts as"
                + " objects with `.path`, `.uri` and `.metadata` as KFP does; artifact metadata is not kept by Flyte");
      } else {
        ctx.parity.exact("component", pc.id(), pc.span(), "@task",
            "native task; the body is the function's source, unchanged; KFP's own imports are not needed");
      }
      if (!found.trailing().isEmpty()) {
        ctx.parity.dropped("source", pc.id(), pc.sourceSpan(),
            "program lines after the function are not part of it and are left out: " + found.trailing().get(0));
      }
    });
    String base = baseName(pc, Names.keepIdentifier(pc.functionName()));
    TaskBody body = new TaskBody.PythonFunction(pc.functionName(), found.preamble(), found.definition(),
        found.signatureLines(), style);
    TaskDef candidate = new TaskDef(placeholderId(), TaskKind.PYTHON, new TypedInterface(in, out), metadata,
        Optional.of(container), pod, List.of(), body, new PythonRef(ctx.tasksModule(), ""), pc.description(), pc.id(),
        pc.span());
    LoweredTask t = register(candidate, base, inputs, outputs);
    if (adapted) {
      ctx.taskNames.reserve(List.of(t.def().python().name() + "_component"));
    }
    return t;
  }

  private List<Variable> variables(List<Port> ports, boolean forContainer, NameTable names, Map<String, String> map,
      Component c) {
    return variables(ports, forContainer, names, map, c, false);
  }

  private List<Variable> variables(List<Port> ports, boolean forContainer, NameTable names, Map<String, String> map,
      Component c, boolean outputs) {
    List<Variable> out = new ArrayList<>();
    for (Port p : ports) {
      String var = names.claim(forContainer ? Names.identifier(p.name()) : Names.keepIdentifier(p.name()));
      map.put(p.name(), var);
      out.add(new Variable(var, typeOf(p, forContainer, c, outputs).type(), var));
    }
    return out;
  }

  private Types.Mapped typeOf(Port p, boolean forContainer, Component c, boolean output) {
    Optional<LiteralType> hint = output ? ctx.listHints.output(c.id(), p.name()) : ctx.listHints.input(c.id(), p.name());
    Types.Mapped m = Types.ofPort(p, hint, forContainer);
    m.approximation().ifPresent(a -> report(c.id() + "#" + p.name(),
        () -> ctx.parity.approximated("type", c.id() + ": " + p.name(), p.span(), io.flytemigrate.flyte.python.PythonTypes.annotation(m.type()), a)));
    return m;
  }

  private List<KeyValue> env(ContainerSpec spec, String node) {
    List<KeyValue> env = new ArrayList<>();
    for (EnvVar e : spec.env()) {
      env.add(new KeyValue(e.name(), e.value()));
    }
    if (!env.isEmpty()) {
      ctx.parity.exact("setting", node + ": env", spec.span(), "environment={...}",
          "variables " + String.join(", ", env.stream().map(KeyValue::key).toList()));
    }
    return env;
  }

  private String baseName(Component c, String wanted) {
    return baseNames.computeIfAbsent(c.id(), k -> wanted);
  }

  private LoweredTask register(TaskDef candidate, String base, Map<String, String> inputs, Map<String, String> outputs) {
    TaskDef withCache = candidate;
    if (candidate.metadata().cacheable()) {
      TaskMetadata m = candidate.metadata();
      String version = cacheVersions.computeIfAbsent(List.of(candidate.kind(), candidate.iface(),
          candidate.container(), candidate.pod(), candidate.body()), content -> ContentHash.shortOf(content, 16));
      withCache = candidateWith(candidate, new TaskMetadata(true, version, m.cacheSerializable(), m.retries(),
          m.timeoutSeconds(), m.interruptible()));
    }
    TaskDef key = new TaskDef(withCache.id(), withCache.kind(), withCache.iface(), withCache.metadata(),
        withCache.container(), withCache.pod(), withCache.secrets(), withCache.body(), withCache.python(),
        Optional.empty(), "", Span.NONE);
    LoweredTask existing = variants.get(key);
    if (existing != null && existing.inputs().equals(inputs) && existing.outputs().equals(outputs)) {
      return existing;
    }
    String name = ctx.taskNames.claim(base);
    TaskDef def = new TaskDef(ctx.id(Identifier.ResourceType.TASK, ctx.tasksModule() + "." + name), withCache.kind(),
        withCache.iface(), withCache.metadata(), withCache.container(), withCache.pod(), withCache.secrets(),
        withCache.body(), new PythonRef(ctx.tasksModule(), name), withCache.description(), withCache.sourceComponent(),
        withCache.span());
    LoweredTask t = new LoweredTask(def, Map.copyOf(inputs), Map.copyOf(outputs));
    variants.put(key, t);
    ctx.tasks.add(def);
    return t;
  }

  private static TaskDef candidateWith(TaskDef t, TaskMetadata m) {
    return new TaskDef(t.id(), t.kind(), t.iface(), m, t.container(), t.pod(), t.secrets(), t.body(), t.python(),
        t.description(), t.sourceComponent(), t.span());
  }

  private Identifier placeholderId() {
    return ctx.id(Identifier.ResourceType.TASK, "?");
  }

  private void report(Component c, Runnable r) {
    report(c.id(), r);
  }

  private void report(String key, Runnable r) {
    if (reported.add(key)) {
      r.run();
    }
  }

  /** The literal type of a task input variable. */
  static LiteralType inputType(TaskDef t, String var) {
    return t.iface().input(var).map(Variable::type).orElseThrow(() -> new IllegalStateException(var));
  }
}
