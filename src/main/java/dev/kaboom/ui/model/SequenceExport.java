package dev.kaboom.ui.model;

import dev.kaboom.explain.Narration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Writes rows of a {@link SequenceModel} as text: a Mermaid {@code sequenceDiagram} (pastes into
 * Livebook, GitHub, docs) or a standalone SVG picture, each arrow's narration sentence as its
 * tooltip ({@code <title>}). Plain text, no JavaFX: the CLI's {@code export} calls it.
 *
 * <p>Mermaid: a participant per lifeline ({@code p0}, {@code p1}, ... with its name and pid), an
 * arrow per row ({@code ->>} a start, a call, a signal or shutdown that was survived; {@code -x}
 * one its receiver died of; {@code -)} an {@code EXIT} message, {@code --)} a {@code DOWN}; {@code
 * -->>} a reply), a {@code Note over} per exit, restart plan and give-up. {@code #}, {@code ;},
 * {@code <} and {@code >} are written as Mermaid's entity codes ({@code #35;}, ...).
 */
public final class SequenceExport {
  private SequenceExport() {}

  /** The Mermaid text of rows {@code from} to {@code to} (exclusive), groups collapsed. */
  public static String mermaid(
      SequenceModel m, int from, int to, ResourceBundle bundle, String comment) {
    SequenceModel.Lanes lanes = m.lifelines(from, to, Set.of());
    StringBuilder out = new StringBuilder("sequenceDiagram\n");
    if (!comment.isEmpty()) {
      out.append("    %% ").append(comment.replace('\n', ' ')).append('\n');
    }
    for (int i = 0; i < lanes.lifelines().size(); i++) {
      SequenceModel.Lifeline l = lanes.lifelines().get(i);
      String name = SequenceModel.name(l, bundle) + (l.pid().isEmpty() ? "" : " " + l.pid());
      out.append("    participant p")
          .append(i)
          .append(" as ")
          .append(mermaidText(name))
          .append('\n');
    }
    for (int i = from; i < to; i++) {
      SequenceModel.Row r = m.row(i);
      int a = lanes.columnOf(r.from());
      int b = lanes.columnOf(r.to());
      String text = mermaidText(SequenceModel.label(r, lanes, bundle));
      if (r.kind().isNote()) {
        out.append("    Note over p").append(b).append(": ").append(text).append('\n');
      } else {
        out.append("    p")
            .append(a)
            .append(arrow(r))
            .append('p')
            .append(b)
            .append(": ")
            .append(text)
            .append('\n');
      }
    }
    return out.toString();
  }

  /** The Mermaid arrow of a row (see the class comment). */
  static String arrow(SequenceModel.Row r) {
    return switch (r.kind()) {
      case REPLY -> "-->>";
      case EXIT_MESSAGE -> "-)";
      case DOWN -> "--)";
      default -> r.fatal() ? "-x" : "->>";
    };
  }

  /** Text Mermaid shows as written: its entity codes for the characters it reads itself. */
  static String mermaidText(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '#' -> sb.append("#35;");
        case ';' -> sb.append("#59;");
        case '<' -> sb.append("#60;");
        case '>' -> sb.append("#62;");
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  // ---- SVG ----

  static final int MARGIN = 16;
  static final int HEAD = 44;
  static final int ROW = 30;
  static final int FONT = 12;

  /**
   * A standalone SVG picture of rows {@code from} to {@code to} (exclusive), groups collapsed: a
   * header box per lifeline, a dashed line down from it, the rows top to bottom; each row's
   * narration (in {@code locale}) is its {@code <title>}.
   */
  public static String svg(
      SequenceModel m, int from, int to, ResourceBundle bundle, Locale locale, String comment) {
    SequenceModel.Lanes lanes = m.lifelines(from, to, Set.of());
    int n = lanes.lifelines().size();
    double col = 120;
    for (SequenceModel.Lifeline l : lanes.lifelines()) {
      col = Math.max(col, textWidth(SequenceModel.name(l, bundle)) + 24);
      col = Math.max(col, textWidth(l.pid()) + 24);
    }
    for (int i = from; i < to; i++) {
      SequenceModel.Row r = m.row(i);
      if (r.kind().isNote()) {
        continue; // a note may be wider than its column
      }
      int span = Math.max(1, Math.abs(lanes.columnOf(r.from()) - lanes.columnOf(r.to())));
      col =
          Math.max(
              col, Math.min(220, (textWidth(SequenceModel.label(r, lanes, bundle)) + 20) / span));
    }
    col = Math.ceil(col);
    double width = 2 * MARGIN + Math.max(1, n) * col;
    double height = 2 * MARGIN + HEAD + (to - from + 1) * ROW;
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (!comment.isEmpty()) {
      out.append("<!-- ").append(xml(comment).replace("--", "- -")).append(" -->\n");
    }
    out.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                    + " viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"%d\">\n",
                width,
                height,
                width,
                height,
                FONT))
        .append("<style>")
        .append(".life{stroke:#9aa0a6;stroke-dasharray:4 4}")
        .append(".head{fill:#eef3fb;stroke:#4a6fa5}.group{fill:#f3eefb;stroke:#7a5aa5}")
        .append(".start{stroke:#2e8b57;fill:#2e8b57}.signal{stroke:#c0392b;fill:#c0392b}")
        .append(".exit_message,.down{stroke:#2c6fbb;fill:#2c6fbb}")
        .append(".shutdown,.kill{stroke:#d35400;fill:#d35400}.call,.reply{stroke:#555;fill:#555}")
        .append(".dashed{stroke-dasharray:6 3}text{stroke:none;fill:#202124}")
        .append(".note{fill:#fff8e1;stroke:#b08900}.crash{fill:#fdecea;stroke:#c0392b}")
        .append(".give_up{fill:#f3e5f5;stroke:#7b1fa2}")
        .append("</style>\n")
        .append(
            String.format(
                Locale.ROOT,
                "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n",
                width,
                height));
    double bottom = height - MARGIN;
    for (int i = 0; i < n; i++) {
      SequenceModel.Lifeline l = lanes.lifelines().get(i);
      double x = MARGIN + i * col;
      double cx = x + col / 2;
      out.append("<g class=\"lifeline\">");
      out.append(
          String.format(
              Locale.ROOT,
              "<line class=\"life\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\"/>",
              cx,
              MARGIN + HEAD,
              cx,
              bottom));
      out.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"4\"/>",
              l.isGroup() ? "group" : "head",
              x + 4,
              MARGIN,
              col - 8,
              HEAD - 6));
      out.append(text(cx, MARGIN + 16, SequenceModel.name(l, bundle), "middle", true));
      if (!l.pid().isEmpty()) {
        out.append(text(cx, MARGIN + 31, l.pid(), "middle", false));
      }
      out.append("</g>\n");
    }
    for (int i = from; i < to; i++) {
      SequenceModel.Row r = m.row(i);
      int a = lanes.columnOf(r.from());
      int b = lanes.columnOf(r.to());
      double y = MARGIN + HEAD + (i - from + 1) * ROW;
      double xa = MARGIN + a * col + col / 2;
      double xb = MARGIN + b * col + col / 2;
      String label = SequenceModel.label(r, lanes, bundle);
      String kind = r.kind().name().toLowerCase(Locale.ROOT);
      out.append("<g class=\"row ").append(kind).append("\">");
      String why = m.why(i).map(w -> w.render(Narration.bundle(locale))).orElse(label);
      out.append("<title>").append(xml(why)).append("</title>");
      if (r.kind().isNote()) {
        double w = Math.max(col - 16, textWidth(label) + 16);
        String style =
            r.kind() == SequenceModel.Kind.GIVE_UP ? "give_up" : r.fatal() ? "crash" : "note";
        out.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"3\"/>",
                style,
                xb - w / 2,
                y - ROW / 2.0 + 4,
                w,
                ROW - 8));
        out.append(text(xb, y + 4, label, "middle", false));
      } else {
        String dash =
            r.kind() == SequenceModel.Kind.REPLY
                    || r.kind() == SequenceModel.Kind.DOWN
                    || r.kind() == SequenceModel.Kind.EXIT_MESSAGE
                ? " dashed"
                : "";
        if (a == b) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "<path class=\"%s%s\" fill=\"none\" d=\"M%.1f %.1f h24 v10 h-24\"/>",
                  kind,
                  dash,
                  xa,
                  y - 6,
                  xa));
          out.append(text(xa + 28, y, label, "start", false));
        } else {
          double dir = Math.signum(xb - xa);
          out.append(
              String.format(
                  Locale.ROOT,
                  "<line class=\"%s%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                      + " stroke-width=\"1.5\"/>",
                  kind,
                  dash,
                  xa,
                  y,
                  xb - dir * 2,
                  y));
          if (r.fatal()) {
            out.append(
                String.format(
                    Locale.ROOT,
                    "<path class=\"%s\" stroke-width=\"2\" d=\"M%.1f %.1f l10 10 M%.1f %.1f l-10 10\"/>",
                    kind,
                    xb - 5,
                    y - 5,
                    xb + 5,
                    y - 5));
          } else {
            out.append(
                String.format(
                    Locale.ROOT,
                    "<path class=\"%s\" d=\"M%.1f %.1f l%.1f -4 l0 8 z\"/>",
                    kind,
                    xb,
                    y,
                    -dir * 9));
          }
          out.append(text((xa + xb) / 2, y - 5, label, "middle", false));
        }
      }
      out.append("</g>\n");
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static String text(double x, double y, String s, String anchor, boolean bold) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>",
        x,
        y,
        anchor,
        bold ? " font-weight=\"bold\"" : "",
        xml(s));
  }

  /** About how wide {@code s} is at the picture's font size (wide letters count twice). */
  static double textWidth(String s) {
    double w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) >= 0x1100 ? FONT : FONT * 0.6;
    }
    return w;
  }

  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
