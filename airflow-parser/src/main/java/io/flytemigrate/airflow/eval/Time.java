package io.flytemigrate.airflow.eval;

import io.flytemigrate.airflow.model.PyValue;
import io.flytemigrate.airflow.model.PyValue.DateTime;
import io.flytemigrate.airflow.model.PyValue.Duration;
import io.flytemigrate.airflow.model.PyValue.Float;
import io.flytemigrate.airflow.model.PyValue.Int;
import io.flytemigrate.airflow.model.PyValue.Str;
import io.flytemigrate.airflow.model.PyValue.Unknown;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code timedelta}, {@code datetime}, {@code pendulum.datetime} and their arithmetic, computed
 * from literal arguments. Anything relative to the moment the file is parsed ({@code now()},
 * {@code today()}, Airflow's {@code days_ago}) is unknown: the reader has no clock, by design.
 */
final class Time {
  private Time() {}

  /** {@code timedelta(days=1, hours=2)}, also {@code pendulum.duration}. */
  static PyValue timedelta(List<PyValue> args, Map<String, PyValue> kwargs, String raw) {
    String[] positional = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    double seconds = 0;
    for (int i = 0; i < args.size(); i++) {
      if (i >= positional.length) {
        return new Unknown(raw, "too many arguments");
      }
      Double v = number(args.get(i));
      if (v == null) {
        return Builtins.unknownFrom(args.get(i), raw, "its arguments are not known statically");
      }
      seconds += v * unit(positional[i]);
    }
    for (Map.Entry<String, PyValue> e : kwargs.entrySet()) {
      Double v = number(e.getValue());
      double unit = unit(e.getKey());
      if (v == null || unit < 0) {
        return Builtins.unknownFrom(e.getValue(), raw, "its arguments are not known statically");
      }
      seconds += v * unit;
    }
    return new Duration(seconds);
  }

  private static double unit(String name) {
    return switch (name) {
      case "days" -> 86400;
      case "seconds" -> 1;
      case "microseconds" -> 1e-6;
      case "milliseconds" -> 1e-3;
      case "minutes" -> 60;
      case "hours" -> 3600;
      case "weeks" -> 604800;
      default -> -1;
    };
  }

  private static Double number(PyValue v) {
    if (v instanceof Int i) {
      return (double) i.value();
    }
    if (v instanceof Float f) {
      return f.value();
    }
    return null;
  }

  /**
   * {@code datetime(2021, 1, 1)} (naive) or {@code pendulum.datetime(2021, 1, 1, tz="UTC")}
   * (UTC unless another zone is given).
   */
  static PyValue datetime(List<PyValue> args, Map<String, PyValue> kwargs, boolean pendulum, String raw) {
    String[] names = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
    long[] f = {0, 1, 1, 0, 0, 0, 0};
    boolean[] given = new boolean[names.length];
    for (int i = 0; i < args.size() && i < names.length; i++) {
      if (!(args.get(i) instanceof Int v)) {
        return Builtins.unknownFrom(args.get(i), raw, "its arguments are not known statically");
      }
      f[i] = v.value();
      given[i] = true;
    }
    for (int i = 0; i < names.length; i++) {
      PyValue v = kwargs.get(names[i]);
      if (v != null) {
        if (!(v instanceof Int n)) {
          return Builtins.unknownFrom(v, raw, "its arguments are not known statically");
        }
        f[i] = n.value();
        given[i] = true;
      }
    }
    if (!given[0] || !given[1] || !given[2]) {
      return new Unknown(raw, "the date is incomplete");
    }
    try {
      LocalDateTime local = LocalDateTime.of((int) f[0], (int) f[1], (int) f[2], (int) f[3], (int) f[4], (int) f[5],
          (int) f[6] * 1000);
      PyValue tz = kwargs.containsKey("tz") ? kwargs.get("tz") : kwargs.get("tzinfo");
      if (!pendulum && tz == null) {
        return new DateTime(local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      }
      String zone = tz == null ? "UTC" : tz instanceof Str s ? s.value() : null;
      if (zone == null) {
        return Builtins.unknownFrom(tz, raw, "its time zone is not known statically");
      }
      return new DateTime(zoned(local, zone));
    } catch (DateTimeException e) {
      return new Unknown(raw, "the date is not valid");
    }
  }

  private static String zoned(LocalDateTime local, String zone) {
    ZoneId id = ZoneId.of(zone.equals("UTC") || zone.equals("utc") ? "Z" : zone);
    ZonedDateTime z = local.atZone(id);
    String text = z.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return id.getId().equals("Z") ? text : text + "[" + id.getId() + "]";
  }

  /** Arithmetic on durations and date-times, or null when it does not apply. */
  static PyValue arithmetic(String op, PyValue l, PyValue r) {
    if (l instanceof Duration a && r instanceof Duration b) {
      return switch (op) {
        case "+" -> new Duration(a.seconds() + b.seconds());
        case "-" -> new Duration(a.seconds() - b.seconds());
        case "/" -> b.seconds() == 0 ? null : new Float(a.seconds() / b.seconds());
        default -> null;
      };
    }
    if (l instanceof Duration a && number(r) != null) {
      return switch (op) {
        case "*" -> new Duration(a.seconds() * number(r));
        case "/" -> number(r) == 0 ? null : new Duration(a.seconds() / number(r));
        default -> null;
      };
    }
    if (r instanceof Duration b && number(l) != null && op.equals("*")) {
      return new Duration(b.seconds() * number(l));
    }
    if (l instanceof DateTime d && r instanceof Duration b && (op.equals("+") || op.equals("-"))) {
      return shift(d, op.equals("+") ? b.seconds() : -b.seconds());
    }
    if (l instanceof Duration b && r instanceof DateTime d && op.equals("+")) {
      return shift(d, b.seconds());
    }
    return null;
  }

  private static PyValue shift(DateTime d, double seconds) {
    long nanos = Math.round(seconds * 1e9);
    String iso = d.iso();
    try {
      int bracket = iso.indexOf('[');
      if (bracket >= 0) {
        ZonedDateTime z = ZonedDateTime.parse(iso).plusNanos(nanos);
        return new DateTime(z.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + iso.substring(bracket));
      }
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return new DateTime(OffsetDateTime.parse(iso).plusNanos(nanos).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      }
      return new DateTime(LocalDateTime.parse(iso).plusNanos(nanos).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }
}
