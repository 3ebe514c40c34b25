package dev.kaboom.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.Command;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.scenario.TraceRunner;
import dev.kaboom.ui.model.SequenceModel.Kind;
import dev.kaboom.ui.model.SequenceModel.Lanes;
import dev.kaboom.ui.model.SequenceModel.Lifeline;
import dev.kaboom.ui.model.SequenceModel.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Given a tree, when a child goes kaboom, then the sequence chart's episode has a lifeline for
 * exactly the processes the strategy touches (the failed child, its supervisor, the siblings it
 * stops, the parent on escalation), the arrows OTP sends, and each arrow's narration; a one_for_all
 * of 100 children groups the quiet ones; the Mermaid export reads back.
 */
class SequenceModelTest {
  static final ResourceBundle EN =
      ResourceBundle.getBundle("dev.kaboom.ui.messages", Locale.ENGLISH);

  /** Runs a YAML scenario (tree and steps) and folds its events. */
  static SequenceModel model(String yaml) {
    var loaded = ScenarioLoader.parse("given.yaml", yaml);
    Scenario s = ((ScenarioLoader.Result.Loaded) loaded).scenario();
    SequenceModel m = new SequenceModel();
    TraceRunner.run(s.tree(), s.steps().stream().map(Command::of).toList(), l -> {}, m::apply);
    return m;
  }

  static String tree(String strategy, int children) {
    StringBuilder kids = new StringBuilder();
    for (int i = 1; i <= children; i++) {
      kids.append(i > 1 ? ", " : "").append("{id: c").append(i).append('}');
    }
    return "tree: {id: sup, strategy: " + strategy + ", children: [" + kids + "]}\n";
  }

  /** The episode of the last command (a row sent from outside the tree). */
  static int[] lastEpisode(SequenceModel m) {
    int i = m.rowCount() - 1;
    while (!m.row(i).from().startsWith("#") || m.row(i).kind() == Kind.REPLY) {
      i--;
    }
    return new int[] {m.episodeStart(i), m.episodeEnd(i)};
  }

  static List<String> keys(Lanes lanes) {
    return lanes.lifelines().stream().map(Lifeline::key).toList();
  }

  static List<String> rows(SequenceModel m, int[] ep, Lanes lanes) {
    List<String> out = new ArrayList<>();
    for (int i = ep[0]; i < ep[1]; i++) {
      Row r = m.row(i);
      out.add(
          (r.kind().isNote() ? "note " + r.to() : r.from() + " -> " + r.to())
              + ": "
              + SequenceModel.label(r, lanes, EN));
    }
    return out;
  }

