package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyParam;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DAG params as pipeline inputs: {@code params={"k": v}} (plain values or {@code Param(default,
 * type=..., description=...)}, a param without default being required) and the parameters of an
 * {@code @dag} function. JSON-schema details the IR has no field for (enum, bounds, title, ...)
 * are kept as a pipeline attribute {@code param.<name>}.
 */
final class Params {
  private Params() {}

  private static final Set<String> PORT_FIELDS = Set.of("default", "type", "description");

  static void declare(DagModel dag, DagScope scope, List<Attribute> attributes) {
    Optional<Kwarg> params = dag.kwarg("params");
    if (params.isPresent()) {
      PyValue v = params.get().value();
      if (v instanceof PyValue.DictV d) {
        for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
          if (e.getKey() instanceof PyValue.Str name) {
            declare(name.value(), e.getValue(), params.get(), scope, attributes);
          }
        }
      } else if (!(v instanceof PyValue.None)) {
        scope.report(Codes.AIRFLOW_UNRESOLVED, params.get().span(), "the params of dag `" + dag.dagId()
            + "` cannot be computed statically: " + (v instanceof PyValue.Unknown u ? u.why() : "they are not a dict"),
            "write the params as a dict literal");
      }
    }
    for (PyParam p : dag.functionParams()) {
      IrType type = p.annotation().map(IrTypes::annotation)
          .orElse(p.defaultValue().map(IrValues::typeOf).orElse(new IrType.Any()));
      Optional<Value> dflt = p.defaultValue().flatMap(IrValues::data);
      scope.addInput(new Port(p.name(), type, false, p.defaultValue().isPresent(), dflt, Optional.empty(), p.span()));
      scope.declaredParams.add(p.name());
    }
  }

  private static void declare(String name, PyValue v, Kwarg where, DagScope scope, List<Attribute> attributes) {
    scope.declaredParams.add(name);
    if (v instanceof PyValue.Obj o && o.simpleName().equals("Param")) {
      PyValue dflt = o.arg("default", 0);
      PyValue type = o.kwargs().get("type");
      IrType irType = new IrType.Any();
      boolean nullable = false;
      if (type instanceof PyValue.Str s) {
        irType = IrTypes.jsonSchema(s.value());
        nullable = s.value().equals("null");
      } else if (type instanceof PyValue.ListV l) {
        for (PyValue t : l.items()) {
          if (t instanceof PyValue.Str s && !s.value().equals("null")) {
            irType = IrTypes.jsonSchema(s.value());
          } else if (t instanceof PyValue.Str s && s.value().equals("null")) {
            nullable = true;
          }
        }
      } else if (dflt != null && !(dflt instanceof PyValue.None)) {
        irType = IrValues.typeOf(dflt);
      }
      Optional<String> description = o.kwargs().get("description") instanceof PyValue.Str s ? Optional.of(s.value())
          : Optional.empty();
      boolean hasDefault = dflt != null;
      scope.addInput(new Port(name, irType, false, hasDefault || nullable, hasDefault ? IrValues.data(dflt) : Optional.empty(),
          description, where.span()));
      List<Value.Entry> schema = new ArrayList<>();
      for (Map.Entry<String, PyValue> e : o.kwargs().entrySet()) {
        if (!PORT_FIELDS.contains(e.getKey())) {
          schema.add(new Value.Entry(e.getKey(), IrValues.value(e.getValue())));
        }
      }
      if (type instanceof PyValue.ListV) {
        schema.add(0, new Value.Entry("type", IrValues.value(type)));
      }
      if (!schema.isEmpty()) {
        attributes.add(new Attribute("param." + name, new Value.MapValue(schema), where.span()));
      }
      if (dflt != null && !IrValues.isData(dflt)) {
        unknown(name, dflt, where, scope);
      }
      return;
    }
    if (!IrValues.isData(v)) {
      unknown(name, v, where, scope);
      scope.addInput(new Port(name, new IrType.Any(), false, true, Optional.empty(), Optional.empty(), where.span()));
      return;
    }
    IrType type = v instanceof PyValue.None ? new IrType.Any() : IrValues.typeOf(v);
    scope.addInput(new Port(name, type, false, true, Optional.of(IrValues.value(v)), Optional.empty(), where.span()));
  }

  private static void unknown(String name, PyValue v, Kwarg where, DagScope scope) {
    scope.report(Codes.AIRFLOW_UNRESOLVED, where.span(), "the default of param `" + name + "` cannot be computed statically: "
        + (v instanceof PyValue.Unknown u ? u.why() : "it is not plain data"), "give the param a literal default");
  }
}
