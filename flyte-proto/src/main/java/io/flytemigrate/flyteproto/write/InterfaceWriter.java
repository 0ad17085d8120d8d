package io.flytemigrate.flyteproto.write;

import flyteidl.core.Interface;
import io.flytemigrate.flyte.model.Parameter;
import io.flytemigrate.flyte.model.TypedInterface;
import io.flytemigrate.flyte.model.Variable;
import java.util.List;

/** Typed interfaces and launch-plan parameters ({@code flyteidl.core.Interface}). */
final class InterfaceWriter {
  private InterfaceWriter() {}

  static Interface.TypedInterface write(TypedInterface iface) {
    return Interface.TypedInterface.newBuilder()
        .setInputs(variables(iface.inputs()))
        .setOutputs(variables(iface.outputs()))
        .build();
  }

  static Interface.VariableMap variables(List<Variable> vars) {
    Interface.VariableMap.Builder map = Interface.VariableMap.newBuilder();
    for (Variable v : vars) {
      map.putVariables(v.name(), variable(v.type(), v.description()));
    }
    return map.build();
  }

  static Interface.Variable variable(io.flytemigrate.flyte.model.LiteralType type, String description) {
    return Interface.Variable.newBuilder().setType(TypeWriter.write(type)).setDescription(description).build();
  }

  /**
   * {@code default_inputs}: {@code required: true} without a default, else {@code default}. The
   * variable's description is its name, as flytekit writes it.
   */
  static Interface.ParameterMap parameters(List<Parameter> parameters) {
    Interface.ParameterMap.Builder map = Interface.ParameterMap.newBuilder();
    for (Parameter p : parameters) {
      Interface.Parameter.Builder b = Interface.Parameter.newBuilder().setVar(variable(p.type(), p.var()));
      if (p.defaultValue().isPresent()) {
        b.setDefault(LiteralWriter.literal(p.defaultValue().get()));
      } else {
        b.setRequired(true);
      }
      map.putParameters(p.var(), b.build());
    }
    return map.build();
  }
}
