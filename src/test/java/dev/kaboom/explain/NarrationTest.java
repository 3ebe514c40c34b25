package dev.kaboom.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Pid;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.Client;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.scenario.TraceRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The narration: every row has its own sentence, every event of every scenario gets one. */
class NarrationTest {
  static final Locale EN = Locale.ENGLISH;
  static final Locale KO = Locale.KOREAN;

  /** OTP's and Elixir's own words, which stay as they are in a Korean sentence. */
  static final Set<String> CODE_WORDS =
      Set.of(
          "normal",
          "kill",
          "killed",
          "shutdown",
          "trap_exit",
          "EXIT",
          "from",
          "stop",
          "state",
          "terminate",
          "GenServer",
          "init",
          "permanent",
          "transient",
          "temporary",
          "one_for_one",
          "one_for_all",
          "rest_for_one",
          "brutal_kill",
          "infinity",
          "start_link",
          "iex",
          "Supervisor",
          "DynamicSupervisor",
          "significant",
          "auto_shutdown",
          "never",
          "pid",
          "reached_max_restart_intensity",
          "which_children",
          "count_children",
          "terminate_child",
          "restart_child",
          "delete_child",
          "start_child",
          "id",
          "restarting",
          "undefined",
          "specs",
          "active",
          "error",
          "ok",
          "not_found",
          "running",
          "ignore",
          "already_started",
          "already_present",
          "max_children",
          "failed_to_start_child",
          "noproc",
          "any_significant",
          "all_significant");

  /** Narrations per scenario file, with the trace line each follows. */
  static Map<Path, List<Explained>> explained = new LinkedHashMap<>();

  record Explained(String afterLine, Narration narration) {}

  /** Every event of every scenario run, in order, with the sentences the narrator gave it. */
  static List<Said> stream = new ArrayList<>();

  record Said(TraceEvent event, List<Narration> narrations) {}

  /** Where each scenario's events start in {@link #stream} (pids start afresh in each). */
  static List<Integer> scenarioStarts = new ArrayList<>();

  @BeforeAll
  static void runAllScenarios() throws IOException {
    for (Path p : scenarioFiles()) {
      Scenario s = ((ScenarioLoader.Result.Loaded) ScenarioLoader.load(p)).scenario();
      List<Explained> out = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      Narrator narrator = new Narrator();
      scenarioStarts.add(stream.size());
      Narration[] pending = new Narration[1];
      TraceRunner.run(
          s,
          lines::add,
          new TraceRunner.Annotator() {
            @Override
            public void event(TraceEvent e, Consumer<String> sink) {
              List<Narration> said = narrator.apply(e);
              stream.add(new Said(e, said));
              for (Narration n : said) {
                if (e instanceof TraceEvent.CallReplied) {
                  pending[0] = n;
                } else {
                  out.add(new Explained(lines.get(lines.size() - 1), n));
                }
              }
            }

            dev.kaboom.scenario.Command last;

            @Override
            public void command(dev.kaboom.scenario.Command c) {
              last = c;
            }

            @Override
            public void rootStartFailed(
                String root, dev.kaboom.engine.Term r, Consumer<String> sink) {
              out.add(
                  new Explained(lines.get(lines.size() - 1), Narrator.rootStartFailed(root, r)));
            }

            @Override
            public void result(String path, Client.CallResult r, Consumer<String> sink) {
              Narration n =
                  r == null
                      ? Narrator.noproc(path)
                      : r instanceof Client.CallResult.Failed f
                          ? narrator.callFailed(path, f.reason())
                          : pending[0] != null
                              ? pending[0]
                              : narrator.unanswered(
                                  path, last, ((Client.CallResult.Replied) r).value());
              pending[0] = null;
              out.add(new Explained(lines.get(lines.size() - 1), n));
            }
          });
      explained.put(p, out);
    }
  }

