package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Resources;
import io.flytemigrate.flyte.model.Resources.Entry;
import io.flytemigrate.flyte.model.Resources.Name;
import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compute requests and limits to flytekit's {@code requests=Resources(...)} and
 * {@code limits=Resources(...)}. As in Kubernetes, a limit without a request also sets the
 * request. A GPU count becomes a GPU request equal to its limit (flyteadmin insists); values the
 * source reads from inputs at run time are fixed to what they are when translating.
 */
final class ResourcesLowering {
  private ResourcesLowering() {}

  static Resources lower(io.flytemigrate.ir.Resources r, List<InputBinding> nodeInputs, GraphScope scope, String node,
      Context ctx) {
    if (r.isEmpty()) {
      return Resources.NONE;
    }
    Map<Name, String> requests = new EnumMap<>(Name.class);
    Map<Name, String> limits = new EnumMap<>(Name.class);
    quantity(r.cpuRequest(), "cpu request", nodeInputs, scope, node, r.span(), ctx).ifPresent(q -> requests.put(Name.CPU, q));
    quantity(r.cpuLimit(), "cpu limit", nodeInputs, scope, node, r.span(), ctx).ifPresent(q -> limits.put(Name.CPU, q));
    quantity(r.memoryRequest(), "memory request", nodeInputs, scope, node, r.span(), ctx)
        .ifPresent(q -> requests.put(Name.MEMORY, q));
    quantity(r.memoryLimit(), "memory limit", nodeInputs, scope, node, r.span(), ctx)
        .ifPresent(q -> limits.put(Name.MEMORY, q));
    Optional<String> gpuType = quantity(r.acceleratorType(), "accelerator type", nodeInputs, scope, node, r.span(), ctx);
    Optional<String> gpus = quantity(r.acceleratorCount(), "accelerator count", nodeInputs, scope, node, r.span(), ctx);
    if (gpus.isPresent() || gpuType.isPresent()) {
      String count = gpus.orElse("1");
      requests.put(Name.GPU, count);
      limits.put(Name.GPU, count);
      String type = gpuType.orElse("");
      if (type.isEmpty() || type.equals("nvidia.com/gpu")) {
        ctx.parity.exact("setting", node + ": accelerator", r.span(), "GPU=" + count);
      } else {
        ctx.parity.approximated("setting", node + ": accelerator", r.span(), "GPU=" + count,
            "Flyte 1's task spec has no accelerator type; `" + type
                + "` is not kept: add a node selector for that GPU type, or flytekit's `accelerator=`");
      }
    }
    java.util.Set<Name> implied = java.util.EnumSet.noneOf(Name.class);
    for (Map.Entry<Name, String> e : limits.entrySet()) {
      if (e.getKey() != Name.GPU && !requests.containsKey(e.getKey())) {
        requests.put(e.getKey(), e.getValue());
        implied.add(e.getKey());
      }
    }
    for (Name n : List.of(Name.CPU, Name.MEMORY)) {
      if (requests.containsKey(n) || limits.containsKey(n)) {
        ctx.parity.exact("setting", node + ": " + n.name().toLowerCase(java.util.Locale.ROOT), r.span(),
            "requests=" + requests.getOrDefault(n, "-") + ", limits=" + limits.getOrDefault(n, "-"),
            implied.contains(n) ? "the limit also sets the request, as Kubernetes does" : "");
      }
    }
    return new Resources(ordered(requests), ordered(limits));
  }

  private static List<Entry> ordered(Map<Name, String> m) {
    List<Entry> out = new ArrayList<>();
    for (Name n : Name.values()) {
      if (m.containsKey(n)) {
        out.add(new Entry(n, m.get(n)));
      }
    }
    return out;
  }

  private static Optional<String> quantity(Optional<Arg> arg, String what, List<InputBinding> nodeInputs, GraphScope scope,
      String node, Span span, Context ctx) {
    if (arg.isEmpty()) {
      return Optional.empty();
    }
    Arg a = arg.get();
    if (a instanceof Arg.Literal l) {
      return l.text().isBlank() ? Optional.empty() : Optional.of(l.text().strip());
    }
    if (a instanceof Arg.InputRef ref) {
      GraphScope.Fixed f = scope.resolveNodeInput(nodeInputs, ref.input());
      if (f instanceof GraphScope.Fixed.Constant c) {
        return text(c.value());
      }
      if (f instanceof GraphScope.Fixed.ParameterDefault d) {
        Optional<String> q = text(d.value());
        q.ifPresent(v -> {
          ctx.parity.approximated("setting", node + ": " + what, span, v,
              "the source reads it from parameter `" + d.parameter() + "` at run time; Flyte fixes resources at"
                  + " registration, so the parameter's default `" + v + "` is used");
          ctx.warn(Codes.RUNTIME_VALUE_FIXED, span, "the " + what + " of task `" + node
                  + "` comes from parameter `" + d.parameter() + "` and is fixed to its default `" + v + "`",
              "Flyte sets resources when registering; override them per run with `with_overrides` in a dynamic workflow");
        });
        return q;
      }
      String why = ((GraphScope.Fixed.Dynamic) f).why();
      ctx.parity.dropped("setting", node + ": " + what, span,
          "the value is known only at run time (" + why + "); Flyte fixes resources at registration");
      ctx.warn(Codes.ELEMENT_DROPPED, span, "the " + what + " of task `" + node + "` is known only at run time and is left out",
          "set a fixed value, or set it per run with `with_overrides` in a dynamic workflow");
      return Optional.empty();
    }
    ctx.parity.dropped("setting", node + ": " + what, span, "the value is not a literal");
    return Optional.empty();
  }

  private static Optional<String> text(Value v) {
    if (v instanceof Value.Str s) {
      return s.value().isBlank() ? Optional.empty() : Optional.of(s.value().strip());
    }
    if (v instanceof Value.Int i) {
      return Optional.of(String.valueOf(i.value()));
    }
    if (v instanceof Value.Float f) {
      return Optional.of(f.value() == Math.rint(f.value()) ? String.valueOf((long) f.value()) : String.valueOf(f.value()));
    }
    return Optional.empty();
  }
}
