package io.flytemigrate.kfp.v2;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads KFP input specs ({@code componentInputParameter}, {@code taskOutputParameter}, {@code
 * runtimeValue}, {@code taskFinalStatus}, artifacts, selectors) into {@link Binding}s. Whether
 * the names they mention exist is checked by the caller, which knows the scope.
 */
final class Bindings {
  private final DiagnosticSink sink;
  private final Placeholders placeholders;

  Bindings(DiagnosticSink sink, Placeholders placeholders) {
    this.sink = sink;
    this.placeholders = placeholders;
  }

  /** A task's parameter or artifact input spec; marks it done. */
  Binding taskInput(Fields f, boolean artifact) {
    Binding base = artifact ? artifactSource(f) : parameterSource(f);
    Optional<String> selector = f.string("parameterExpressionSelector");
    f.done();
    if (selector.isPresent()) {
      return field(base, selector.get(), f.valueSpan("parameterExpressionSelector"));
    }
    return base;
  }

  /** A parameter spec as the platform spec writes it (a name, a task output or a constant). */
  Binding parameterSpec(Optional<Fields> spec, Span span) {
    if (spec.isEmpty()) {
      return new Binding.Unresolved("");
    }
    Binding b = parameterSource(spec.get());
    spec.get().done();
    return b;
  }

  Binding taskOutputParameter(Optional<Fields> spec, Span span) {
    if (spec.isEmpty()) {
      return new Binding.Unresolved("");
    }
    Fields t = spec.get();
    String producer = t.requireString("producerTask").orElse("");
    String key = t.requireString("outputParameterKey").orElse("");
    t.done();
    return new Binding.TaskOutput(producer, key);
  }

  private Binding parameterSource(Fields f) {
    if (f.has("componentInputParameter")) {
      return new Binding.GraphInput(f.string("componentInputParameter").orElse(""));
    }
    if (f.has("taskOutputParameter")) {
      return taskOutputParameter(f.map("taskOutputParameter"), f.valueSpan("taskOutputParameter"));
    }
    if (f.has("runtimeValue")) {
      return f.map("runtimeValue").map(this::runtimeValue).orElse(new Binding.Unresolved("runtimeValue"));
    }
    if (f.has("taskFinalStatus")) {
      return f.map("taskFinalStatus").map(t -> {
        String producer = t.requireString("producerTask").orElse("");
        t.done();
        return (Binding) new Binding.TaskFinalStatus(producer);
      }).orElse(new Binding.Unresolved("taskFinalStatus"));
    }
    sink.report(Codes.MISSING_FIELD, f.span(), f.where() + " says nowhere where its value comes from",
        "give one of componentInputParameter, taskOutputParameter, runtimeValue or taskFinalStatus");
    return new Binding.Unresolved("");
  }

  private Binding artifactSource(Fields f) {
    if (f.has("componentInputArtifact")) {
      return new Binding.GraphInput(f.string("componentInputArtifact").orElse(""));
    }
    if (f.has("taskOutputArtifact")) {
      return f.map("taskOutputArtifact").map(t -> {
        String producer = t.requireString("producerTask").orElse("");
        String key = t.requireString("outputArtifactKey").orElse("");
        t.done();
        return (Binding) new Binding.TaskOutput(producer, key);
      }).orElse(new Binding.Unresolved("taskOutputArtifact"));
    }
    if (f.has("runtimeValue")) {
      return f.map("runtimeValue").map(this::runtimeValue).orElse(new Binding.Unresolved("runtimeValue"));
    }
    sink.report(Codes.MISSING_FIELD, f.span(), f.where() + " says nowhere where its artifact comes from",
        "give componentInputArtifact or taskOutputArtifact");
    return new Binding.Unresolved("");
  }

  private Binding runtimeValue(Fields r) {
    Binding b;
    if (r.has("constant")) {
      b = constant(r.value("constant").orElse(new Value.Null()), r.valueSpan("constant"));
    } else if (r.has("constantValue")) {
      // Schema 2.0.0 wrote typed constants: {stringValue|intValue|doubleValue: ...}.
      b = r.map("constantValue").map(c -> {
        Value v = c.has("stringValue") ? new Value.Str(c.string("stringValue").orElse(""))
            : c.has("intValue") ? new Value.Int(c.integer("intValue").orElse(0L))
            : c.has("doubleValue") ? new Value.Float(c.number("doubleValue").orElse(0.0))
            : new Value.Null();
        c.done();
        return constant(v, c.span());
      }).orElse(new Binding.Unresolved("constantValue"));
    } else {
      r.missing("constant");
      b = new Binding.Unresolved("runtimeValue");
    }
    r.done();
    return b;
  }

  private Binding constant(Value v, Span span) {
    if (v instanceof Value.Str s && Placeholders.hasPlaceholder(s.value())) {
      Arg parsed = placeholders.template(s.value(), span);
      List<Arg> parts = parsed instanceof Arg.Concat c ? c.parts() : List.of(parsed);
      return new Binding.Template(parts);
    }
    return new Binding.Constant(v);
  }

  /** Parses {@code parseJson(string_value)["a"]["b"]}; anything else is kept unresolved. */
  Binding field(Binding base, String selector, Span span) {
    String s = selector.trim();
    String prefix = "parseJson(string_value)";
    if (s.startsWith(prefix)) {
      List<String> path = new ArrayList<>();
      int i = prefix.length();
      boolean ok = true;
      while (i < s.length()) {
        if (s.charAt(i) != '[' || i + 1 >= s.length()) {
          ok = false;
          break;
        }
        char quote = s.charAt(i + 1);
        if (quote != '"' && quote != '\'') {
          ok = false;
          break;
        }
        int end = s.indexOf(quote, i + 2);
        if (end < 0 || end + 1 >= s.length() || s.charAt(end + 1) != ']') {
          ok = false;
          break;
        }
        path.add(s.substring(i + 2, end));
        i = end + 2;
      }
      if (ok && !path.isEmpty()) {
        return new Binding.Field(base, path, selector);
      }
    }
    sink.report(Codes.UNPARSED_SELECTOR, span, "selector `" + selector + "` is not of the form `parseJson(string_value)[\"key\"]`");
    return new Binding.Field(base, List.of(), selector);
  }
}