  static List<Path> scenarioFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir :
        List.of(Path.of("src/test/resources/conformance"), Path.of("resources/scenarios"))) {
      try (Stream<Path> s = Files.list(dir)) {
        // every scenario, the format-version-2 ones too (dynamic supervisors, init outcomes,
        // auto_shutdown, Supervisor.stop)
        s.filter(f -> f.toString().matches(".*\\.(json|ya?ml)$")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  static Properties own(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = NarrationTest.class.getResourceAsStream("/dev/kaboom/explain/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static List<String> allRows() {
    List<String> rows = new ArrayList<>();
    Rules.FAMILIES.values().forEach(rows::addAll);
    return rows;
  }

  @Test
  void everyRowHasItsOwnSentenceInBothLanguages() throws IOException {
    List<String> rows = allRows();
    assertThat(new HashSet<>(rows)).hasSameSizeAs(rows);
    for (String file : List.of("narration.properties", "narration_ko.properties")) {
      Properties p = own(file);
      Set<String> expected = new TreeSet<>(rows);
      expected.addAll(Rules.WORDS);
      assertThat(new TreeSet<>(p.stringPropertyNames())).as(file).isEqualTo(expected);
    }
    for (Locale locale : List.of(EN, KO)) {
      Map<String, String> seen = new HashMap<>();
      for (String row : rows) {
        String s = Narration.of(row, "A1", "B2", "C3", "D4", "E5").render(locale);
        assertThat(s).as(row).doesNotContainPattern("\\{\\d").isNotBlank();
        String other = seen.put(s, row);
        assertThat(other).as("%s and %s say the same in %s: %s", row, other, locale, s).isNull();
      }
    }
  }

  @Test
  void everyExplainedLineOfEveryScenarioGetsASentenceInBothLanguages() throws IOException {
    assertThat(explained).hasSizeGreaterThan(60);
    for (Path p : explained.keySet()) {
      Scenario s = ((ScenarioLoader.Result.Loaded) ScenarioLoader.load(p)).scenario();
      for (Locale locale : List.of(EN, KO)) {
        List<String> lines = new ArrayList<>();
        TraceRunner.run(s, lines::add, new TraceExplainer(locale));
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.startsWith("start ")
              || line.startsWith("exit ")
              || line.startsWith("give_up ")
              || line.startsWith("= ")) {
            assertThat(i + 1 < lines.size() && lines.get(i + 1).startsWith("# "))
                .as("%s (%s): line %d '%s' is explained", p, locale, i + 1, line)
                .isTrue();
          }
        }
        List<String> plain = new ArrayList<>();
        TraceRunner.run(s, plain::add);
        assertThat(lines.stream().filter(l -> !l.startsWith("#")).toList())
            .as("the trace lines themselves are unchanged")
            .isEqualTo(plain);
      }
    }
  }

  @Test
  void noEnglishIsLeftInKorean() {
    Pattern word = Pattern.compile("[A-Za-z][A-Za-z_]*");
    Pattern hangul = Pattern.compile("[\\uAC00-\\uD7A3]");
    int checked = 0;
    for (List<Explained> list : explained.values()) {
      for (Explained x : list) {
        Narration masked = mask(x.narration());
        String ko = masked.render(KO);
        assertThat(hangul.matcher(ko).find()).as(ko).isTrue();
        Matcher m = word.matcher(ko);
        while (m.find()) {
          assertThat(CODE_WORDS).as("English word '%s' in: %s", m.group(), ko).contains(m.group());
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  /** The narration with every plain argument replaced by a digit (names, reasons, pids). */
  static Narration mask(Narration n) {
    List<Narration.Msg> parts = new ArrayList<>();
    for (Narration.Msg m : n.parts()) {
      parts.add(mask(m));
    }
    return new Narration(parts);
  }

  static Narration.Msg mask(Narration.Msg m) {
    List<Object> args = new ArrayList<>();
    for (Object a : m.args()) {
      args.add(a instanceof Narration.Msg inner ? mask(inner) : "7");
    }
    return new Narration.Msg(m.key(), args);
  }

  /** Each row names its rule (English) and keeps OTP's word for it (Korean). */
  static final Map<String, String> RULE_WORD =
      Map.ofEntries(
          Map.entry("signal.ignored.normal", "normal"),
          Map.entry("signal.trapped.worker", ":EXIT"),
          Map.entry("signal.trapped.supervisor.stranger", ":EXIT"),
          Map.entry("signal.trapped.outside", ":EXIT"),
          Map.entry("signal.trapped.shell", ":EXIT"),
          Map.entry("exit.killed", "kill"),
          Map.entry("exit.stop_self", ":stop"),
          Map.entry("exit.gave_up.child", "shutdown"),
          Map.entry("exit.gave_up.root", "shutdown"),
          Map.entry("exit.failed_to_start_child", "failed_to_start_child"),
          Map.entry("decide.permanent.normal", "permanent"),
          Map.entry("decide.permanent.abnormal", "permanent"),
          Map.entry("decide.transient.normal", "transient"),
          Map.entry("decide.transient.abnormal", "transient"),
          Map.entry("decide.temporary", "temporary"),
          Map.entry("stop.one_for_all.before", "one_for_all"),
          Map.entry("stop.one_for_all.after", "one_for_all"),
          Map.entry("stop.rest_for_one.after", "rest_for_one"),
          Map.entry("stop.terminate_child", "terminate_child"),
          Map.entry("shutdown.brutal_kill", "brutal_kill"),
          Map.entry("shutdown.timeout.dies", "shutdown"),
          Map.entry("shutdown.timeout.trapped", "terminate"),
          Map.entry("shutdown.timeout.killed", "kill"),
          Map.entry("shutdown.infinity.dies", "infinity"),
          Map.entry("shutdown.infinity.trapped", "infinity"),
          Map.entry("start.root", "start_link"),
          Map.entry("start.shell", "start_link"),
          Map.entry("start.one_for_one", "one_for_one"),
          Map.entry("start.one_for_all.failed", "one_for_all"),
          Map.entry("start.one_for_all.sibling", "one_for_all"),
          Map.entry("start.rest_for_one.failed", "rest_for_one"),
          Map.entry("start.rest_for_one.after", "rest_for_one"),
          Map.entry("start.dynamic.restart", "DynamicSupervisor"),
          Map.entry("start.start_child", "start_child"),
          Map.entry("start.restart_child", "restart_child"),
          Map.entry("giveup.child", "reached_max_restart_intensity"),
          Map.entry("exit.init_ignore", "ignore"),
          Map.entry("exit.auto_shutdown", "auto_shutdown"),
          Map.entry("stop.auto_shutdown", "auto_shutdown"),
          Map.entry("stop.supervisor_stop", "Supervisor.stop"),
          Map.entry("autoshutdown.any_significant", "any_significant"),
          Map.entry("autoshutdown.all_significant", "all_significant"),
          Map.entry("giveup.root", "reached_max_restart_intensity"));

  /** The English sentence's own words for the rule (Korean keeps only the OTP word). */
  static final Map<String, String> RULE_PHRASE_EN =
      Map.ofEntries(
          Map.entry("signal.ignored.normal", "is ignored"),
          Map.entry("signal.trapped.supervisor.stranger", "neither its parent nor its children"),
          Map.entry("exit.killed", "cannot be trapped"),
          Map.entry("exit.signal", "does not trap exits"),
          Map.entry("exit.link", "linked to"),
          Map.entry("decide.transient.normal", "only after a crash"),
          Map.entry("decide.temporary", "never restarts"),
          Map.entry("stop.one_for_all.before", "started before"),
          Map.entry("stop.one_for_all.after", "started after"),
          Map.entry("stop.rest_for_one.after", "started after"),
          Map.entry("shutdown.timeout.killed", "ran out"),
          Map.entry("intensity.below", "allowed within"),
          Map.entry("intensity.last", "gives up"),
          Map.entry("giveup.child", "more than the"),
          Map.entry("giveup.root", "the whole application"));

  private static Map<String, List<Narration>> byRow() {
    Map<String, List<Narration>> rows = new HashMap<>();
    for (List<Explained> list : explained.values()) {
      for (Explained x : list) {
        for (Narration.Msg m : x.narration().parts()) {
          rows.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(new Narration(List.of(m)));
        }
      }
    }
    return rows;
  }

  private static void checkFamily(String family) {
    Map<String, List<Narration>> rows = byRow();
    int seen = 0;
    for (String row : Rules.FAMILIES.get(family)) {
      for (Narration n : rows.getOrDefault(row, List.of())) {
        seen++;
        String en = n.render(EN);
        String ko = n.render(KO);
        if (RULE_WORD.containsKey(row)) {
          assertThat(en).as(row).contains(RULE_WORD.get(row));
          assertThat(ko).as(row).contains(RULE_WORD.get(row).strip());
        }
        if (RULE_PHRASE_EN.containsKey(row)) {
          assertThat(en).as(row).contains(RULE_PHRASE_EN.get(row));
        }
      }
    }
    assertThat(seen).as("the scenarios exercise the %s family", family).isPositive();
  }

  @Test
  void exitSignalRowsNameTheirRule() {
    checkFamily("signal");
    checkFamily("exit");
  }

  @Test
  void restartTypeRowsNameTheirRule() {
    checkFamily("decide");
  }

  @Test
  void strategyRowsNameTheirRule() {
    checkFamily("stop");
    checkFamily("start");
  }

  @Test
  void shutdownRowsNameTheirRule() {
    checkFamily("shutdown");
  }

  @Test
  void intensityAndGiveUpRowsNameTheirRule() {
    checkFamily("intensity");
    checkFamily("giveup");
  }

  @Test
  void childApiRowsNameTheirCall() {
    Map<String, List<Narration>> rows = byRow();
    int seen = 0;
    for (String row : Rules.FAMILIES.get("call")) {
      String call = row.split("\\.")[1];
      for (Narration n : rows.getOrDefault(row, List.of())) {
        seen++;
        if (call.endsWith("_child") || call.endsWith("_children")) {
          assertThat(n.render(EN)).as(row).contains(call);
          assertThat(n.render(KO)).as(row).contains(call);
        }
      }
    }
    assertThat(seen).isPositive();
  }

  @Test
  void theScenariosCoverMostRows() {
    Set<String> hit = byRow().keySet();
    List<String> missed = allRows().stream().filter(r -> !hit.contains(r)).toList();
    assertThat(hit.size())
        .as("rows no bundled or conformance scenario reaches: %s", missed)
        .isGreaterThan(allRows().size() * 2 / 3);
  }

  @Test
  void theRowsFollowTheEvents() {
    // spot checks: the exact row chosen for known steps of the conformance scenarios
    assertThat(rowAfter("exit_signals.json", "exit root/trapper killed")).isEqualTo("exit.killed");
    assertThat(rowAfter("exit_signals.json", "exit root/sub/x killed")).isEqualTo("exit.link");
    assertThat(rowAfter("one_for_all.json", "exit root/a shutdown"))
        .isEqualTo("stop.one_for_all.before");
    assertThat(rowAfter("one_for_all.json", "exit root/d shutdown"))
        .isEqualTo("stop.one_for_all.after");
    assertThat(rowAfter("shutdown_timeout_stop_longer.json", "exit root/slow killed"))
        .isEqualTo("stop.one_for_all.after");
    assertThat(rowAfter("max_intensity.json", "give_up root/mid reached_max_restart_intensity"))
        .isEqualTo("giveup.child");
    assertThat(
            rowAfter(
                "escalation_depth_3_root_gives_up.json",
                "give_up root reached_max_restart_intensity"))
        .isEqualTo("giveup.root");
    assertThat(rowAfter("exit_signals.json", "> exit root/w normal"))
        .isEqualTo("signal.ignored.normal");
  }

  private static String rowAfter(String file, String line) {
    return explained.get(Path.of("src/test/resources/conformance", file)).stream()
        .filter(x -> x.afterLine().equals(line))
        .findFirst()
        .orElseThrow(() -> new AssertionError(file + ": no narration after " + line))
        .narration()
        .key();
  }

  // ---- the audit: every kind of event the engine emits ----

  /** Kinds that are a step of their own: the rows (by prefix) of their own sentences. */
  static final Map<Class<?>, List<String>> NARRATED =
      Map.of(
          TraceEvent.Started.class, List.of("start."),
          // why it ended; a stop ordered by its supervisor: why (strategy) and how (shutdown)
          TraceEvent.Exited.class, List.of("exit.", "stop."),
          TraceEvent.ExitSignalHandled.class, List.of("signal."),
          TraceEvent.ChildExited.class, List.of("decide."),
          TraceEvent.RestartIntensity.class, List.of("intensity."),
          TraceEvent.GaveUp.class, List.of("giveup."),
          TraceEvent.AutoShutdown.class, List.of("autoshutdown."),
          TraceEvent.CallReplied.class, List.of("call."));

  /**
   * Kinds the timeline marks (or that end a process) whose step is explained by the sentence of
   * what they cause next (MainViewModel.explainMark): the rows that sentence may come from.
   */
  static final Map<Class<?>, List<String>> EXPLAINED_BY_WHAT_FOLLOWS =
      Map.of(
          // the receiver dies of it, traps or ignores it, or is a supervisor that acts on it; in a
          // cascade the next sentence may be another process's step, so any row here ("") and
          // the receiver's own row in everyStepOfACascadeIsExplainedByItsOwnProcesssRule
          TraceEvent.ExitSignalSent.class, List.of(""),
          // the child's end (stop.* then shutdown.*), or in a cascade a deeper process's first
          // (the child's own rows: everyStepOfACascadeIsExplainedByItsOwnProcesssRule)
          TraceEvent.ChildShutdown.class, List.of(""),
          // init returned ignore or {stop, R}: the worker's end says so (or the start_child
          // reply, or the restart count of a failed restart); exact rows: theRealTreeRows...
          TraceEvent.InitRefused.class, List.of(""));

  /** Kinds that are bookkeeping, not a step a learner watches: why each gets no sentence. */
  static final Map<Class<?>, String> SILENT =
      Map.ofEntries(
          Map.entry(TraceEvent.Spawned.class, "the Started that follows says why it started"),
          Map.entry(TraceEvent.Linked.class, "links show in the inspector; a signal along one is"),
          Map.entry(TraceEvent.Unlinked.class, "links show in the inspector"),
          Map.entry(TraceEvent.Monitored.class, "monitors show in the inspector"),
          Map.entry(TraceEvent.Demonitored.class, "monitors show in the inspector"),
          Map.entry(TraceEvent.TrapExitChanged.class, "trap_exit shows in the inspector"),
          Map.entry(TraceEvent.MessageSent.class, "messages are the sequence chart's"),
          Map.entry(TraceEvent.MessageReceived.class, "messages are the sequence chart's"),
          Map.entry(TraceEvent.Registered.class, "the name shows on the box"),
          Map.entry(TraceEvent.Unregistered.class, "the name shows on the box"),
          Map.entry(TraceEvent.SupervisorInit.class, "its Started is narrated"),
          Map.entry(TraceEvent.ChildStarted.class, "its Started is narrated"),
          Map.entry(TraceEvent.ChildStopped.class, "its Exited is narrated"),
          Map.entry(TraceEvent.ChildRemoved.class, "decide.temporary or the call's reply says so"),
          Map.entry(TraceEvent.FlagsChanged.class, "call.set_flags says so"),
          Map.entry(TraceEvent.TimeAdvanced.class, "idle time, no step"),
          Map.entry(TraceEvent.Printed.class, "a line a process printed: the console shows it"),
          Map.entry(TraceEvent.RunawayStopped.class, "Kaboom's guard, not OTP: a notice"));

  /** Kinds whose step is explained by the sentence said just before (the decision behind it). */
  static final Map<Class<?>, List<String>> EXPLAINED_BY_WHAT_CAME_BEFORE =
      Map.of(TraceEvent.RestartPlanned.class, List.of("decide.", "intensity."));

  @Test
  void everyKindOfEventIsNarratedExplainedByWhatFollowsOrSaidToBeBookkeeping() {
    Set<Class<?>> all = Set.of(TraceEvent.class.getPermittedSubclasses());
    for (Class<?> k : all) {
      int in =
          (NARRATED.containsKey(k) ? 1 : 0)
              + (EXPLAINED_BY_WHAT_FOLLOWS.containsKey(k) ? 1 : 0)
              + (SILENT.containsKey(k) ? 1 : 0)
              + (EXPLAINED_BY_WHAT_CAME_BEFORE.containsKey(k) ? 1 : 0);
      assertThat(in)
          .as("%s is in exactly one of NARRATED, EXPLAINED_BY_WHAT_FOLLOWS, SILENT", k)
          .isEqualTo(1);
    }
    Set<Class<?>> listed = new HashSet<>(NARRATED.keySet());
    listed.addAll(EXPLAINED_BY_WHAT_FOLLOWS.keySet());
    listed.addAll(SILENT.keySet());
    listed.addAll(EXPLAINED_BY_WHAT_CAME_BEFORE.keySet());
    assertThat(all).containsExactlyInAnyOrderElementsOf(listed);

    // each narrated kind says its own rows: no row is said for two kinds of event
    Map<String, Class<?>> rowKind = new HashMap<>();
    Map<Class<?>, Integer> count = new HashMap<>();
    for (Said x : stream) {
      Class<?> k = x.event().getClass();
      for (Narration n : x.narrations()) {
        assertThat(NARRATED).as("%s is said for %s", n.key(), k).containsKey(k);
        assertThat(NARRATED.get(k))
            .as("the row %s for %s", n.key(), k.getSimpleName())
            .anyMatch(p -> n.key().startsWith(p));
        Class<?> other = rowKind.putIfAbsent(n.key(), k);
        assertThat(other == null || other == k)
            .as("%s is said for %s and for %s", n.key(), k, other)
            .isTrue();
        count.merge(k, 1, Integer::sum);
        for (Locale l : List.of(EN, KO)) {
          assertThat(n.render(l)).as("%s in %s", n.key(), l).isNotBlank();
        }
      }
    }
    assertThat(count.keySet())
        .as("every narrated kind is said somewhere in the scenarios")
        .containsExactlyInAnyOrderElementsOf(NARRATED.keySet());

    // a step explained by what follows: the next sentence said (before the run's end) is one of
    // its rows
    int checked = 0;
    for (int i = 0; i < stream.size(); i++) {
      Said x = stream.get(i);
      boolean before = EXPLAINED_BY_WHAT_CAME_BEFORE.containsKey(x.event().getClass());
      List<String> rows =
          before
              ? EXPLAINED_BY_WHAT_CAME_BEFORE.get(x.event().getClass())
              : EXPLAINED_BY_WHAT_FOLLOWS.get(x.event().getClass());
      if (rows == null || !visibleStep(x.event())) {
        continue;
      }
      Narration next = null;
      for (int j = before ? i - 1 : i + 1;
          j >= 0 && j < stream.size() && next == null;
          j += before ? -1 : 1) {
        if (!stream.get(j).narrations().isEmpty()) {
          next = stream.get(j).narrations().get(0);
        }
      }
      assertThat(next).as("something explains %s", x.event()).isNotNull();
      String key = next.key();
      assertThat(rows).as("%s is explained by %s", x.event(), key).anyMatch(key::startsWith);
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  /**
   * Whether an event of a kind explained by what follows is a step of the tree: a signal along a
   * link to a process that is not dying already and was not asked to stop (those end with their own
   * sentence); every ChildShutdown, RestartPlanned and InitRefused.
   */
  private static boolean visibleStep(TraceEvent e) {
    return !(e instanceof TraceEvent.ExitSignalSent s)
        || (s.viaLink() && s.reason() != dev.kaboom.engine.Atom.NORMAL);
  }

  @Test
  void theRealTreeRowsFollowTheirEvents() {
    assertThat(rowAfter("v2_init_ignore_permanent.json", "ignore root/ig"))
        .isEqualTo("exit.init_ignore");
    assertThat(rowAfter("v2_significant_all.json", "exit root/app/w shutdown"))
        .isEqualTo("stop.auto_shutdown");
    assertThat(rowAfter("v2_significant_all.json", "exit root/app shutdown"))
        .isEqualTo("exit.auto_shutdown");
  }

  // ---- cascades: each step is explained by its own receiver's rule ----

  /**
   * The first narration said for an event from {@code from} on, before {@code end} (the end of its
   * scenario), that matches {@code which}.
   */
  private static Narration firstSaid(
      int from, int end, java.util.function.Predicate<TraceEvent> which) {
    for (int j = from; j < end; j++) {
      Said x = stream.get(j);
      if (which.test(x.event())) {
        return x.narrations().isEmpty() ? null : x.narrations().get(0);
      }
    }
    return null;
  }

  /** Whether {@code n} names the process {@code id} (its child id) in English and in Korean. */
  private static void namesIt(Narration n, String id, TraceEvent step) {
    for (Locale l : List.of(EN, KO)) {
      assertThat(n.render(l)).as("%s names %s (%s)", n.keys(), id, step).contains(id);
    }
  }

  private static String id(String label) {
    return label.substring(label.lastIndexOf('/') + 1);
  }

  /**
   * In a cascade (one_for_all, rest_for_one, a supervisor giving up and its parent restarting the
   * subtree, an escalation) every step the window shows is explained by the sentence of the rule
   * that decided it for that very process, not by whichever sentence comes next: a supervisor's
   * order to stop a child ({@code ChildShutdown}) by the child's end, naming the rule of the stop
   * (the strategy and the child's place, the give-up, the parent's shutdown, terminate_child, ...)
   * and then how it ended (shutdown timeout, brutal_kill, infinity); an exit signal along a link by
   * what it did to its receiver (killed, died of it, trapped as a message, or a supervisor's
   * decision about its child, or a supervisor whose parent ended).
   */
  @Test
  void everyStepOfACascadeIsExplainedByItsOwnProcesssRule() {
    int[] counts = new int[3];
    List<Path> files = new ArrayList<>(explained.keySet());
    for (int k = 0; k < scenarioStarts.size(); k++) {
      int end = k + 1 < scenarioStarts.size() ? scenarioStarts.get(k + 1) : stream.size();
      try {
        checkCascades(scenarioStarts.get(k), end, counts);
      } catch (AssertionError e) {
        throw new AssertionError(files.get(k).getFileName() + ": " + e.getMessage(), e);
      }
    }
    assertThat(counts[0]).as("supervisors' stops checked").isGreaterThan(50);
    assertThat(counts[1]).as("signals along links checked").isGreaterThan(50);
    assertThat(counts[2]).as("refused inits checked").isPositive();
  }

  /** {@link #everyStepOfACascadeIsExplainedByItsOwnProcesssRule} for one scenario's events. */
  private static void checkCascades(int start, int end, int[] counts) {
    Map<Pid, String> labels = new HashMap<>();
    Map<Pid, Pid> parents = new HashMap<>();
    Map<Pid, dev.kaboom.engine.ProcessKind> kinds = new HashMap<>();
    Map<Pid, dev.kaboom.engine.Strategy> plannedStrategy = new HashMap<>();
    Set<Pid> ordered = new HashSet<>();
    Set<Pid> refused = new HashSet<>();
    for (Said x : stream.subList(start, end)) {
      if (x.event() instanceof TraceEvent.InitRefused r) {
        refused.add(r.pid());
      }
    }
    for (int i = start; i < end; i++) {
      TraceEvent e = stream.get(i).event();
      if (e instanceof TraceEvent.Spawned s) {
        parents.put(s.pid(), s.spawner());
        kinds.put(s.pid(), s.kind());
        ordered.remove(s.pid());
        if (s.label() != null) {
          labels.put(s.pid(), s.label());
        }
      } else if (e instanceof TraceEvent.Started s) {
        kinds.put(s.pid(), s.kind()); // a root is spawned before the run's events are heard
        if (s.label() != null) {
          labels.put(s.pid(), s.label());
        }
      } else if (e instanceof TraceEvent.RestartPlanned p) {
        plannedStrategy.put(p.supervisor(), p.strategy());
      } else if (e instanceof TraceEvent.ChildShutdown cs && ordered.add(cs.child())) {
        // the child's end says why its supervisor stopped it, then how
        Pid child = cs.child();
        Narration n =
            firstSaid(i + 1, end, x -> x instanceof TraceEvent.Exited x2 && x2.pid().equals(child));
        assertThat(n).as("the end of %s is narrated (%s)", cs.childId(), e).isNotNull();
        assertThat(n.keys()).as("%s", e).hasSize(2);
        assertThat(n.keys().get(0)).as("why: %s", e).startsWith(stopRow(cs, plannedStrategy));
        assertThat(n.keys().get(1)).as("how: %s", e).startsWith("shutdown.");
        if (cs.how() == dev.kaboom.engine.ShutdownHow.BRUTAL_KILL) {
          assertThat(n.keys().get(1)).isEqualTo("shutdown.brutal_kill");
        }
        namesIt(n, cs.childId(), e);
        counts[0]++;
      } else if (e instanceof TraceEvent.ExitSignalSent s
          && visibleStep(s)
          && labels.containsKey(s.to())
          && !ordered.contains(s.to())
          && !(ordered.contains(s.from()) && s.to().equals(parents.get(s.from())))) {
        // (a child its supervisor stopped tells it so along their link: its end is the step)
        Pid from = s.from();
        Narration end0 =
            firstSaid(start, end, x -> x instanceof TraceEvent.Exited x2 && x2.pid().equals(from));
        List<String> neverStarted =
            List.of("exit.init_failed", "exit.init_ignore", "exit.failed_to_start_child");
        if (refused.contains(from)
            || (end0 != null
                && neverStarted.contains(end0.key())
                && s.to().equals(parents.get(from)))) {
          // a child whose start failed (its init refused, or a child of its own failed to start):
          // its end says so; its supervisor has no child to decide about
          assertThat(end0).as("the end of %s is said", labels.get(from)).isNotNull();
          assertThat(end0.key()).as("%s", e).isIn(neverStarted);
          namesIt(end0, id(labels.get(from)), e);
          counts[2]++;
          continue;
        }
        // what the signal did to its receiver
        Pid to = s.to();
        TraceEvent.ExitSignalHandled h = null;
        List<Narration> saidThere = List.of();
        for (int j = i + 1; j < end && h == null; j++) {
          if (stream.get(j).event() instanceof TraceEvent.ExitSignalHandled hh
              && hh.to().equals(to)
              && hh.from().equals(s.from())) {
            h = hh;
            saidThere = stream.get(j).narrations();
          }
        }
        if (h == null) {
          continue; // the receiver ended before it came (its own sentence says why)
        }
        boolean fromChild = to.equals(parents.get(s.from()));
        boolean fromParent = s.from().equals(parents.get(to));
        boolean supervisor = kinds.get(to) == dev.kaboom.engine.ProcessKind.SUPERVISOR;
        if (supervisor) {
          assertThat(saidThere)
              .as("a supervisor is not said to trap like a worker: %s", e)
              .noneMatch(x -> x.key().equals("signal.trapped.worker"));
        }
        String row;
        Narration n;
        switch (h.outcome()) {
          case KILLED, DIES -> {
            n =
                firstSaid(
                    i + 1, end, x -> x instanceof TraceEvent.Exited x2 && x2.pid().equals(to));
            row =
                h.outcome() == dev.kaboom.engine.SignalOutcome.KILLED ? "exit.killed" : "exit.link";
          }
          case TRAPPED -> {
            if (supervisor && fromChild) {
              n =
                  firstSaid(
                      i + 1,
                      end,
                      x -> x instanceof TraceEvent.ChildExited c && c.child().equals(from));
              row = "decide.";
            } else if (fromParent) {
              n =
                  firstSaid(
                      i + 1, end, x -> x instanceof TraceEvent.Exited x2 && x2.pid().equals(to));
              row = supervisor ? "exit.supervisor.parent" : "exit.parent_trapped";
            } else {
              TraceEvent.ExitSignalHandled handled = h;
              n = firstSaid(i + 1, end, x -> x == handled);
              row = supervisor ? "signal.trapped.supervisor.stranger" : "signal.trapped.worker";
            }
          }
          default -> {
            continue;
          }
        }
        assertThat(n)
            .as("what %s did to %s (%s) is said", e, labels.get(to), h.outcome())
            .isNotNull();
        assertThat(n.key()).as("%s to %s", e, labels.get(to)).startsWith(row);
        namesIt(n, row.equals("decide.") ? id(labels.get(s.from())) : id(labels.get(to)), e);
        counts[1]++;
      }
    }
  }

  /** The row of the rule behind a supervisor's stop of its child. */
  private static String stopRow(
      TraceEvent.ChildShutdown cs, Map<Pid, dev.kaboom.engine.Strategy> planned) {
    return switch (cs.cause()) {
      case GAVE_UP -> "stop.gave_up";
      case PARENT_SHUTDOWN -> "stop.parent";
      case TERMINATE_CHILD -> "stop.terminate_child";
      case START_FAILED -> "stop.start_failed";
      case AUTO_SHUTDOWN -> "stop.auto_shutdown";
      case SUPERVISOR_STOP -> "stop.supervisor_stop";
      case STRATEGY, EXITED ->
          planned.get(cs.supervisor()) == dev.kaboom.engine.Strategy.REST_FOR_ONE
              ? "stop.rest_for_one.after"
              : "stop.one_for_all";
    };
  }
}
