package io.flytemigrate.kfp.v2;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a POSIX shell script into simple commands of words, honouring single quotes, double
 * quotes and backslashes, and separating at newlines, {@code ;}, {@code &&}, {@code ||} and
 * {@code |}. Enough to find {@code pip install} lines; it does not expand anything.
 */
final class ShellWords {
  private ShellWords() {}

  static List<List<String>> commands(String script) {
    List<List<String>> commands = new ArrayList<>();
    List<String> current = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '\'') {
        int end = script.indexOf('\'', i + 1);
        if (end < 0) {
          end = script.length();
        }
        word.append(script, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (i < script.length() && script.charAt(i) != '"') {
          char d = script.charAt(i);
          if (d == '\\' && i + 1 < script.length() && "\"\\$`\n".indexOf(script.charAt(i + 1)) >= 0) {
            word.append(script.charAt(i + 1));
            i += 2;
          } else {
            word.append(d);
            i++;
          }
        }
        i++;
        inWord = true;
      } else if (c == '\\' && i + 1 < script.length()) {
        if (script.charAt(i + 1) != '\n') {
          word.append(script.charAt(i + 1));
          inWord = true;
        }
        i += 2;
      } else if (c == ' ' || c == '\t') {
        inWord = flush(word, inWord, current);
        i++;
      } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
        inWord = flush(word, inWord, current);
        if (!current.isEmpty()) {
          commands.add(current);
          current = new ArrayList<>();
        }
        i++;
      } else if (c == '#' && !inWord) {
        while (i < script.length() && script.charAt(i) != '\n') {
          i++;
        }
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    flush(word, inWord, current);
    if (!current.isEmpty()) {
      commands.add(current);
    }
    return commands;
  }

  private static boolean flush(StringBuilder word, boolean inWord, List<String> current) {
    if (inWord) {
      current.add(word.toString());
      word.setLength(0);
    }
    return false;
  }
}