  /** A storm: {@code kabooms} exits of random children (seeded) under a one_for_one of 20. */
  static List<dev.kaboom.engine.TraceEvent> storm(int kabooms) {
    StringBuilder kids = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      kids.append(i > 1 ? ", " : "").append("{id: c").append(i).append('}');
    }
    StringBuilder yaml =
        new StringBuilder(
            "tree: {id: sup, strategy: one_for_one, intensity: 1000000, period_s: 1, children: ["
                + kids
                + "]}\nsteps:\n");
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < kabooms; i++) {
      yaml.append("  - {exit: sup/c").append(1 + random.nextInt(20)).append(", reason: kaboom}\n");
    }
    var loaded = ScenarioLoader.parse("storm.yaml", yaml.toString());
    Scenario s = ((ScenarioLoader.Result.Loaded) loaded).scenario();
    List<dev.kaboom.engine.TraceEvent> events = new ArrayList<>();
    TraceRunner.run(s.tree(), s.steps().stream().map(Command::of).toList(), l -> {}, events::add);
    return events;
  }

  /** The first sentence a narrator says of each event (what the window's narration holds). */
  static java.util.function.IntFunction<dev.kaboom.explain.Narration> said(
      List<dev.kaboom.engine.TraceEvent> events) {
    dev.kaboom.explain.Narrator narrator = new dev.kaboom.explain.Narrator();
    List<dev.kaboom.explain.Narration> first = new ArrayList<>();
    for (dev.kaboom.engine.TraceEvent e : events) {
      List<dev.kaboom.explain.Narration> n = narrator.apply(e);
      first.add(n.isEmpty() ? null : n.get(0));
    }
    return first::get;
  }

  /** Row {@code i}'s lane, text and sentence, as the chart shows them. */
  static String shown(SequenceModel m, int i) {
    Row r = m.row(i);
    return r.eventIndex()
        + " "
        + r.from()
        + " -> "
        + r.to()
        + ": "
        + r.text(EN)
        + " / "
        + m.why(i).map(n -> n.render(Locale.ENGLISH)).orElse("-");
  }

  @Test
  void aWindowedChartOfAStormKeepsItsLastEpisodesAndStaysTheSameSize() {
    List<dev.kaboom.engine.TraceEvent> events = storm(400);
    SequenceModel all = new SequenceModel();
    SequenceModel window = SequenceModel.windowed(200, said(events));
    int mostKept = 0;
    for (dev.kaboom.engine.TraceEvent e : events) {
      all.apply(e);
      window.apply(e);
      mostKept = Math.max(mostKept, window.rows().size());
    }
    assertThat(all.rowCount()).as("rows of 400 kabooms").isGreaterThan(2000);
    assertThat(window.rowCount())
        .as("rows are still counted from the run's first")
        .isEqualTo(all.rowCount());
    assertThat(window.firstRow()).isPositive();
    assertThat(mostKept).as("never more than a quarter over the cap").isLessThanOrEqualTo(250);
    assertThat(window.rows().size()).isGreaterThanOrEqualTo(100);
    // what is kept is what the whole chart has there: rows, sentences, episodes, lifelines
    for (int i = window.firstRow(); i < window.rowCount(); i++) {
      assertThat(shown(window, i)).isEqualTo(shown(all, i));
      assertThat(window.episodeStart(i)).isEqualTo(all.episodeStart(i));
      assertThat(window.episodeEnd(i)).isEqualTo(all.episodeEnd(i));
    }
    int[] ep = lastEpisode(window);
    assertThat(window.lifelines(ep[0], ep[1], Set.of()))
        .isEqualTo(all.lifelines(ep[0], ep[1], Set.of()));
    assertThat(window.lastRowAtOrBefore(0)).as("the first rows are gone").isEqualTo(-1);
    assertThat(window.firstEventKept()).isGreaterThan(0);
  }

  @Test
  void foldedAgainFromAnEpisodesFirstEventItShowsThatEpisodeAsTheWholeFoldDoes() {
    List<dev.kaboom.engine.TraceEvent> events = storm(300);
    SequenceModel all = new SequenceModel();
    events.forEach(all::apply);
    // an episode in the middle of the storm: fold again from its first event, as a seek back does
    int middle = all.lastRowAtOrBefore(events.size() / 2);
    int es = all.episodeStart(middle);
    int ee = all.episodeEnd(middle);
    int from = all.row(es).eventIndex();
    SequenceModel again = SequenceModel.windowed(200, said(events));
    again.skipTo(events, from);
    assertThat(again.firstEventKept()).isEqualTo(from);
    for (int i = from; i < all.row(ee - 1).eventIndex() + 1; i++) {
      again.apply(events.get(i));
    }
    int a = again.lastRowAtOrBefore(all.row(middle).eventIndex());
    int aes = again.episodeStart(a);
    assertThat(again.episodeEnd(a) - aes).isEqualTo(ee - es);
    for (int k = 0; k < ee - es; k++) {
      assertThat(shown(again, aes + k)).isEqualTo(shown(all, es + k));
    }
    assertThat(again.lifelines(aes, aes + ee - es, Set.of()).lifelines())
        .isEqualTo(all.lifelines(es, ee, Set.of()).lifelines());
  }

  @Test
  void oneForOneTheFailedChildAndItsSupervisorOnly() {
    SequenceModel m =
        model(tree("one_for_one", 3) + "steps:\n  - {exit: sup/c2, reason: kaboom}\n");
    int[] ep = lastEpisode(m);
    Lanes lanes = m.lifelines(ep[0], ep[1], Set.of());
    assertThat(keys(lanes)).containsExactly("#PID<0.101.0>", "sup", "sup/c2");
    assertThat(rows(m, ep, lanes))
        .containsExactly(
            "#PID<0.101.0> -> sup/c2: Process.exit :kaboom",
            "note sup/c2: exits :kaboom",
            "sup/c2 -> sup: EXIT :kaboom",
            "note sup: one_for_one: restart c2",
            "sup -> sup/c2: restart #PID<0.106.0>");
    assertThat(m.row(ep[0]).fatal()).as("c2 died of the signal").isTrue();
    assertThat(m.row(ep[0] + 1).fatal()).as("a crash").isTrue();
  }

  @Test
  void oneForAllEverySiblingIsStoppedInReverseOrderAndStartedAgain() {
    SequenceModel m =
        model(tree("one_for_all", 3) + "steps:\n  - {exit: sup/c2, reason: kaboom}\n");
    int[] ep = lastEpisode(m);
    Lanes lanes = m.lifelines(ep[0], ep[1], Set.of());
    assertThat(keys(lanes)).containsExactly("#PID<0.101.0>", "sup", "sup/c1", "sup/c2", "sup/c3");
    List<String> rows = rows(m, ep, lanes);
    assertThat(rows)
        .containsSubsequence(
            "note sup: one_for_all: restart c1, c2, c3",
            "sup -> sup/c3: shutdown",
            "note sup/c3: exits :shutdown",
            "sup/c3 -> sup: EXIT :shutdown",
            "sup/c3 -> sup: DOWN :shutdown",
            "sup -> sup/c1: shutdown",
            "sup -> sup/c1: restart #PID<0.106.0>",
            "sup -> sup/c2: restart #PID<0.107.0>",
            "sup -> sup/c3: restart #PID<0.108.0>");
    Row shutdown =
        m.rows().stream().filter(r -> r.kind() == Kind.SHUTDOWN).findFirst().orElseThrow();
    assertThat(shutdown.fatal()).as("c3 died of it").isTrue();
    assertThat(m.rows().stream().filter(r -> r.kind() == Kind.EXIT && r.to().equals("sup/c3")))
        .allMatch(r -> !r.fatal(), "a shutdown the supervisor asked for is no crash");
  }

  @Test
  void restForOneTheFailedChildAndThoseStartedAfterIt() {
    SequenceModel m =
        model(tree("rest_for_one", 3) + "steps:\n  - {exit: sup/c2, reason: kaboom}\n");
    int[] ep = lastEpisode(m);
    Lanes lanes = m.lifelines(ep[0], ep[1], Set.of());
    assertThat(keys(lanes)).containsExactly("#PID<0.101.0>", "sup", "sup/c2", "sup/c3");
    assertThat(rows(m, ep, lanes))
        .contains("sup -> sup/c3: shutdown", "note sup: rest_for_one: restart c2, c3");
  }

  @Test
  void escalationTheParentGetsALifelineWhenTheSupervisorGivesUp() {
    SequenceModel m =
        model(
            "tree: {id: root, strategy: one_for_one, children: [{id: mid, strategy: one_for_one,"
                + " intensity: 1, period_s: 5, children: [{id: a}, {id: b}]}, {id: logger}]}\n"
                + "steps:\n  - {exit: root/mid/a, reason: kaboom}\n"
                + "  - {exit: root/mid/b, reason: kaboom}\n");
    int[] ep = lastEpisode(m);
    Lanes lanes = m.lifelines(ep[0], ep[1], Set.of());
    assertThat(keys(lanes))
        .as("logger is not touched")
        .containsExactly("#PID<0.101.0>", "root", "root/mid", "root/mid/a", "root/mid/b");
    assertThat(rows(m, ep, lanes))
        .containsSubsequence(
            "#PID<0.101.0> -> root/mid/b: Process.exit :kaboom",
            "root/mid/b -> root/mid: EXIT :kaboom",
            "note root/mid: gives up: :reached_max_restart_intensity",
            "root/mid -> root/mid/a: shutdown",
            "note root/mid: exits :shutdown",
            "root/mid -> root: EXIT :shutdown",
            "note root: one_for_one: restart mid",
            "root -> root/mid: restart #PID<0.108.0>");
  }

  @Test
  void aCallAndItsReplyAreArrowsFromTheCallerAndBack() {
    SequenceModel m = model(tree("one_for_one", 2) + "steps:\n  - {which_children: sup}\n");
    int[] ep = lastEpisode(m);
    Lanes lanes = m.lifelines(ep[0], ep[1], Set.of());
    assertThat(rows(m, ep, lanes))
        .containsExactly(
            "#PID<0.100.0> -> sup: call which_children",
            "sup -> #PID<0.100.0>: reply [{:c2, #PID<0.104.0>, :worker}, {:c1, #…");
    assertThat(m.why(ep[0])).as("the call's narration is its reply's").isPresent();
  }

  @Test
  void everyArrowOfACrashCarriesTheNarrationOfItsStep() {
    SequenceModel m =
        model(tree("one_for_all", 3) + "steps:\n  - {exit: sup/c2, reason: kaboom}\n");
    int[] ep = lastEpisode(m);
    for (int i = ep[0]; i < ep[1]; i++) {
      if (m.row(i).kind() != Kind.DOWN || m.row(i).from().equals("sup/c2")) {
        assertThat(m.why(i)).as("row %d %s", i, m.row(i)).isPresent();
      }
    }
    String fatal = m.why(ep[0]).orElseThrow().render(Locale.ENGLISH);
    String ko = m.why(ep[0]).orElseThrow().render(Locale.KOREAN);
    assertThat(fatal).isNotBlank().isNotEqualTo(ko);
  }

  @Test
  void oneForAllOfAHundredChildrenGroupsTheQuietOnesUntilExpanded() {
    SequenceModel m =
        model(tree("one_for_all", 100) + "steps:\n  - {exit: sup/c42, reason: kaboom}\n");
    int[] ep = lastEpisode(m);
    Lanes lanes = m.lifelines(ep[0], ep[1], Set.of());
    // the group sits where its first member (c1) would; c42, the crashed one, after it
    assertThat(keys(lanes)).containsExactly("#PID<0.101.0>", "sup", "group:sup", "sup/c42");
    Lanes grouped = lanes;
    Lifeline group = grouped.lifelines().get(2);
    assertThat(group.members()).hasSize(99).doesNotContain("sup/c42");
    assertThat(SequenceModel.name(group, EN)).isEqualTo("99 children of sup");
    assertThat(grouped.columnOf("sup/c42")).isEqualTo(3);
    assertThat(grouped.columnOf("sup/c100")).isEqualTo(2);
    assertThat(rows(m, ep, lanes)).contains("sup -> sup/c100: c100: shutdown");

    Lanes open = m.lifelines(ep[0], ep[1], Set.of("group:sup"));
    assertThat(open.lifelines()).hasSize(102);
    assertThat(keys(open).subList(2, 5)).containsExactly("sup/c1", "sup/c2", "sup/c3");
  }

  // ---- the Mermaid export reads back ----

  /** A small reader of the Mermaid sequenceDiagram subset the export writes. */
  record Parsed(List<String[]> participants, List<String[]> messages, List<String[]> notes) {}

  static final Pattern PARTICIPANT = Pattern.compile("^participant (\\w+) as (.+)$");
  static final Pattern MESSAGE = Pattern.compile("^(\\w+)(-->>|->>|--\\)|-\\)|-x)(\\w+): (.*)$");
  static final Pattern NOTE = Pattern.compile("^Note over (\\w+): (.*)$");

  static Parsed parseMermaid(String text) {
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    assertThat(lines.get(0)).isEqualTo("sequenceDiagram");
    Parsed p = new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<String> ids = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      Matcher m;
      if (l.startsWith("%%")) {
        continue;
      } else if ((m = PARTICIPANT.matcher(l)).matches()) {
        assertThat(p.messages()).as("participants come first").isEmpty();
        ids.add(m.group(1));
        p.participants().add(new String[] {m.group(1), unescape(m.group(2))});
      } else if ((m = MESSAGE.matcher(l)).matches()) {
        assertThat(ids).contains(m.group(1), m.group(3));
        p.messages().add(new String[] {m.group(1), m.group(2), m.group(3), unescape(m.group(4))});
      } else if ((m = NOTE.matcher(l)).matches()) {
        assertThat(ids).contains(m.group(1));
        p.notes().add(new String[] {m.group(1), unescape(m.group(2))});
      } else {
        throw new AssertionError("not a sequenceDiagram line: " + l);
      }
    }
    return p;
  }

  static String unescape(String s) {
    assertThat(s.replaceAll("#\\d+;", "")).doesNotContain(";", "<", ">", "#");
    Matcher m = Pattern.compile("#(\\d+);").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
    }
    return m.appendTail(sb).toString();
  }

  @Test
  void theMermaidExportParsesAsASequenceDiagramAndGivesBackTheParticipantsAndMessages() {
    SequenceModel m =
        model(
            tree("one_for_all", 12)
                + "steps:\n  - {exit: sup/c5, reason: kaboom}\n  - {which_children: sup}\n");
    String text = SequenceExport.mermaid(m, 0, m.rowCount(), EN, "test");
    Parsed p = parseMermaid(text);
    Lanes lanes = m.lifelines(0, m.rowCount(), Set.of());
    List<String> names = new ArrayList<>();
    for (Lifeline l : lanes.lifelines()) {
      names.add(SequenceModel.name(l, EN) + (l.pid().isEmpty() ? "" : " " + l.pid()));
    }
    assertThat(p.participants().stream().map(a -> a[1]).toList()).isEqualTo(names);
    assertThat(p.participants().stream().map(a -> a[1]))
        .contains("sup #PID<0.102.0>", "outside #PID<0.101.0>");
    List<String> want = new ArrayList<>();
    List<String> got = new ArrayList<>();
    for (Row r : m.rows()) {
      if (!r.kind().isNote()) {
        want.add(
            "p"
                + lanes.columnOf(r.from())
                + " p"
                + lanes.columnOf(r.to())
                + " "
                + SequenceModel.label(r, lanes, EN));
      }
    }
    for (String[] msg : p.messages()) {
      got.add(msg[0] + " " + msg[2] + " " + msg[3]);
    }
    assertThat(got).isEqualTo(want);
    assertThat(p.messages())
        .anyMatch(a -> a[1].equals("-x") && a[3].equals("Process.exit :kaboom"));
    assertThat(p.messages()).anyMatch(a -> a[1].equals("-->>") && a[3].startsWith("reply ["));
    assertThat(p.notes().size() + p.messages().size()).isEqualTo(m.rowCount());
  }

  @Test
  void theSvgExportIsWellFormedXmlWithATooltipPerRow() throws Exception {
    SequenceModel m =
        model(tree("one_for_all", 3) + "steps:\n  - {exit: sup/c2, reason: kaboom}\n");
    String svg = SequenceExport.svg(m, 0, m.rowCount(), EN, Locale.KOREAN, "a -- b & <c>");
    var doc =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new java.io.ByteArrayInputStream(
                    svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("title").getLength()).isEqualTo(m.rowCount());
    assertThat(svg).contains("Process.exit :kaboom");
  }
}
