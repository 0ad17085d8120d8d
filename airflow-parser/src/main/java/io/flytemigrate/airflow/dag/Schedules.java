package io.flytemigrate.airflow.dag;

import io.flytemigrate.airflow.model.DagModel;
import io.flytemigrate.airflow.model.Kwarg;
import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.ir.Attribute;
import io.flytemigrate.ir.Schedule;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A DAG's schedule ({@code schedule}, or the older {@code schedule_interval} and {@code timetable}):
 * {@code None}, presets, cron strings, {@code timedelta}s, the common timetables, and datasets or
 * assets (a list or {@code &} of them runs when all are updated). Custom timetables and
 * {@code |} of assets have no IR form and are kept as written.
 */
final class Schedules {
  private Schedules() {}

  private static final Set<String> PRESETS = Set.of("@once", "@hourly", "@daily", "@weekly", "@monthly", "@quarterly",
      "@yearly", "@annually", "@midnight", "@continuous");

  static Optional<Schedule> of(DagModel dag, DagScope scope, Optional<String> version, List<Attribute> attributes) {
    Optional<Kwarg> k = dag.kwarg("schedule").or(() -> dag.kwarg("schedule_interval")).or(() -> dag.kwarg("timetable"));
    if (k.isEmpty()) {
      if (dag.declaration() == DagModel.Declaration.SERIALIZED) {
        return Optional.empty();
      }
      if (version.map(v -> v.startsWith("3")).orElse(false)) {
        return Optional.empty();
      }
      scope.report(Codes.AIRFLOW_VERSION_DEFAULT, dag.span(), "dag `" + dag.dagId() + "` gives no schedule: airflow 2 runs it"
          + " daily, airflow 3 only when triggered; it is read as airflow " + version.orElse("2.x") + " (daily)",
          "say `schedule=None` or `schedule=\"@daily\"` to mean the same on both");
      return Optional.of(new Schedule.Every("P1D"));
    }
    return of(k.get(), dag, scope, attributes);
  }

