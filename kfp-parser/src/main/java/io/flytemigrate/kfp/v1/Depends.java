package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.TaskSettings.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps an Argo {@code depends} expression ({@code a && b.Succeeded}, {@code a.Failed}, {@code
 * (a.Succeeded || a.Failed)}) to the tasks it waits for and a trigger rule. Tasks joined by
 * {@code &&} that must all succeed, fail, be skipped or finish map exactly; anything else (an
 * {@code ||} across tasks, {@code !}, mixed results) waits for every named task to finish, which
 * is reported as an approximation.
 *
 * @param tasks the task names in the order they first appear
 * @param exact whether the trigger rule means exactly what the expression says
 */
record Depends(List<String> tasks, Trigger trigger, boolean exact) {
  Depends {
    tasks = List.copyOf(tasks);
  }

  static Depends parse(String expression) {
    List<String> tokens = tokens(expression);
    Set<String> names = new LinkedHashSet<>();
    Set<String> results = new LinkedHashSet<>();
    boolean or = false;
    boolean not = false;
    for (String t : tokens) {
      switch (t) {
        case "&&", "(", ")" -> { }
        case "||" -> or = true;
        case "!" -> not = true;
        default -> {
          int dot = t.lastIndexOf('.');
          String result = dot > 0 ? t.substring(dot + 1) : "Succeeded";
          names.add(dot > 0 ? t.substring(0, dot) : t);
          results.add(result);
        }
      }
    }
    List<String> tasks = new ArrayList<>(names);
    if (not) {
      return new Depends(tasks, Trigger.ALL_DONE, false);
    }
    if (or) {
      // (a.Succeeded || a.Failed) per task means "a finished", whatever the outcome.
      boolean done = results.stream().allMatch(r -> r.equals("Succeeded") || r.equals("Failed") || r.equals("Errored")
          || r.equals("Skipped") || r.equals("Omitted") || r.equals("Daemoned"));
      boolean perTask = isPerTaskDisjunction(tokens);
      return new Depends(tasks, Trigger.ALL_DONE, done && perTask);
    }
    if (results.size() == 1) {
      switch (results.iterator().next()) {
        case "Succeeded", "Daemoned":
          return new Depends(tasks, Trigger.ALL_SUCCEEDED, true);
        case "Failed", "AllFailed":
          return new Depends(tasks, Trigger.ALL_FAILED, true);
        case "Skipped", "Omitted":
          return new Depends(tasks, Trigger.ALL_SKIPPED, true);
        case "AnySucceeded":
          return new Depends(tasks, Trigger.ONE_SUCCESS, tasks.size() == 1);
        default:
          return new Depends(tasks, Trigger.ALL_DONE, false);
      }
    }
    return new Depends(tasks, Trigger.ALL_DONE, false);
  }

  /** Whether every {@code ||} joins results of one and the same task, inside one parenthesis. */
  private static boolean isPerTaskDisjunction(List<String> tokens) {
    String current = null;
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("(")) {
        depth++;
        current = null;
      } else if (t.equals(")")) {
        depth--;
        current = null;
      } else if (t.equals("||")) {
        if (depth == 0 || current == null || i + 1 >= tokens.size()) {
          return false;
        }
        String next = tokens.get(i + 1);
        int dot = next.lastIndexOf('.');
        if (!(dot > 0 ? next.substring(0, dot) : next).equals(current)) {
          return false;
        }
      } else if (!t.equals("&&")) {
        int dot = t.lastIndexOf('.');
        current = dot > 0 ? t.substring(0, dot) : t;
      }
    }
    return true;
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("&&", i) || s.startsWith("||", i)) {
        out.add(s.substring(i, i + 2));
        i += 2;
      } else if (c == '(' || c == ')' || c == '!') {
        out.add(String.valueOf(c));
        i++;
      } else {
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()!&|".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        out.add(s.substring(start, i));
      }
    }
    return out;
  }
}
