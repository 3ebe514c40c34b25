package dev.kaboom.console;

import java.util.ArrayList;
import java.util.List;

/** Splits one console line into tokens; a bad character is a {@link ConsoleError} with its column. */
final class Lexer {
  enum Kind {
    NAME, // sensor, pid, Servy.ServicesSupervisor, Supervisor.which_children, :timer.sleep
    ATOM, // :kaboom
    INT,
    STRING,
    PID, // #PID<0.105.0>
    PUNCT, // ( ) { } [ ] , =
    PIPE, // |>
    END
  }

  record Token(Kind kind, String text, int column) {}

  private Lexer() {}

  static List<Token> lex(String line) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      int col = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (line.startsWith("|>", i)) {
        out.add(new Token(Kind.PIPE, "|>", col));
        i += 2;
      } else if ("(){}[],=".indexOf(c) >= 0) {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), col));
        i++;
      } else if (line.startsWith("#PID<", i)) {
        int end = line.indexOf('>', i);
        if (end < 0) {
          throw new ConsoleError("SyntaxError", col, "missing > after #PID<");
        }
        out.add(new Token(Kind.PID, line.substring(i + 5, end), col));
        i = end + 1;
      } else if (c == ':' && i + 1 < n && line.charAt(i + 1) == '"') {
        int end = line.indexOf('"', i + 2);
        if (end < 0) {
          throw new ConsoleError("SyntaxError", col, "missing closing \" of the atom");
        }
        out.add(new Token(Kind.ATOM, line.substring(i + 2, end), col));
        i = end + 1;
      } else if (c == ':' && i + 1 < n && isNameStart(line.charAt(i + 1))) {
        int end = nameEnd(line, i + 1);
        String name = line.substring(i + 1, end);
        if (end < n && line.charAt(end) == '.' && end + 1 < n && isNameStart(line.charAt(end + 1))) {
          int fend = nameEnd(line, end + 1);
          out.add(new Token(Kind.NAME, ":" + line.substring(i + 1, fend), col)); // :timer.sleep
          i = fend;
        } else {
          out.add(new Token(Kind.ATOM, name, col));
          i = end;
        }
      } else if (c == '"') {
        int end = line.indexOf('"', i + 1);
        if (end < 0) {
          throw new ConsoleError("SyntaxError", col, "missing closing \" of the string");
        }
        out.add(new Token(Kind.STRING, line.substring(i + 1, end), col));
        i = end + 1;
      } else if (Character.isDigit(c)) {
        int end = i;
        while (end < n && (Character.isDigit(line.charAt(end)) || line.charAt(end) == '_')) {
          end++;
        }
        out.add(new Token(Kind.INT, line.substring(i, end).replace("_", ""), col));
        i = end;
      } else if (isNameStart(c)) {
        int end = nameEnd(line, i);
        out.add(new Token(Kind.NAME, line.substring(i, end), col));
        i = end;
      } else {
        throw new ConsoleError("SyntaxError", col, "unexpected character '" + c + "'");
      }
    }
    out.add(new Token(Kind.END, "", n + 1));
    return out;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  /** A name, possibly dotted (Servy.ServicesSupervisor.start_link), ending in ? or ! allowed. */
  private static int nameEnd(String s, int i) {
    int n = s.length();
    while (true) {
      while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
        i++;
      }
      if (i < n && (s.charAt(i) == '?' || s.charAt(i) == '!')) {
        i++;
      }
      if (i + 1 < n && s.charAt(i) == '.' && isNameStart(s.charAt(i + 1))) {
        i++;
        continue;
      }
      return i;
    }
  }
}