  private static Optional<Schedule> of(Kwarg k, DagModel dag, DagScope scope, List<Attribute> attributes) {
    PyValue v = k.value();
    if (v instanceof PyValue.None) {
      return Optional.empty();
    }
    if (v instanceof PyValue.Str s) {
      String text = s.value().strip();
      if (PRESETS.contains(text)) {
        return Optional.of(new Schedule.Preset(text));
      }
      return Optional.of(new Schedule.Cron(text));
    }
    if (v instanceof PyValue.Duration d) {
      return Optional.of(new Schedule.Every(d.iso()));
    }
    if (v instanceof PyValue.Int || v instanceof PyValue.Float) {
      return Optional.of(new Schedule.Every(new PyValue.Duration(((Number) number(v)).doubleValue()).iso()));
    }
    if (v instanceof PyValue.ListV l) {
      List<String> uris = assets(l.items());
      if (uris != null) {
        return Optional.of(new Schedule.OnData(uris));
      }
    }
    if (v instanceof PyValue.Obj o) {
      String name = o.simpleName();
      switch (name) {
        case "Dataset", "Asset" -> {
          List<String> uris = assets(List.of(o));
          if (uris != null) {
            return Optional.of(new Schedule.OnData(uris));
          }
        }
        case "AssetAll" -> {
          List<String> uris = assets(o.args());
          if (uris != null) {
            return Optional.of(new Schedule.OnData(uris));
          }
        }
        case "CronTriggerTimetable", "CronDataIntervalTimetable", "CronTimetable" -> {
          PyValue cron = o.arg("cron", 0);
          if (cron == null) {
            cron = o.kwargs().get("expression");
          }
          PyValue tz = o.kwargs().get("timezone");
          if (cron instanceof PyValue.Str c) {
            if (tz != null) {
              attributes.add(new Attribute("schedule.timezone", IrValues.value(tz), k.span()));
            }
            attributes.add(new Attribute("schedule.timetable", new Value.Str(name), k.span()));
            return Optional.of(PRESETS.contains(c.value()) ? new Schedule.Preset(c.value()) : new Schedule.Cron(c.value()));
          }
        }
        case "DeltaTriggerTimetable", "DeltaDataIntervalTimetable" -> {
          PyValue delta = o.arg("delta", 0);
          if (delta instanceof PyValue.Duration d) {
            attributes.add(new Attribute("schedule.timetable", new Value.Str(name), k.span()));
            return Optional.of(new Schedule.Every(d.iso()));
          }
        }
        case "OnceTimetable" -> {
          return Optional.of(new Schedule.Preset("@once"));
        }
        case "ContinuousTimetable" -> {
          return Optional.of(new Schedule.Preset("@continuous"));
        }
        case "NullTimetable" -> {
          return Optional.empty();
        }
        case "relativedelta" -> {
          String iso = relative(o);
          if (iso != null) {
            return Optional.of(new Schedule.Every(iso));
          }
        }
        default -> { }
      }
      String kind = switch (name) {
        case "AssetAny" -> "asset-any";
        case "DatasetOrTimeSchedule", "AssetOrTimeSchedule" -> "assets-or-time";
        case "AssetAlias", "DatasetAlias" -> "asset-alias";
        default -> name;
      };
      scope.report(Codes.AIRFLOW_UNSUPPORTED, k.span(), "the schedule of dag `" + dag.dagId() + "` (`" + TaskIo.oneLine(o.raw())
          + "`) has no ir form; it is kept as written", "flyte launch plans run on cron or fixed rates; choose one");
      return Optional.of(new Schedule.Custom(kind, o.raw()));
    }
    String why = v instanceof PyValue.Unknown u ? u.why() : "it is not a schedule the reader knows";
    scope.report(Codes.AIRFLOW_UNRESOLVED, k.span(), "the schedule of dag `" + dag.dagId() + "` cannot be computed statically: "
        + why, "write the schedule as a literal");
    return Optional.of(new Schedule.Custom("unknown", k.raw()));
  }

  private static Object number(PyValue v) {
    return v instanceof PyValue.Int i ? (Object) (double) i.value() : (Object) ((PyValue.Float) v).value();
  }

  /** The URIs of a list of datasets or assets (an AND of them), or null when it is anything else. */
  private static List<String> assets(List<PyValue> items) {
    List<String> out = new ArrayList<>();
    for (PyValue v : items) {
      if (v instanceof PyValue.Obj o && (o.simpleName().equals("Dataset") || o.simpleName().equals("Asset"))) {
        PyValue uri = o.kwargs().get("uri");
        if (uri == null) {
          uri = o.args().isEmpty() ? o.kwargs().get("name") : o.args().get(0);
        }
        if (!(uri instanceof PyValue.Str s)) {
          return null;
        }
        out.add(s.value());
      } else if (v instanceof PyValue.Obj o && o.simpleName().equals("AssetAll")) {
        List<String> inner = assets(o.args());
        if (inner == null) {
          return null;
        }
        out.addAll(inner);
      } else {
        return null;
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static String relative(PyValue.Obj o) {
    StringBuilder date = new StringBuilder("P");
    StringBuilder time = new StringBuilder();
    String[][] units = {{"years", "Y"}, {"months", "M"}, {"weeks", "W"}, {"days", "D"}};
    for (String[] u : units) {
      if (o.kwargs().get(u[0]) instanceof PyValue.Int i && i.value() != 0) {
        date.append(i.value()).append(u[1]);
      }
    }
    String[][] timeUnits = {{"hours", "H"}, {"minutes", "M"}, {"seconds", "S"}};
    for (String[] u : timeUnits) {
      if (o.kwargs().get(u[0]) instanceof PyValue.Int i && i.value() != 0) {
        time.append(i.value()).append(u[1]);
      }
    }
    if (date.length() == 1 && time.length() == 0) {
      return null;
    }
    return time.length() == 0 ? date.toString() : date + "T" + time;
  }
}
