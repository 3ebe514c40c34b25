package dev.kaboom.console;

import dev.kaboom.console.Parser.Block;
import dev.kaboom.console.Parser.Call;
import dev.kaboom.console.Parser.Expr;
import dev.kaboom.console.Parser.ListE;
import dev.kaboom.console.Parser.Lit;
import dev.kaboom.console.Parser.MapE;
import dev.kaboom.console.Parser.Match;
import dev.kaboom.console.Parser.Op;
import dev.kaboom.console.Parser.TupleE;
import dev.kaboom.console.Parser.Var;
import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.ChildType;
import dev.kaboom.engine.ExitMessage;
import dev.kaboom.engine.ImproperList;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.MapTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Proc;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import dev.kaboom.engine.TermSyntax;
import dev.kaboom.engine.TraceEvent;
import dev.kaboom.engine.Tuple;
import dev.kaboom.engine.VirtualScheduler;
import dev.kaboom.otp.Builtins;
import dev.kaboom.otp.ChildSpec;
import dev.kaboom.otp.Client;
import dev.kaboom.otp.DynamicSupervisorBehavior;
import dev.kaboom.otp.Messages;
import dev.kaboom.otp.SupervisorBehavior;
import dev.kaboom.otp.SupervisorRequest;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.Simulation;
import dev.kaboom.scenario.TreeBuilder;
import dev.kaboom.scenario.TreeNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * An iex on the engine. The scenario's tree is the code base: every node whose id is a module name
 * ({@code Servy.PledgeServer}) is a module whose {@code start_link} starts it linked to the shell,
 * with the client functions of its built-in behaviour. Nothing runs until a line starts it. A line
 * of Elixir runs to completion on virtual time; what the servers print comes first, then the value
 * as {@code Kernel.inspect} prints it at 80 columns, or the error as iex words it. Like iex: a line
 * that raised does not advance the prompt number, an unfinished expression asks for more ({@code
 * ...(N)>}), and when the shell process dies a new one starts (new pid, no bindings, prompt 1).
 */
public final class Console implements Simulation.Shell {
  /**
   * The first line, and again after the shell died. The window's pane shows it as is; the terminal
   * shows {@link #TERMINAL_BANNER} (Ctrl+D means nothing in the window).
   */
  public static final String BANNER =
      "Kaboom console (answers as iex: Elixir 1.14 on OTP 25) - h() for help";

  /** The terminal's first line: the banner and the key that leaves it. */
  public static final String TERMINAL_BANNER = BANNER + ", Ctrl+D to exit";

  private static final Set<String> KNOWN_MODULES =
      Set.of(
          "Process",
          "Supervisor",
          "GenServer",
          "Kernel",
          "Enum",
          "IO",
          "List",
          "Map",
          "Tuple",
          "String",
          "Keyword",
          "Integer",
          "Atom",
          "Agent",
          "Task",
          "DynamicSupervisor",
          "Node",
          "IEx",
          ":erlang",
          ":timer",
          ":sys",
          ":proc_lib",
          ":supervisor",
          ":gen_server");
  private static final Atom NIL = Atom.of("nil");

  /**
   * Erlang/OTP modules {@code h} knows exist beyond {@link #KNOWN_MODULES} (their docs, when not
   * bundled, get the one line that says where they are; an unknown one is iex's {@code Could not
   * load module :nope, got: nofile}).
   */
  private static final Set<String> ERLANG_MODULES =
      Set.of(
          ":ets",
          ":lists",
          ":maps",
          ":string",
          ":io",
          ":rand",
          ":queue",
          ":os",
          ":code",
          ":application",
          ":calendar",
          ":logger",
          ":gen_statem",
          ":gen_event",
          ":binary",
          ":math",
          ":file",
          ":dets",
          ":persistent_term",
          ":counters",
          ":atomics");

  /** {@code IEx.dont_display_result/0}: what {@code h} returns, and iex prints no value for it. */
  private static final Atom DONT_DISPLAY = Atom.of("do not show this result in output");

  private static final String CALL_TIMEOUT = "5000";

  private Scenario scenario;
  private final Simulation sim;
  private final List<dev.kaboom.engine.EventSink> listeners = new ArrayList<>();
  private boolean raised;
  private final boolean events;
  private final Map<String, TreeNode> modules = new LinkedHashMap<>();
  private final Map<String, Term> bindings = new HashMap<>();
  private final Stdlib stdlib = new Stdlib(this::callFun);
  private final Library library = new Library(this::callFun, this::seed);

  /** The engine's seed ({@code :rand} draws from it). */
  private long seed() {
    return sim.node().seed();
  }

  /**
   * What processes printed since the last line's answer, in order: each line with the number of
   * events when it was printed.
   */
  private final List<Out> out = new ArrayList<>();

  private record Out(String line, long event) {}

  /**
   * True for a console on a running simulation (the window's, a replay's): what a process prints
   * between two lines goes into the transcript when it happens.
   */
  private final boolean live;

  /** True while a line (or a click's echo) runs. */
  private boolean inLine;

  private final Map<Pid, Term> acks = new HashMap<>();
  private final List<Term> mailbox = new ArrayList<>();
  private Client shell;

  /** The value of each line that did not raise, in order: {@code v(n)} (iex's history). */
  private final List<Term> results = new ArrayList<>();

  /** Monitors of a name ({@code Process.monitor(:name)}): their {@code DOWN} names it. */
  private final Map<dev.kaboom.engine.Ref, Term> monitorNames = new HashMap<>();

  /**
   * The process a spawned function runs in while the console evaluates its body (null: the shell):
   * {@code self()}, {@code send}, {@code Process.exit}, links and monitors are its.
   */
  private Proc current;

  private long nextFun = 1;

  /** IEx's helpers and Kernel's functions a bare name calls without a warning ({@code flush}). */
  private static final Set<String> IMPORTED_ZERO =
      Set.of("self", "flush", "h", "v", "recompile", "i");

  private String shellLabel = "shell";
  private String under = "";
  private Term shellDeath;
  private int counter = 1;
  private String buffer = "";

  public Console(Scenario scenario) {
    this(scenario, false);
  }

  /**
   * {@code events}: also print the engine's {@code started}/{@code exited} lines (the window shows
   * them).
   */
  public Console(Scenario scenario, boolean events) {
    this.scenario = scenario;
    this.events = events;
    this.live = false;
    this.sim = new Simulation(this::onEvent, 1L);
    index(scenario.tree());
    newIexShell();
  }

  /**
   * iex 1.14's first shell (evaluator) process is {@code #PID<0.106.0>}; the first line's start
   * gets 0.108.
   */
  private static final int IEX_SHELL_SERIAL = 106;

  /**
   * Starts the shell with the pids iex gives it ({@link #IEX_SHELL_SERIAL}) and what the first line
   * starts (two later), unless the engine has used them already.
   */
  private void newIexShell() {
    sim.node().skipPidsTo(IEX_SHELL_SERIAL);
    newShell();
    sim.node().skipPidsTo(IEX_SHELL_SERIAL + 2);
  }

  /**
   * A console on a simulation that is already running (the window's): its shell is one more process
   * on that engine. The owner passes the simulation's events to {@link #onEvent}.
   */
  public Console(Scenario scenario, Simulation sim) {
    this(scenario, sim, null);
  }

  /**
   * A console on a running simulation whose shell is labelled {@code shellLabel} (null: {@code
   * shell}), and what it starts {@code shellLabel/Module}, so a window that draws paths draws the
   * tree under the shell that linked it (an empty world, as the course starts from iex).
   */
  public Console(Scenario scenario, Simulation sim, String shellLabel) {
    this.scenario = scenario;
    this.events = false;
    this.sim = sim;
    if (shellLabel != null) {
      this.shellLabel = shellLabel;
      this.under = shellLabel + "/";
    }
    this.live = true;
    index(scenario.tree());
    if (shellLabel != null) {
      newIexShell(); // an empty world, as iex starts: the same pids as the terminal's console
    } else {
      newShell();
    }
    paceMark(sim.eventCount(), prompt());
  }

  /**
   * At most this many lines printed between two lines of a console with its own engine (the
   * terminal's, which prints them with the next line) wait for it (the latest).
   */
  static final int MAX_PRINTED = 1000;

  /**
   * A process printed {@code line} ({@link TraceEvent.Printed}). While a line runs, it is part of
   * that line's answer. Between two lines on a shared engine (the window's runs on: a click
   * restarts a server) the transcript shows it at once, where it happened, as iex's terminal does
   * (a replay's trace too, {@code TraceRunner}); it is not repeated in the next line's answer.
   */
  private void printed(String line) {
    long event = sim.eventCount();
    if (live && !inLine) {
      append(line + "\n");
      paceMark(event, prompt());
      return;
    }
    out.add(new Out(line, event));
    if (out.size() > MAX_PRINTED) {
      out.subList(0, out.size() - MAX_PRINTED).clear();
    }
  }

  // ---- the transcript's pace ----

  /**
   * The transcript's pace: after {@code paceLength[i]} characters, it may be shown to a viewer that
   * has taken in {@code paceEvent[i]} events (the window's picture, which follows the engine, and
   * its timeline, which goes back), and the prompt then is {@code pacePrompt[i]}. In order.
   */
  private int[] paceLength = new int[64];

  private long[] paceEvent = new long[64];
  private final List<String> pacePrompt = new ArrayList<>();
  private int paces;

  /** The transcript as it is now may be shown once {@code event} events are. */
  private void paceMark(long event, String promptThen) {
    int length = transcriptLength();
    if (paces > 0 && paceLength[paces - 1] == length) {
      // nothing more shown; but an unfinished line changes the prompt (iex(3)> to ...(3)>)
      if (!pacePrompt.get(paces - 1).equals(promptThen)) {
        pacePrompt.set(paces - 1, promptThen);
      }
      return;
    }
    if (paces == paceLength.length) {
      paceLength = java.util.Arrays.copyOf(paceLength, paces * 2);
      paceEvent = java.util.Arrays.copyOf(paceEvent, paces * 2);
    }
    paceLength[paces] = length;
    paceEvent[paces] = event;
    pacePrompt.add(promptThen);
    paces++;
  }

  /** The last pace mark due once {@code events} events are shown; -1 when none is. */
  private int paceAt(long events) {
    int lo = 0;
    int hi = paces - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (paceEvent[mid] <= events) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * How much of the {@link #transcript()} a viewer that has taken in the simulation's first {@code
   * events} events shows: each line as it was typed, the lines processes printed when their {@link
   * TraceEvent.Printed} is reached, a line's value once the events it ran through are. At least the
   * banner. A console with its own engine (the terminal's) shows all of it.
   */
  public int transcriptLengthAt(long events) {
    if (!live) {
      return transcriptLength();
    }
    int i = paceAt(events);
    return i < 0 ? BANNER.length() + 1 : paceLength[i];
  }

  /**
   * The prompt a viewer that has taken in {@code events} events sees ({@link #transcriptLengthAt}).
   */
  public String promptAt(long events) {
    if (!live) {
      return prompt();
    }
    int i = paceAt(events);
    return i < 0 ? "iex(1)> " : pacePrompt.get(i);
  }

  /**
   * Adds what a line (or an echo) showed to the transcript, paced: {@code echo} (its prompt and the
   * line) due at {@code eventsBefore}; then {@code answer}, which starts with the printed lines it
   * drained ({@link #drained}), each due at its own event; the rest due now.
   */
  private void addToTranscript(String echo, long eventsBefore, String promptBefore, String answer) {
    append(echo);
    paceMark(eventsBefore, promptBefore);
    int at = 0;
    for (Out o : drained) {
      String l = o.line() + "\n";
      if (!answer.startsWith(l, at)) {
        break; // not the shape drain leaves: the rest at once
      }
      at += l.length();
      append(l);
      paceMark(o.event(), promptBefore);
    }
    drained.clear();
    append(answer.substring(at));
    paceMark(sim.eventCount(), prompt());
  }

  /** The printed lines the last {@link #drain} took, in order. */
  private final List<Out> drained = new ArrayList<>();

  /**
   * A line someone did another way (a click in the window's tree), shown as the iex line it equals:
   * returns {@code iex(N)> LINE} and the answer, and counts the line as iex would (the {@link
   * #transcript()} has it too).
   */
  @Override
  public String echo(String line, String answer) {
    replaceDeadShell();
    String before = prompt();
    String shown = before + line + "\n";
    long eventsBefore = sim.eventCount();
    drained.clear();
    String rest =
        Inspect.withRefSeed(
            sim.node().seed(),
            () -> drain(new StringBuilder()).append(answer).append('\n').toString());
    counter++;
    addToTranscript(shown, eventsBefore, before, rest);
    return shown + rest;
  }

  /**
   * What the console showed, as a terminal's scrollback keeps it: the last {@link
   * #SCROLLBACK_LINES} to {@code SCROLLBACK_LINES * 5 / 4} lines (older ones are dropped a quarter
   * at a time, so a click storm does not grow it without end). Offsets into the transcript ({@link
   * #transcriptLength}, {@link #transcriptLengthAt}) count from the banner, the dropped characters
   * included.
   */
  private final StringBuilder transcript = new StringBuilder(BANNER + "\n");

  /** How many lines of its transcript a console keeps, as a terminal's scrollback. */
  public static final int SCROLLBACK_LINES = 2_000;

  /** Characters dropped from the transcript's front. */
  private int dropped;

  /** Lines ({@code \n}) in {@link #transcript}. */
  private int keptLines = 1;

  /** Adds {@code text} to the transcript, dropping its oldest lines beyond the scrollback. */
  private void append(String text) {
    transcript.append(text);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        keptLines++;
      }
    }
    if (keptLines > SCROLLBACK_LINES * 5 / 4) {
      int cut = 0;
      for (int n = keptLines - SCROLLBACK_LINES; n > 0; n--) {
        cut = transcript.indexOf("\n", cut) + 1;
      }
      transcript.delete(0, cut);
      dropped += cut;
      keptLines = SCROLLBACK_LINES;
      dropPaceMarks();
    }
  }

  /** Forgets the pace marks inside the dropped part but the last (the dropped part's end). */
  private void dropPaceMarks() {
    int first = 0;
    while (first + 1 < paces && paceLength[first + 1] <= dropped) {
      first++;
    }
    if (first == 0) {
      return;
    }
    System.arraycopy(paceLength, first, paceLength, 0, paces - first);
    System.arraycopy(paceEvent, first, paceEvent, 0, paces - first);
    pacePrompt.subList(0, first).clear();
    paces -= first;
  }

  /** The lines typed so far that were not blank (the ↑ history), oldest first. */
  private final List<String> history = new ArrayList<>();

  /**
   * One typed line, as a terminal shows it: the prompt and the line, then what {@link #eval}
   * printed, all added to the {@link #transcript()}. Returns the answer ({@code eval}'s).
   */
  @Override
  public String type(String line) {
    if (!line.isBlank()) {
      history.add(line);
    }
    replaceDeadShell();
    String before = prompt();
    String shown = before + line + "\n";
    long eventsBefore = sim.eventCount();
    drained.clear();
    inLine = true;
    String answer;
    try {
      answer = eval(line);
    } finally {
      inLine = false;
    }
    addToTranscript(shown, eventsBefore, before, answer);
    return answer;
  }

  /**
   * What the console showed so far ({@link #type}, {@link #echo}), from its banner on, or its last
   * {@link #SCROLLBACK_LINES} lines and more (from {@link #transcriptStart()}).
   */
  public String transcript() {
    return transcript.toString();
  }

  /** How long the transcript is, the lines dropped from its front included (without copying it). */
  @Override
  public int transcriptLength() {
    return dropped + transcript.length();
  }

  /** Where {@link #transcript()} starts: 0 until the scrollback dropped its oldest lines. */
  public int transcriptStart() {
    return dropped;
  }

  /** The transcript from {@code from} on (from its start when that was dropped). */
  @Override
  public String transcriptFrom(int from) {
    return transcript.substring(Math.min(Math.max(from - dropped, 0), transcript.length()));
  }

  /** The lines typed so far (not blank ones), oldest first. */
  public List<String> history() {
    return java.util.Collections.unmodifiableList(history);
  }

  /**
   * How a simulation starts a console shell ({@link Simulation#setShells}): a console on {@code
   * sim} whose modules are {@code world}'s, its shell labelled as the command says.
   */
  public static java.util.function.Function<String, Simulation.Shell> shells(
      Scenario world, Simulation sim) {
    return label -> new Console(world, sim, label);
  }

  private void index(TreeNode n) {
    if (Inspect.isAlias(n.id())) {
      modules.putIfAbsent(n.id(), n);
    }
    n.children().forEach(this::index);
  }

  private void newShell() {
    shell = new Client(sim.node(), shellLabel, false);
    shell.onOtherMessage(this::onShellMessage);
    shellDeath = null;
  }

  /** The engine under the console (the window draws it). */
  public Simulation simulation() {
    return sim;
  }

  /** The shell process's pid. */
  public Pid shellPid() {
    return shell.pid();
  }

  /** The module names the world offers ({@code Servy.Supervisor}, ...). */
  public List<String> modules() {
    return List.copyOf(modules.keySet());
  }

  /**
   * Also hands the engine's events to {@code listener} (a lesson's checks), on a console that owns
   * its simulation; a console on the window's simulation gets its events from there.
   */
  public void listen(dev.kaboom.engine.EventSink listener) {
    listeners.add(listener);
  }

  /**
   * The modules change to {@code world}'s, as after editing the code and {@code recompile()} in
   * iex: what runs keeps running with the code it started with; the next {@code start_link} uses
   * the new modules.
   */
  @Override
  public void recompile(Scenario world) {
    scenario = world;
    modules.clear();
    index(world.tree());
  }

  /**
   * The world whose modules the console has now (its scenario, or the last {@link #recompile}'s).
   */
  public Scenario world() {
    return scenario;
  }

  /** True when the last line that ran raised an error (iex then keeps the prompt number). */
  public boolean lastRaised() {
    return raised;
  }

  /** The functions of Elixir's modules that the console knows, for Tab completion. */
  private static final Map<String, List<String>> KNOWN_FUNCTIONS =
      Map.of(
          "Process",
          List.of(
              "alive?",
              "exit",
              "flag",
              "info",
              "link",
              "list",
              "register",
              "sleep",
              "unlink",
              "whereis"),
          "Supervisor",
          List.of(
              "child_spec",
              "count_children",
              "delete_child",
              "restart_child",
              "start_child",
              "stop",
              "terminate_child",
              "which_children"),
          "GenServer",
          List.of("call", "cast", "stop", "whereis"),
          "IO",
          List.of("inspect", "puts"),
          ":timer",
          List.of("sleep"),
          ":erlang",
          List.of("exit"));

  private static final List<String> HELPERS =
      List.of(
          "elem",
          "flush",
          "h",
          "hd",
          "inspect",
          "is_atom",
          "is_integer",
          "is_list",
          "is_pid",
          "length",
          "pid",
          "self",
          "send");

  /** The Elixir word (a name, a dotted module or call, an atom) that ends {@code text}. */
  public static String wordAtEnd(String text) {
    int start = text.length();
    while (start > 0) {
      char c = text.charAt(start - 1);
      if (!(Character.isLetterOrDigit(c)
          || c == '_'
          || c == '.'
          || c == '?'
          || c == '!'
          || c == ':')) {
        break;
      }
      start--;
    }
    return text.substring(start);
  }

  /**
   * Tab completion of the word that ends {@code text} (the line up to the cursor): module names
   * ({@code Servy.Pl} → {@code Servy.PledgeServer}), a module's functions ({@code
   * Servy.PledgeServer.cr} → {@code Servy.PledgeServer.create_pledge}), the helpers and the bound
   * variables. Returns the whole completed words, sorted; empty when nothing fits.
   */
  public List<String> completions(String text) {
    String word = wordAtEnd(text);
    java.util.TreeSet<String> found = new java.util.TreeSet<>();
    Map<String, List<String>> functions = new LinkedHashMap<>(Stdlib.byModule());
    functions.putAll(KNOWN_FUNCTIONS);
    modules.forEach(
        (m, node) ->
            functions.put(
                m, functions(node).stream().map(f -> f.substring(0, f.indexOf('/'))).toList()));
    int dot = word.lastIndexOf('.');
    if (dot > 0 && functions.containsKey(word.substring(0, dot))) {
      String module = word.substring(0, dot);
      String prefix = word.substring(dot + 1);
      for (String f : functions.get(module)) {
        if (f.startsWith(prefix)) {
          found.add(module + "." + f);
        }
      }
    }
    for (String m : functions.keySet()) {
      if (m.startsWith(word) && !m.equals(word)) {
        found.add(m);
      }
    }
    if (dot < 0 && !word.isEmpty()) {
      for (String h : HELPERS) {
        if (h.startsWith(word)) {
          found.add(h);
        }
      }
      for (String v : bindings.keySet()) {
        if (v.startsWith(word)) {
          found.add(v);
        }
      }
    }
    return List.copyOf(found);
  }

  /** Takes the engine's events (the console's own simulation sends them itself). */
  @Override
  public void onEvent(TraceEvent e) {
    for (dev.kaboom.engine.EventSink l : listeners) {
      l.accept(e);
    }
    if (e instanceof TraceEvent.Exited x && shell != null && x.pid().equals(shell.pid())) {
      shellDeath = x.reason();
      if (live && !inLine) {
        diedBetweenLines();
      }
    }
    if (e instanceof TraceEvent.Printed p) {
      printed(p.line());
    }
    if (e instanceof TraceEvent.Exited x) {
      crashReport(x);
    }
    if (!events) {
      return;
    }
    if (e instanceof TraceEvent.Started s && s.label() != null) {
      out.add(new Out("  started  " + s.label() + " " + s.pid(), sim.eventCount()));
    } else if (e instanceof TraceEvent.Exited x && x.label() != null) {
      out.add(
          new Out(
              "  exited   " + x.label() + " " + x.pid() + " " + Inspect.inspectFlat(x.reason()),
              sim.eventCount()));
    } else if (e instanceof TraceEvent.GaveUp g) {
      out.add(
          new Out("  gave up  " + g.label() + " :reached_max_restart_intensity", sim.eventCount()));
    }
  }

  /**
   * The report iex's default logger prints when a GenServer of the world crashes with an Elixir
   * exception in {@code handle_call} (a request its module has no clause for), as Elixir 1.14's
   * Logger translator writes it: the time of day (here the run's virtual clock), the server's name,
   * the exception and its stack, the last message and its sender, the state, and whether the client
   * is alive (with the shell's stack when it is the shell). Supervisor reports are not printed, as
   * in iex.
   */
  private void crashReport(TraceEvent.Exited x) {
    List<String> raised = Inspect.raised(x.reason());
    Handling handling = this.handling.remove(x.pid());
    if (raised == null) {
      return;
    }
    Tuple first = (Tuple) ((TermList) ((Tuple) x.reason()).get(1)).elements().get(0);
    if (handling == null
        && first.get(2) instanceof TermList args
        && args.elements().size() == 3
        && args.elements().get(1) instanceof Tuple tag
        && tag.get(0) instanceof Pid from) {
      // handle_call's FunctionClauseError: its first stack frame holds what the report shows
      handling = new Handling(args.elements().get(0), from, args.elements().get(2));
    }
    if (handling == null) {
      return;
    }
    Pid client = handling.from();
    TreeNode node = modules.get(Inspect.inspectFlat(first.get(0)));
    String name =
        node != null && node.name().isPresent()
            ? Inspect.inspectFlat(ChildSpec.idAtom(node.name().get()))
            : Inspect.inspectFlat(x.pid());
    long t = x.timeMillis();
    String clock =
        String.format(
            "%02d:%02d:%02d.%03d", t / 3_600_000 % 24, t / 60_000 % 60, t / 1000 % 60, t % 1000);
    report("");
    report(clock + " [error] GenServer " + name + " terminating");
    report(raised.get(0));
    for (String line : raised.subList(1, raised.size())) {
      report("    " + line);
    }
    if (client == null) {
      report("Last message: " + Inspect.inspectFlat(handling.message()));
      report("State: " + Inspect.inspectFlat(handling.state()));
      return;
    }
    report(
        "Last message (from "
            + Inspect.inspectFlat(client)
            + "): "
            + Inspect.inspectFlat(handling.message()));
    report("State: " + Inspect.inspectFlat(handling.state()));
    boolean alive = sim.node().isAlive(client);
    report("Client " + Inspect.inspectFlat(client) + " is " + (alive ? "alive" : "dead"));
    if (alive) {
      report("");
      report("    (stdlib 4.2) gen.erl:256: :gen.do_call/4");
      report("    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3");
      if (shell != null && client.equals(shell.pid())) {
        report("    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7");
        report("    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3");
        report(
            "    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1");
        report("    (iex 1.14.0) lib/iex/evaluator.ex:329: IEx.Evaluator.eval_and_inspect/3");
        report(
            "    (iex 1.14.0) lib/iex/evaluator.ex:303: IEx.Evaluator.eval_and_inspect_parsed/3");
        report("    (iex 1.14.0) lib/iex/evaluator.ex:292: IEx.Evaluator.parse_eval_inspect/3");
      }
    }
  }

  /**
   * What a GenServer of the world was last given by the shell (a call, with its caller, or a cast:
   * {@code from} null) and its state then: the report of a crash it causes shows them.
   */
  /** A line of iex's logger: before the line's value, or after it once the value is known. */
  private void report(String line) {
    if (valueKnown && !(live && !inLine)) {
      afterValue.add(line);
    } else {
      printed(line);
    }
  }

  private record Handling(Term message, Pid from, Term state) {}

  private final Map<Pid, Handling> handling = new HashMap<>();

  /** Notes what the GenServer {@code pid} is being given, for {@link #crashReport}. */
  private void handing(Pid pid, Term message, Pid from) {
    sim.node()
        .process(pid)
        .map(Proc::behavior)
        .filter(b -> b instanceof dev.kaboom.otp.GenServerBehavior<?>)
        .ifPresent(
            b ->
                handling.put(
                    pid,
                    new Handling(
                        message, from, ((dev.kaboom.otp.GenServerBehavior<?>) b).elixirState())));
  }

  private void onShellMessage(Object m) {
    if (m instanceof dev.kaboom.engine.Down d) {
      Term object = monitorNames.getOrDefault(d.ref(), d.pid());
      monitorNames.remove(d.ref());
      mailbox.add(Term.tuple(Atom.of("DOWN"), d.ref(), Atom.of("process"), object, d.reason()));
    } else if (m instanceof Messages.Ack a) {
      acks.put(a.pid(), a.result());
    } else if (m instanceof ExitMessage x) {
      mailbox.add(x.asTerm());
    } else if (m instanceof Term t) {
      mailbox.add(t);
    }
  }

  /**
   * The prompt for the next line: {@code iex(3)> }, or {@code ...(3)> } inside an unfinished
   * expression.
   */
  public String prompt() {
    return (buffer.isEmpty() ? "iex(" : "...(") + counter + ")> ";
  }

  /** Lets {@code millis} of virtual time pass (the wall clock between two typed lines). */
  public void advanceTime(long millis) {
    if (millis > 0) {
      sim.node().scheduler().advanceBy(millis);
    }
  }

  /**
   * Takes one line of input and returns everything it prints (nothing while the expression is
   * unfinished).
   */
  public String eval(String line) {
    return Inspect.withRefSeed(sim.node().seed(), () -> Work.budgeted(() -> evalLine(line)));
  }

  private String evalLine(String line) {
    raised = false;
    // a blank line is an expression too: iex 1.14 answers nil and counts it (at a terminal and
    // piped), as it does a line with only a comment
    buffer = buffer.isEmpty() ? line : buffer + "\n" + line;
    int before = counter;
    String answer = evalBuffer();
    raised = counter == before && buffer.isEmpty() && !answer.isEmpty();
    return answer;
  }

  /**
   * Lines iex's logger prints after the line's value: a report of a crash that came after the value
   * was known (a cast's server crashing as the engine settles), as iex prints {@code :ok} before
   * the report.
   */
  private final List<String> afterValue = new ArrayList<>();

  /** True once the line's value is known (the engine may still be settling). */
  private boolean valueKnown;

  private String evalBuffer() {
    valueKnown = false;
    String answer = evalExpr();
    valueKnown = false;
    if (afterValue.isEmpty()) {
      return answer;
    }
    StringBuilder sb = new StringBuilder(answer);
    afterValue.forEach(l -> sb.append(l).append('\n'));
    afterValue.clear();
    return sb.toString();
  }

  private String evalExpr() {
    Expr expr;
    try {
      expr = Parser.parse(buffer);
    } catch (Parser.Incomplete incomplete) {
      return "";
    } catch (ConsoleError e) {
      String source = buffer;
      buffer = "";
      return withSnippet(e, source).render(counter) + "\n";
    }
    buffer = "";
    StringBuilder sb = new StringBuilder();
    try {
      warnUnused(expr);
      Term value = value(expr);
      valueKnown = true;
      settle();
      if (shellDeath != null) {
        return drain(sb).append(shellDied()).toString();
      }
      drain(sb);
      if (value != DONT_DISPLAY) {
        sb.append(Inspect.inspect(value)).append('\n');
      }
      results.add(value);
      counter++;
    } catch (ShellDied d) {
      drain(sb).append(shellDied());
    } catch (Blocked b) {
      interrupt(sb);
    } catch (Exit x) {
      // exit(reason) in the shell: iex catches it and prints it, the shell lives on
      settle();
      drain(sb);
      if (shellDeath != null) {
        return sb.append(shellDied()).toString();
      }
      sb.append("** (exit) ").append(Inspect.formatExit(x.reason)).append("\n\n");
    } catch (ConsoleError e) {
      settle();
      drain(sb);
      if (shellDeath != null) {
        return sb.append(shellDied()).toString();
      }
      sb.append(e.render(counter));
      if (e.detail == null) {
        sb.append('\n');
      }
    } catch (dev.kaboom.engine.RunawayException e) {
      // the engine stays where it stopped; the next line carries on from there
      drain(sb).append("** (Kaboom.RunawayError) ").append(e.getMessage()).append("\n\n");
    } catch (RuntimeException e) {
      // a bug of the console's, not the user's: say so, and keep the session
      settle();
      drain(sb).append("** (Kaboom.InternalError) ").append(e).append("\n\n");
    } catch (StackOverflowError e) {
      callDepth = 0;
      drain(sb)
          .append(
              "** (SystemLimitError) a system limit has been reached (the Kaboom console's stack"
                  + " ran out: the recursion or the value is nested too deep)\n\n");
    }
    return sb.toString();
  }

  /** iex 1.14 shows the line of a syntax error with a caret under the column. */
  private ConsoleError withSnippet(ConsoleError e, String source) {
    String[] lines = source.split("\n", -1);
    if (e.line < 1
        || e.line > lines.length
        || lines[e.line - 1].length() > 500
        || e.kind.equals("CompileError")) {
      return e;
    }
    String snippet =
        "    |\n"
            + String.format("%3d | %s", counter + e.line - 1, lines[e.line - 1])
            + "\n    | "
            + " ".repeat(Math.max(0, e.column - 1))
            + "^";
    return new ConsoleError(e.kind, e.line, e.column, e.getMessage(), snippet);
  }

  /**
   * The shell itself prints {@code line} (IO.puts, flush, a warning): part of the line's answer.
   */
  private void say(String line) {
    if (current != null) {
      sim.node().print(line); // a spawned function's IO.puts: its process prints
      return;
    }
    out.add(new Out(line, sim.eventCount()));
  }

  private StringBuilder drain(StringBuilder sb) {
    for (Out o : out) {
      sb.append(o.line()).append('\n');
    }
    drained.addAll(out);
    out.clear();
    return sb;
  }

  private String shellDied() {
    String text = deathText();
    forgetShell();
    newShell();
    return text;
  }

  /** What iex prints when its shell process dies: the reason, then a new banner. */
  private String deathText() {
    return "** (EXIT from "
        + shell.pid()
        + ") shell process exited with reason: "
        + Inspect.formatExit(shellDeath, 4)
        + "\n\n"
        + BANNER
        + "\n";
  }

  private void forgetShell() {
    bindings.clear();
    results.clear();
    monitorNames.clear();
    mailbox.clear();
    counter = 1;
    buffer = "";
  }

  /** The shell died while no line ran, and its successor starts with the next line. */
  private boolean needsNewShell;

  /**
   * The shell of a console on a shared engine died between two lines (a click killed what it is
   * linked to): iex says so at once and starts a new shell, so the transcript says it now (when the
   * picture reaches the death) with {@code iex(1)} next, the bindings gone; the new shell process
   * starts with the next line (not inside the engine's event), which then runs in it.
   */
  private void diedBetweenLines() {
    append(deathText());
    forgetShell();
    paceMark(sim.eventCount(), prompt());
    needsNewShell = true;
  }

  /** Before a line or an echo: the new shell of one that died between lines. */
  private void replaceDeadShell() {
    if (needsNewShell) {
      needsNewShell = false;
      newShell();
    }
  }

  /** The shell died in the middle of a line. */
  private static final class ShellDied extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShellDied() {
      super(null, null, false, false);
    }
  }

  /** Runs what is ready now (and timers due now), as iex does between two lines. */
  private void settle() {
    sim.node().scheduler().advanceBy(0, VirtualScheduler.MAX_TURNS_PER_STEP);
  }

  /**
   * Runs the engine until {@code done}, letting virtual time pass timer by timer, for at most
   * {@code maxMillis}; false if it did not happen by then. The shell dying ends the line.
   */
  private boolean await(BooleanSupplier done, long maxMillis) {
    if (current != null) {
      // a spawned function's body runs inside the engine's turn: it cannot wait there
      throw new ConsoleError(
          "RuntimeError",
          "the Kaboom console runs a spawned function's calls that wait (GenServer.call,"
              + " start_link, Supervisor.*) only in the shell; Process.sleep only between its"
              + " expressions");
    }
    var scheduler = sim.node().scheduler();
    long until = scheduler.nowMillis() + maxMillis;
    while (true) {
      scheduler.advanceBy(0, VirtualScheduler.MAX_TURNS_PER_STEP);
      if (shellDeath != null) {
        throw new ShellDied();
      }
      if (done.getAsBoolean()) {
        return true;
      }
      long next = scheduler.nextTimerMillis();
      if (next > until) {
        scheduler.advanceBy(
            Math.max(0, until - scheduler.nowMillis()), VirtualScheduler.MAX_TURNS_PER_STEP);
        return done.getAsBoolean();
      }
      scheduler.advanceBy(next - scheduler.nowMillis(), VirtualScheduler.MAX_TURNS_PER_STEP);
    }
  }

  /**
   * Reads lines until end of input, writing prompts and answers; {@code echo} repeats each line
   * after its prompt.
   */
  public void run(BufferedReader in, PrintStream ps, boolean echo) throws IOException {
    ps.println(TERMINAL_BANNER);
    while (true) {
      ps.print(prompt());
      ps.flush();
      String line = in.readLine();
      if (line == null) {
        ps.println();
        return;
      }
      if (echo) {
        ps.println(line);
      }
      ps.print(eval(line));
    }
  }

  // ---- evaluation ----

  private Term value(Expr e) {
    Work.spend(Work.EVAL);
    if (e instanceof Lit l) {
      return l.value();
    }
    if (e instanceof Var v) {
      Term bound = bindings.get(v.name());
      if (bound != null) {
        return bound;
      }
      if (IMPORTED_ZERO.contains(v.name())) {
        // an imported function: iex calls it without the variable warning
        return call(new Call(null, v.name(), List.of(), false, v.line(), v.column()));
      }
      warnVariable(v.name(), v.line());
      throw new ConsoleError(
          "CompileError",
          v.line(),
          v.column(),
          "undefined function " + v.name() + "/0 (there is no such import)");
    }
    if (e instanceof TupleE t) {
      return new Tuple(values(t.items()));
    }
    if (e instanceof ListE l) {
      return new TermList(values(l.items()));
    }
    if (e instanceof MapE m) {
      Map<Term, Term> entries = new LinkedHashMap<>();
      for (int i = 0; i < m.keys().size(); i++) {
        entries.put(value(m.keys().get(i)), value(m.values().get(i)));
      }
      return new MapTerm(entries);
    }
    if (e instanceof Match m) {
      Term v = value(m.expr());
      Map<String, Term> bound = new HashMap<>();
      if (!match(m.pattern(), v, bound)) {
        throw new ConsoleError(
            "MatchError", "no match of right hand side value: " + Inspect.inspectFlat(v));
      }
      bindings.putAll(bound);
      return v;
    }
    if (e instanceof Op o) {
      return shortCircuit(o) ? logic(o) : op(o);
    }
    if (e instanceof Parser.SigilE g) {
      return sigil(g, value(g.text()));
    }
    if (e instanceof Parser.BinE b) {
      return binary(b);
    }
    if (e instanceof Parser.BytesOf b) {
      Term bin = value(b.binary());
      if (!(bin instanceof Bin text)) {
        throw new ConsoleError("ArgumentError", "argument error"); // for <<c <- 1>> (not a binary)
      }
      List<Term> items = new ArrayList<>();
      if (b.utf8()) {
        text.value().codePoints().forEach(cp -> items.add(new IntTerm(cp)));
      } else {
        for (byte x : Binaries.bytes(text)) {
          items.add(new IntTerm(x & 0xFF));
        }
      }
      return new TermList(items);
    }
    if (e instanceof Parser.AccessE a) {
      return Access.get(value(a.container()), value(a.key()));
    }
    if (e instanceof Parser.MapUpdate u) {
      Term map = value(u.map());
      return Access.update(map, values(u.keys()), values(u.values()));
    }
    if (e instanceof Parser.RemoteCall r) {
      Term m = value(r.module());
      if (!(m instanceof Atom a)) {
        List<Term> args = values(r.args());
        throw new ConsoleError(
            "ArgumentError",
            "you attempted to apply a function named :"
                + r.function()
                + " on "
                + Inspect.inspectFlat(m)
                + ". If you are using Kernel.apply/3, make sure the module is an atom. If you are"
                + " using the dot syntax, such as module.function(), make sure the left-hand side"
                + " of the dot is a module atom",
            "    :erlang.apply("
                + Inspect.inspectFlat(m)
                + ", :"
                + r.function()
                + ", "
                + Inspect.inspectFlat(new TermList(args))
                + ")");
      }
      return call(
          new Call(Inspect.moduleName(a), r.function(), r.args(), true, r.line(), r.column()));
    }
    if (e instanceof Parser.Field f) {
      Term m = value(f.map());
      if (m instanceof Atom a && a != NIL) {
        // mod.fun without parentheses: a call of the module's function
        return call(
            new Call(Inspect.moduleName(a), f.field(), List.of(), false, f.line(), f.column()));
      }
      Term v = m instanceof MapTerm map ? map.entries().get(Atom.of(f.field())) : null;
      if (v == null) {
        throw new ConsoleError(
            "KeyError",
            "key :"
                + f.field()
                + " not found in: "
                + Inspect.inspectFlat(m)
                + (m instanceof MapTerm
                    ? ""
                    : ". If you are using the dot syntax, such as map.field, make sure the"
                        + " left-hand side of the dot is a map"));
      }
      return v;
    }
    if (e instanceof Parser.Fn f) {
      for (Parser.Clause c : f.clauses()) {
        if (c.params().size() != f.arity()) {
          throw new ConsoleError(
              "CompileError",
              f.line(),
              f.column(),
              "cannot mix clauses with different arities in anonymous functions");
        }
      }
      return new dev.kaboom.engine.Fun(nextFun++, f.arity(), new Closure(f, Map.copyOf(bindings)));
    }
    if (e instanceof Parser.CaptureRef c) {
      return captured(c);
    }
    if (e instanceof Parser.ConsE c) {
      List<Term> items = values(c.items());
      return ImproperList.of(items, value(c.tail()));
    }
    if (e instanceof Parser.RangeE r) {
      return Stdlib.range(
          value(r.first()), value(r.last()), r.step() == null ? null : value(r.step()));
    }
    if (e instanceof Parser.Cond c) {
      for (Parser.Clause clause : c.clauses()) {
        if (Stdlib.truthy(value(clause.params().get(0)))) {
          return runClause(clause, Map.of());
        }
      }
      throw new ConsoleError("CondClauseError", "no cond clause evaluated to a truthy value");
    }
    if (e instanceof Parser.For f) {
      return comprehension(f);
    }
    if (e instanceof Parser.With w) {
      return with(w);
    }
    if (e instanceof Parser.Pin p) {
      throw new ConsoleError(
          "CompileError",
          p.line(),
          p.column(),
          "cannot use ^" + p.var().name() + " outside of match clauses");
    }
    if (e instanceof Parser.Receive r) {
      return receive(r);
    }
    if (e instanceof Parser.Case c) {
      return caseOf(c);
    }
    if (e instanceof Parser.EmptyBody) {
      return NIL;
    }
    if (e instanceof Parser.If i) {
      Term test = value(i.test());
      boolean truthy = test != Atom.FALSE && test != NIL;
      Expr branch = truthy != i.unless() ? i.then() : i.otherwise();
      return branch == null
          ? NIL
          : runClause(new Parser.Clause(List.of(), null, branch, 0, 0), Map.of());
    }
    if (e instanceof Parser.Interp i) {
      StringBuilder sb = new StringBuilder();
      for (Expr part : i.parts()) {
        sb.append(chars(value(part)));
      }
      return new Bin(sb.toString());
    }
    if (e instanceof Parser.Apply a) {
      Term f = value(a.fun());
      return callFun(f, values(a.args()));
    }
    if (e instanceof Block b) {
      Term last = NIL;
      for (Expr x : b.exprs()) {
        last = value(x);
        settle();
        if (shellDeath != null) {
          throw new ShellDied();
        }
      }
      return last;
    }
    return call((Call) e);
  }

  /**
   * {@code for}: each generator's elements that its pattern (and guard) take, each filter's truthy
   * values, the body's values in order; {@code into:} a map (the body's {@code {key, value}}
   * tuples) or a list. The bindings made inside do not outlive it.
   */
  private Term comprehension(Parser.For f) {
    List<Term> out = new ArrayList<>();
    Map<String, Term> saved = new HashMap<>(bindings);
    try {
      comprehend(f, 0, out);
    } finally {
      bindings.clear();
      bindings.putAll(saved);
    }
    if (f.into() == null) {
      return new TermList(out);
    }
    Term into = value(f.into());
    if (into instanceof MapTerm m && Stdlib.range(m) == null) {
      Map<Term, Term> entries = new LinkedHashMap<>(m.entries());
      entries.putAll(Stdlib.mapOf(out).entries());
      return new MapTerm(entries);
    }
    if (into instanceof TermList l) {
      List<Term> all = new ArrayList<>(l.elements());
      all.addAll(out);
      return new TermList(all);
    }
    throw Stdlib.notCollectable(into);
  }

  private void comprehend(Parser.For f, int i, List<Term> out) {
    if (i == f.qualifiers().size()) {
      out.add(value(f.body()));
      return;
    }
    Parser.Clause q = f.qualifiers().get(i);
    if (q.params().isEmpty()) {
      if (Stdlib.truthy(value(q.body()))) {
        comprehend(f, i + 1, out);
      }
      return;
    }
    List<Term> items = Stdlib.items(value(q.body()), "reduce/3");
    Map<String, Term> before = new HashMap<>(bindings);
    for (Term x : items) {
      Map<String, Term> bound = matchClause(q, List.of(x));
      if (bound == null) {
        continue; // a generator skips what its pattern does not take
      }
      bindings.putAll(bound);
      try {
        comprehend(f, i + 1, out);
      } finally {
        bindings.clear();
        bindings.putAll(before);
      }
    }
  }

  /**
   * {@code with}: each {@code pattern <- expr} in turn; the first value a pattern does not take
   * goes to the {@code else} clauses (WithClauseError when none takes it), or is the result when
   * there are none; else the body's value. The bindings made inside do not outlive it.
   */
  private Term with(Parser.With w) {
    Map<String, Term> saved = new HashMap<>(bindings);
    Term failed;
    try {
      failed = null;
      for (Parser.Clause step : w.steps()) {
        Term v = value(step.body());
        if (step.params().isEmpty()) {
          continue;
        }
        Map<String, Term> bound = matchClause(step, List.of(v));
        if (bound == null) {
          failed = v;
          break;
        }
        bindings.putAll(bound);
      }
      if (failed == null) {
        return value(w.body());
      }
    } finally {
      bindings.clear();
      bindings.putAll(saved);
    }
    if (w.otherwise().isEmpty()) {
      return failed;
    }
    for (Parser.Clause clause : w.otherwise()) {
      Map<String, Term> bound = matchClause(clause, List.of(failed));
      if (bound != null) {
        return runClause(clause, bound);
      }
    }
    throw new ConsoleError(
        "WithClauseError", "no with clause matching: " + Inspect.inspectFlat(failed));
  }

  /**
   * Elixir's warning for each variable a clause ({@code fn}, {@code receive}) binds in its patterns
   * and never uses, printed before the line runs, as the compiler does.
   */
  private void warnUnused(Expr root) {
    Parser.walk(
        root,
        e -> {
          if (e instanceof Parser.Fn f && f.shown() == null) {
            f.clauses().forEach(this::warnUnused);
          } else if (e instanceof Parser.Receive r) {
            r.clauses().forEach(this::warnUnused);
          } else if (e instanceof Parser.Case c) {
            c.clauses().forEach(this::warnUnused);
          } else if (e instanceof MapE m) {
            warnDuplicateKeys(m.keys());
          } else if (e instanceof Parser.MapUpdate u) {
            warnDuplicateKeys(u.keys());
          } else if (e instanceof Parser.EmptyBody b) {
            say(
                "warning: an expression is always required on the right side of ->. Please"
                    + " provide a value after ->");
            say("  iex:" + (counter + b.line() - 1) + ":" + b.column());
            say("");
          }
          return true;
        });
  }

  /** Elixir's warning for a literal key given twice in a map ({@code %{a: 1, a: 2}}). */
  private void warnDuplicateKeys(List<Expr> keys) {
    Set<Term> seen = new java.util.HashSet<>();
    Set<Term> warned = new java.util.HashSet<>();
    for (Expr k : keys) {
      if (k instanceof Lit l && !seen.add(l.value()) && warned.add(l.value())) {
        say("warning: key " + Inspect.inspectFlat(l.value()) + " will be overridden in map");
        say("  iex:" + (counter + k.line() - 1));
        say("");
      }
    }
  }

  private void warnUnused(Parser.Clause c) {
    Set<String> used = new java.util.HashSet<>();
    List<Expr> uses = new ArrayList<>();
    if (c.guard() != null) {
      uses.add(c.guard());
    }
    uses.add(c.body());
    for (Expr u : uses) {
      Parser.walk(
          u,
          e -> {
            if (e instanceof Var v) {
              used.add(v.name());
            }
            return true;
          });
    }
    List<Var> bound = new ArrayList<>();
    for (Expr p : c.params()) {
      // the variables a pattern binds (not _x, not a pinned one), in order
      Parser.walk(
          p,
          e -> {
            if (e instanceof Var v && !v.name().startsWith("_") && !v.name().startsWith("&")) {
              bound.add(v);
            }
            return !(e instanceof Parser.Pin || e instanceof Call);
          });
    }
    Set<String> warned = new java.util.HashSet<>();
    for (Var v : bound) {
      if (!used.contains(v.name()) && warned.add(v.name())) {
        say(
            "warning: variable \""
                + v.name()
                + "\" is unused (if the variable is not meant to be used, prefix it with an"
                + " underscore)");
        say("  iex:" + (counter + v.line() - 1));
        say("");
      }
    }
  }

  private void warnVariable(String name, int line) {
    say(
        "warning: variable \""
            + name
            + "\" does not exist and is being expanded to \""
            + name
            + "()\", please use parentheses to remove the ambiguity or change the variable name");
    say("  iex:" + (counter + line - 1));
    say("");
  }

  private List<Term> values(List<Expr> exprs) {
    List<Term> items = new ArrayList<>(exprs.size());
    for (Expr x : exprs) {
      items.add(value(x));
    }
    return items;
  }

  private boolean match(Expr pattern, Term v, Map<String, Term> bound) {
    if (pattern instanceof Var var) {
      if (var.name().startsWith("_")) {
        return true;
      }
      Term already = bound.get(var.name());
      if (already != null) {
        return already.equals(v);
      }
      bound.put(var.name(), v);
      return true;
    }
    if (pattern instanceof Lit l) {
      return l.value().equals(v);
    }
    if (pattern instanceof Op o
        && isNegation(o)
        && o.right() instanceof Lit n
        && Numbers.isNumber(n.value())) {
      return Numbers.negate(n.value()).equals(v); // -1 -> ..., -1.5 = x
    }
    if (pattern instanceof Parser.Pin p) {
      Term pinned = bindings.get(p.var().name());
      if (pinned == null) {
        throw new ConsoleError(
            "CompileError", p.line(), p.column(), "undefined variable ^" + p.var().name());
      }
      return pinned.equals(v);
    }
    if (pattern instanceof Parser.ConsE c) {
      int n = c.items().size();
      List<Term> elements =
          v instanceof TermList lv
              ? lv.elements()
              : v instanceof ImproperList il ? il.elements() : null;
      if (elements == null || elements.size() < n) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!match(c.items().get(i), elements.get(i), bound)) {
          return false;
        }
      }
      Term tail =
          v instanceof ImproperList il
              ? ImproperList.of(elements.subList(n, elements.size()), il.tail())
              : ((TermList) v).drop(n); // shared, as Erlang's tail: a recursion is linear
      return match(c.tail(), tail, bound);
    }
    if (pattern instanceof Parser.RangeE r) {
      long[] range = v instanceof MapTerm mv ? Stdlib.range(mv) : null;
      return range != null
          && match(r.first(), new IntTerm(range[0]), bound)
          && match(r.last(), new IntTerm(range[1]), bound)
          && (r.step() == null || match(r.step(), new IntTerm(range[2]), bound));
    }
    if (pattern instanceof TupleE t) {
      if (!(v instanceof Tuple tv) || tv.size() != t.items().size()) {
        return false;
      }
      for (int i = 0; i < tv.size(); i++) {
        if (!match(t.items().get(i), tv.get(i), bound)) {
          return false;
        }
      }
      return true;
    }
    if (pattern instanceof ListE l) {
      if (!(v instanceof TermList lv) || lv.elements().size() != l.items().size()) {
        return false;
      }
      for (int i = 0; i < l.items().size(); i++) {
        if (!match(l.items().get(i), lv.elements().get(i), bound)) {
          return false;
        }
      }
      return true;
    }
    if (pattern instanceof MapE m) {
      if (!(v instanceof MapTerm mv)) {
        return false;
      }
      for (int i = 0; i < m.keys().size(); i++) {
        Term key = value(m.keys().get(i));
        Term got = mv.entries().get(key);
        if (got == null || !match(m.values().get(i), got, bound)) {
          return false;
        }
      }
      return true;
    }
    if (pattern instanceof Match m) {
      return match(m.pattern(), v, bound) && match(m.expr(), v, bound);
    }
    if (pattern instanceof Parser.BinE b) {
      return v instanceof Bin bin && matchBinary(b, Binaries.bytes(bin), bound);
    }
    throw new ConsoleError(
        "CompileError",
        pattern.line(),
        pattern.column(),
        "cannot invoke remote function "
            + (pattern instanceof Op x ? ":erlang." + x.op() + "/2 " : "")
            + "inside a match");
  }

  /**
   * {@code <<a, b::16, rest::binary>> = bin}: integer segments take their bytes (big-endian),
   * {@code ::utf8} one code point, a string its own bytes, {@code ::binary} the rest (last only).
   */
  private boolean matchBinary(Parser.BinE b, byte[] bytes, Map<String, Term> bound) {
    int at = 0;
    List<Parser.Segment> segs = b.segments();
    for (int k = 0; k < segs.size(); k++) {
      Parser.Segment seg = segs.get(k);
      if (seg.type().equals("binary")) {
        if (k != segs.size() - 1) {
          throw new ConsoleError(
              "CompileError",
              b.line(),
              b.column(),
              "a binary field without size is only allowed at the end of a binary pattern");
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, at, bytes.length);
        return match(seg.value(), Binaries.of(rest), bound);
      }
      if (seg.value() instanceof Lit l && l.value() instanceof Bin lit) {
        byte[] want = Binaries.bytes(lit);
        if (at + want.length > bytes.length
            || !java.util.Arrays.equals(
                want, java.util.Arrays.copyOfRange(bytes, at, at + want.length))) {
          return false;
        }
        at += want.length;
        continue;
      }
      if (seg.type().equals("utf8")) {
        Bin rest = Binaries.of(java.util.Arrays.copyOfRange(bytes, at, bytes.length));
        if (rest.value().isEmpty() || Binaries.raw(new Bin(rest.value().substring(0, 1)))) {
          return false;
        }
        int cp = rest.value().codePointAt(0);
        if (!match(seg.value(), new IntTerm(cp), bound)) {
          return false;
        }
        at +=
            new String(Character.toChars(cp))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length;
        continue;
      }
      int n = seg.bits() / 8;
      if (at + n > bytes.length) {
        return false;
      }
      long x = 0;
      for (int i = 0; i < n; i++) {
        x = (x << 8) | (bytes[at + i] & 0xFF);
      }
      at += n;
      if (!match(seg.value(), new IntTerm(x), bound)) {
        return false;
      }
    }
    return at == bytes.length;
  }

  /**
   * A chain of binary operators nests to the left ({@code 1 + 1 + ... + 1} is {@code ((1 + 1) +
   * ...) + 1}): it is evaluated from its innermost left operand outwards without recursion, so a
   * long one (iex takes 20,000 terms) does not run out of stack. Left before right, as Elixir.
   */
  private static final Set<String> RIGHT_ASSOC = Set.of("++", "--", "<>");

  private Term op(Op o) {
    if (RIGHT_ASSOC.contains(o.op()) && o.right() instanceof Op r && RIGHT_ASSOC.contains(r.op())) {
      // a ++ b ++ c nests to the right: operands left to right, then folded from the right
      List<Op> ops = new ArrayList<>();
      List<Term> operands = new ArrayList<>();
      Expr e = o;
      while (e instanceof Op x && RIGHT_ASSOC.contains(x.op())) {
        ops.add(x);
        operands.add(value(x.left()));
        e = x.right();
      }
      Term acc = value(e);
      for (int i = ops.size() - 1; i >= 0; i--) {
        acc = apply(ops.get(i), operands.get(i), acc);
      }
      return acc;
    }
    java.util.ArrayDeque<Op> chain = new java.util.ArrayDeque<>();
    Expr e = o;
    while (e instanceof Op x && !shortCircuit(x)) {
      chain.push(x);
      e = x.left();
    }
    Term acc = value(e);
    while (!chain.isEmpty()) {
      Op x = chain.pop();
      acc = isNegation(x) ? Numbers.negate(value(x.right())) : apply(x, acc, value(x.right()));
    }
    return acc;
  }

  /** {@code -x}: the parser writes it {@code 0 - x} with the 0 where the minus is. */
  private static boolean isNegation(Op o) {
    return o.op().equals("-")
        && o.left() instanceof Lit zero
        && zero.line() == o.line()
        && zero.column() == o.column();
  }

  /**
   * {@code String.Chars.to_string/1}, as {@code "#{x}"} uses it: a string as it is, an atom's name
   * ({@code nil} is empty), an integer, a charlist; others are Elixir's Protocol.UndefinedError.
   */
  static String chars(Term v) {
    if (v instanceof Bin b) {
      return b.value();
    }
    if (v instanceof Atom a) {
      return a == NIL ? "" : a.name();
    }
    if (v instanceof IntTerm || v instanceof dev.kaboom.engine.BigIntTerm) {
      return v.format();
    }
    if (v instanceof dev.kaboom.engine.FloatTerm f) {
      return dev.kaboom.engine.FloatTerm.shortest(f.value()); // Float.to_string/1
    }
    if (v instanceof TermList l && l.elements().stream().allMatch(x -> x instanceof IntTerm)) {
      StringBuilder sb = new StringBuilder();
      l.elements().forEach(x -> sb.appendCodePoint((int) ((IntTerm) x).value()));
      return sb.toString();
    }
    throw new ConsoleError(
        "Protocol.UndefinedError",
        "protocol String.Chars not implemented for "
            + Inspect.inspectFlat(v)
            + " of type "
            + typeName(v),
        "    (elixir 1.14.0) lib/string/chars.ex:3: String.Chars.impl_for!/1\n"
            + "    (elixir 1.14.0) lib/string/chars.ex:22: String.Chars.to_string/1");
  }

  /**
   * What {@code IO.puts/1} writes for {@code v} (Elixir 1.14's {@code IO.puts/2}): a list is
   * character data (strings, code points and nested lists, flattened; else {@code :io.put_chars}'s
   * ArgumentError), anything else goes through {@link #chars} ({@code nil} is an empty line, an
   * atom its name; a tuple or map String.Chars' Protocol.UndefinedError, with IO.puts on its
   * stack).
   */
  static String putsText(Term v) {
    if (v instanceof TermList l) {
      StringBuilder sb = new StringBuilder();
      if (charData(l, sb)) {
        return sb.toString();
      }
    } else if (!(v instanceof ImproperList)) {
      try {
        return chars(v);
      } catch (ConsoleError e) {
        throw new ConsoleError(
            e.kind, e.getMessage(), e.detail + "\n    (elixir 1.14.0) lib/io.ex:767: IO.puts/2");
      }
    }
    throw new ConsoleError(
        "ArgumentError",
        "errors were found at the given arguments:\n\n"
            + "  * 2nd argument: not valid character data (an iodata term)\n",
        "    (stdlib 4.2) io.erl:99: :io.put_chars(:standard_io, ["
            + Inspect.inspectFlat(v)
            + ", 10])");
  }

  /** Appends list {@code l} as character data to {@code sb}; false when an element is none. */
  private static boolean charData(TermList l, StringBuilder sb) {
    for (Term x : l.elements()) {
      if (x instanceof Bin b) {
        sb.append(b.value());
      } else if (x instanceof IntTerm i && i.value() >= 0 && i.value() <= 0x10FFFF) {
        sb.appendCodePoint((int) i.value());
      } else if (!(x instanceof TermList inner && charData(inner, sb))) {
        return false;
      }
    }
    return true;
  }

  /** {@code case EXPR do CLAUSES end}: the first clause that takes the value (CaseClauseError). */
  private Term caseOf(Parser.Case c) {
    Term v = value(c.expr());
    for (Parser.Clause clause : c.clauses()) {
      Map<String, Term> bound = matchClause(clause, List.of(v));
      if (bound != null) {
        return runClause(clause, bound);
      }
    }
    throw new ConsoleError("CaseClauseError", "no case clause matching: " + Inspect.inspectFlat(v));
  }

  private static boolean shortCircuit(Op o) {
    return switch (o.op()) {
      case "and", "or", "&&", "||" -> true;
      default -> false;
    };
  }

  /**
   * {@code and or} (a boolean on the left, else Elixir's BadBooleanError) and {@code && ||}
   * (truthy: anything but {@code nil} and {@code false}); the right side runs only when it decides.
   */
  private Term logic(Op o) {
    Term l = value(o.left());
    boolean strict = o.op().equals("and") || o.op().equals("or");
    if (strict && l != Atom.TRUE && l != Atom.FALSE) {
      throw new ConsoleError(
          "BadBooleanError",
          "expected a boolean on left-side of \"" + o.op() + "\", got: " + Inspect.inspectFlat(l));
    }
    boolean truthy = l != Atom.FALSE && l != NIL;
    boolean and = o.op().equals("and") || o.op().equals("&&");
    if (and != truthy) {
      return l; // false and _, nil && _, true or _, x || _
    }
    return value(o.right());
  }

  private Term apply(Op o, Term l, Term r) {
    switch (o.op()) {
      case "in":
        if (r instanceof TermList list) {
          return bool(list.elements().contains(l));
        }
        if (r instanceof MapTerm map) {
          long[] range = Stdlib.range(map);
          return bool(range != null ? Stdlib.inRange(range, l) : Stdlib.items(map, "").contains(l));
        }
        throw new ConsoleError(
            "Protocol.UndefinedError",
            "protocol Enumerable not implemented for "
                + Inspect.inspectFlat(r)
                + " of type "
                + typeName(r));
      case "===":
        return bool(l.equals(r));
      case "!==":
        return bool(!l.equals(r));
      case "==":
        return bool(Numbers.looselyEqual(l, r));
      case "!=":
        return bool(!Numbers.looselyEqual(l, r));
      case "<":
        return bool(Inspect.compare(l, r) < 0);
      case ">":
        return bool(Inspect.compare(l, r) > 0);
      case "<=":
        return bool(Inspect.compare(l, r) <= 0);
      case ">=":
        return bool(Inspect.compare(l, r) >= 0);
      case "+", "-", "*", "/":
        return Numbers.arith(o.op(), l, r);
      case "**":
        return Numbers.power(l, r);
      case "--":
        if (l instanceof TermList a && r instanceof TermList b) {
          List<Term> left = new ArrayList<>(a.elements());
          for (Term x : b.elements()) {
            left.remove(x); // the first occurrence, as :erlang.--
          }
          return new TermList(left);
        }
        throw argumentError(l instanceof TermList ? 2 : 1, "not a list", ":erlang.--", l, r);
      case "++":
        if (l instanceof TermList a) {
          return ImproperList.of(a.elements(), r); // [1] ++ 2 is [1 | 2], as in Erlang
        }
        // 3 ++ [4] and an improper list alike: erlang's bare "argument error" (iex 1.14)
        throw new ConsoleError(
            "ArgumentError",
            "argument error",
            "    :erlang.++(" + Inspect.inspectFlat(l) + ", " + Inspect.inspectFlat(r) + ")");
      case "<>":
        if (l instanceof Bin a && r instanceof Bin b) {
          return new Bin(Lexer.binary(a.value() + b.value()));
        }
        throw new ConsoleError("ArgumentError", "expected binary argument in <> operator");
      default:
        throw new ConsoleError(
            "UndefinedFunctionError",
            "function Kernel." + o.op() + "/2 is undefined or private",
            "    (the Kaboom console does not know it; h() lists what it knows)");
    }
  }

  private static Atom bool(boolean b) {
    return b ? Atom.TRUE : Atom.FALSE;
  }

  private Term call(Call c) {
    if (c.module() == null && c.function().equals("h") && c.args().size() == 1) {
      return doc(c.args().get(0)); // a macro: h Process.exit/2 names a function, calls nothing
    }
    if (c.module() == null
        && !c.parens()
        && bindings.containsKey(c.function())
        && c.args().get(0) instanceof Op u
        && u.op().equals("-")
        && u.left() instanceof Lit zero
        && zero.column() == u.column()) {
      // x -1 with a variable x: Elixir refuses the ambiguity
      throw new ConsoleError(
          "CompileError",
          c.line(),
          c.column(),
          "\""
              + c.function()
              + " -1\" looks like a function call but there is a variable named \""
              + c.function()
              + "\". If you want to perform a function call, use parentheses:\n\n    "
              + c.function()
              + "(-1)\n\nIf you want to perform an operation on the variable "
              + c.function()
              + ", use spaces around the unary operator");
    }
    if (c.module() == null
        && c.args().size() == 2
        && (c.function().equals("put_in") || c.function().equals("update_in"))
        && (c.args().get(0) instanceof Parser.AccessE || c.args().get(0) instanceof Parser.Field)) {
      return updateInPath(c); // put_in(m[:a].b, v): the macro form, a path written out
    }
    List<Term> args = values(c.args());
    String m = c.module();
    String key = (m == null ? "" : m + ".") + c.function() + "/" + args.size();
    switch (key) {
      case "get_in/2", "Kernel.get_in/2":
        return Access.getIn(args.get(0), args.get(1));
      case "put_in/3", "Kernel.put_in/3":
        if (!(args.get(1) instanceof TermList l && !l.elements().isEmpty())) {
          throw Stdlib.functionClause(
              "Kernel.put_in/3",
              args,
              List.of("def put_in(data, -[_ | _] = keys-, value)"),
              "(elixir 1.14.0) lib/kernel.ex:2700: Kernel.put_in/3");
        }
        return Access.updateIn(
            args.get(0),
            Access.steps(args.get(1)),
            old -> args.get(2),
            "(elixir 1.14.0) lib/kernel.ex:2701: Kernel.put_in/3",
            Access.kernelFun("put_in"));
      case "update_in/3", "Kernel.update_in/3":
        boolean keys = args.get(1) instanceof TermList l && !l.elements().isEmpty();
        boolean fun = args.get(2) instanceof dev.kaboom.engine.Fun f && f.arity() == 1;
        if (!keys || !fun) {
          throw Stdlib.functionClause(
              "Kernel.update_in/3",
              args,
              List.of(
                  "def update_in(data, "
                      + (keys ? "[_ | _] = keys" : "-[_ | _] = keys-")
                      + ", fun) when -is_function(fun)-"),
              "(elixir 1.14.0) lib/kernel.ex:2733: Kernel.update_in/3");
        }
        return Access.updateIn(
            args.get(0),
            Access.steps(args.get(1)),
            old -> callFun(args.get(2), List.of(old)),
            "(elixir 1.14.0) lib/kernel.ex:2734: Kernel.update_in/3",
            Access.kernelFun("update_in"));
      case "h/0", "h/1":
        help();
        return DONT_DISPLAY;
      case "self/0", "Kernel.self/0":
        return me();
      case "v/0":
        return v(-1);
      case "v/1":
        if (args.get(0) instanceof IntTerm n) {
          return v(n.value());
        }
        throw new ConsoleError(
            "FunctionClauseError", "no function clause matching in IEx.Helpers.v/1");
      case "recompile/0", "recompile/1":
        // iex started without Mix (iex, not iex -S mix), as the course's iex sessions are
        say("Mix is not running. Please start IEx with: iex -S mix");
        return Atom.ERROR;
      case "exit/1", "Kernel.exit/1":
        throw new Exit(args.get(0));
      case "spawn/1", "Kernel.spawn/1":
        return spawnFun(args.get(0), false);
      case "spawn_link/1", "Kernel.spawn_link/1":
        return spawnFun(args.get(0), true);
      case "Process.monitor/1":
        return monitor(args.get(0));
      case "Process.demonitor/1", "Process.demonitor/2":
        if (args.get(0) instanceof dev.kaboom.engine.Ref r) {
          shellProc().demonitor(r);
          return Atom.TRUE;
        }
        throw argumentError(1, "not a reference", ":erlang.demonitor", args.get(0));
      case "flush/0":
        settle();
        for (Term t : mailbox) {
          say(Inspect.inspect(t));
        }
        mailbox.clear();
        return Atom.OK;
      case "pid/1":
        return pid(args.get(0));
      case "pid/3":
        if (args.get(1) instanceof IntTerm n) {
          return new Pid((int) n.value());
        }
        throw argumentError(2, "not an integer", "IEx.Helpers.pid", args.toArray(new Term[0]));
      case "send/2", "Process.send/3", "Kernel.send/2":
        return send(args.get(0), args.get(1));
      case "is_pid/1":
        return bool(args.get(0) instanceof Pid);
      case "is_atom/1":
        return bool(args.get(0) instanceof Atom);
      case "is_list/1":
        return bool(args.get(0) instanceof TermList || args.get(0) instanceof ImproperList);
      case "is_integer/1":
        return bool(Numbers.isInteger(args.get(0)));
      case "is_tuple/1":
        return bool(args.get(0) instanceof Tuple);
      case "is_map/1":
        return bool(args.get(0) instanceof MapTerm);
      case "is_binary/1":
        return bool(args.get(0) instanceof Bin);
      case "byte_size/1", "Kernel.byte_size/1":
        if (args.get(0) instanceof Bin b) {
          return new IntTerm(Binaries.bytes(b).length);
        }
        throw argumentError(1, "not a bitstring", ":erlang.byte_size", args.get(0));
      case "is_reference/1":
        return bool(args.get(0) instanceof dev.kaboom.engine.Ref);
      case "is_function/1":
        return bool(args.get(0) instanceof dev.kaboom.engine.Fun);
      case "is_nil/1":
        return bool(args.get(0) == NIL);
      case "!/1":
        return bool(args.get(0) == Atom.FALSE || args.get(0) == NIL);
      case "not/1":
        if (args.get(0) == Atom.TRUE || args.get(0) == Atom.FALSE) {
          return bool(args.get(0) == Atom.FALSE);
        }
        throw new ConsoleError("ArgumentError", "argument error");
      case "make_ref/0", "Kernel.make_ref/0", ":erlang.make_ref/0":
        return sim.node().makeRef();
      case "tuple_size/1":
        if (args.get(0) instanceof Tuple t) {
          return new IntTerm(t.size());
        }
        throw argumentError(1, "not a tuple", ":erlang.tuple_size", args.get(0));
      case "map_size/1":
        if (args.get(0) instanceof MapTerm map) {
          return new IntTerm(map.entries().size());
        }
        throw argumentError(1, "not a map", ":erlang.map_size", args.get(0));
      case "tl/1":
        if (args.get(0) instanceof TermList l && !l.elements().isEmpty()) {
          return l.drop(1);
        }
        if (args.get(0) instanceof ImproperList l) {
          return ImproperList.of(l.elements().subList(1, l.elements().size()), l.tail());
        }
        throw argumentError(1, "not a nonempty list", ":erlang.tl", args.get(0));
      case "length/1":
        if (args.get(0) instanceof TermList l) {
          return new IntTerm(l.elements().size());
        }
        throw argumentError(1, "not a list", ":erlang.length", args.get(0));
      case "elem/2":
        if (args.get(0) instanceof Tuple t
            && args.get(1) instanceof IntTerm i
            && i.value() >= 0
            && i.value() < t.size()) {
          return t.get((int) i.value());
        }
        if (args.get(1) instanceof IntTerm i) {
          // elem(t, i) is :erlang.element(i + 1, t)
          throw argumentError(
              1, "out of range", ":erlang.element", new IntTerm(i.value() + 1), args.get(0));
        }
        if (Numbers.isNumber(args.get(1))) {
          throw argumentError(
              1,
              "not an integer",
              ":erlang.element",
              Numbers.arith("+", args.get(1), new IntTerm(1)),
              args.get(0));
        }
        throw argumentError(1, "not an integer", ":erlang.element", args.get(1), args.get(0));
      case "hd/1":
        if (args.get(0) instanceof TermList l && !l.elements().isEmpty()) {
          return l.elements().get(0);
        }
        if (args.get(0) instanceof ImproperList l) {
          return l.elements().get(0);
        }
        throw argumentError(1, "not a nonempty list", ":erlang.hd", args.get(0));
      case "inspect/1", "Kernel.inspect/1":
        return new Bin(Inspect.inspectFlat(args.get(0)));
      case "IO.puts/1":
        say(putsText(args.get(0)));
        return Atom.OK;
      case "IO.inspect/1":
        say(Inspect.inspect(args.get(0)));
        return args.get(0);
      case "IO.inspect/2":
        return ioInspect(Atom.of("stdio"), args.get(0), args.get(1));
      case "IO.inspect/3":
        return ioInspect(args.get(0), args.get(1), args.get(2));
      case "i/0":
        return describe(v(-1));
      case "i/1":
        return describe(args.get(0));
      case "apply/2", "Kernel.apply/2":
        if (args.get(1) instanceof TermList l) {
          return callFun(args.get(0), l.elements());
        }
        throw argumentError(2, "not a list", ":erlang.apply", args.toArray(new Term[0]));
      case "apply/3", "Kernel.apply/3":
        {
          if (!(args.get(0) instanceof Atom mod)
              || !(args.get(1) instanceof Atom function)
              || !(args.get(2) instanceof TermList l)) {
            throw argumentError(1, "not an atom", ":erlang.apply", args.toArray(new Term[0]));
          }
          List<Expr> literals = new ArrayList<>();
          for (Term a : l.elements()) {
            literals.add(new Lit(a, c.line(), c.column()));
          }
          return call(
              new Call(
                  Inspect.moduleName(mod), function.name(), literals, true, c.line(), c.column()));
        }
      case "Process.whereis/1", "GenServer.whereis/1":
        return whereis(atomArg(args.get(0), ":erlang.whereis")).<Term>map(p -> p).orElse(NIL);
      case ":erlang.whereis/1":
        return whereis(atomArg(args.get(0), ":erlang.whereis"))
            .<Term>map(p -> p)
            .orElse(Atom.of("undefined"));
      case "Process.alive?/1", ":erlang.is_process_alive/1":
        return bool(sim.node().isAlive(pidArg(args.get(0), ":erlang.is_process_alive", args)));
      case "Process.exit/2", ":erlang.exit/2":
        {
          Pid target = pidArg(args.get(0), ":erlang.exit", args);
          if (current != null) {
            current.exit(target, args.get(1));
          } else {
            shell.exit(target, args.get(1));
          }
          return Atom.TRUE;
        }
      case "Process.sleep/1", ":timer.sleep/1":
        if (args.get(0) instanceof IntTerm ms && ms.value() >= 0) {
          await(() -> false, ms.value());
          return Atom.OK;
        }
        if (key.startsWith(":timer")) {
          throw new ConsoleError(
              "ErlangError",
              "Erlang error: :timeout_value",
              "    (stdlib 4.2) timer.erl:219: :timer.sleep/1");
        }
        {
          Term ms = args.get(0);
          throw Stdlib.functionClause(
              "Process.sleep/1",
              args,
              List.of(
                  "def sleep(timeout) when "
                      + (Numbers.isInteger(ms)
                          ? "is_integer(timeout) and -timeout >= 0-"
                          : "-is_integer(timeout)- and "
                              + (Inspect.compare(ms, new IntTerm(0)) >= 0
                                  ? "timeout >= 0"
                                  : "-timeout >= 0-"))
                      + " when -timeout == :infinity-"),
              "(elixir 1.14.0) lib/process.ex:250: Process.sleep/1");
        }
      case "Process.flag/2":
        return flag(args.get(0), args.get(1));
      case "Process.info/1":
        return info(pidArg(args.get(0), ":erlang.process_info", args), null);
      case "Process.info/2":
        if (!(args.get(0) instanceof Pid)) {
          ConsoleError e =
              argumentError(1, "not a pid", ":erlang.process_info", args.toArray(new Term[0]));
          throw new ConsoleError(
              e.kind,
              e.getMessage(),
              e.detail + "\n    (elixir 1.14.0) lib/process.ex:773: Process.info/2");
        }
        return info((Pid) args.get(0), args.get(1));
      case "Process.link/1":
        shellProc().link(pidArg(args.get(0), ":erlang.link", args));
        return Atom.TRUE;
      case "Process.unlink/1":
        shellProc().unlink(pidArg(args.get(0), ":erlang.unlink", args));
        return Atom.TRUE;
      case "Process.register/2":
        return bool(
            sim.node()
                .register(
                    engineName(atomArg(args.get(1), ":erlang.register")),
                    pidArg(args.get(0), ":erlang.register", args)));
      case "Process.list/0":
        return new TermList(sim.node().processes().stream().<Term>map(Proc::pid).toList());
      case "Supervisor.which_children/1":
        return supervisorCall(
            args.get(0), new SupervisorRequest.WhichChildren(), Atom.of("which_children"));
      case "Supervisor.count_children/1":
        return supervisorCall(
            args.get(0), new SupervisorRequest.CountChildren(), Atom.of("count_children"));
      case "Supervisor.terminate_child/2":
        return supervisorCall(
            args.get(0),
            new SupervisorRequest.TerminateChild(childId(args.get(1))),
            Term.tuple(Atom.of("terminate_child"), args.get(1)));
      case "Supervisor.restart_child/2":
        return supervisorCall(
            args.get(0),
            new SupervisorRequest.RestartChild(childId(args.get(1))),
            Term.tuple(Atom.of("restart_child"), args.get(1)));
      case "Supervisor.delete_child/2":
        return supervisorCall(
            args.get(0),
            new SupervisorRequest.DeleteChild(childId(args.get(1))),
            Term.tuple(Atom.of("delete_child"), args.get(1)));
      case "Supervisor.start_child/2":
        {
          if (args.get(1) instanceof MapTerm map
              && Stdlib.range(map) == null
              && resolve(args.get(0)).isPresent()) {
            // the supervisor checks a map as OTP's supervisor:check_childspec/1 does, then calls
            // its start function
            Term invalid = invalidChildSpec(map);
            if (invalid != null) {
              return Term.tuple(Atom.ERROR, invalid);
            }
            Term undef = undefinedStart(map);
            if (undef != null) {
              return undef;
            }
          }
          ChildSpec spec = childSpec(args.get(1));
          Term reply =
              supervisorCall(
                  args.get(0),
                  new SupervisorRequest.StartChild(spec),
                  Term.tuple(Atom.of("start_child"), args.get(1)));
          if (reply instanceof Tuple t
              && t.size() == 2
              && t.get(0) == Atom.ERROR
              && t.get(1) instanceof Tuple why
              && why.size() == 2
              && why.get(1).equals(Atom.of("child"))) {
            // OTP's {error, {Reason, #child{}}}: the record as iex prints it
            return Term.tuple(Atom.ERROR, Term.tuple(why.get(0), childRecord(spec, args.get(1))));
          }
          return reply;
        }
      case "Supervisor.child_spec/2":
        return supervisorChildSpec(args.get(0), args.get(1));
      case "Supervisor.start_link/2":
        return supervisorStartLink(args.get(0), args.get(1));
      case "DynamicSupervisor.start_link/1":
        return dynamicStartLink(args.get(0));
      case "DynamicSupervisor.start_child/2":
        return dynamicCall(
            args.get(0),
            new DynamicSupervisorBehavior.Request.StartChild(childSpec(args.get(1))),
            Term.tuple(Atom.of("start_child"), args.get(1)));
      case "DynamicSupervisor.terminate_child/2":
        return dynamicCall(
            args.get(0),
            args.get(1) instanceof Pid child
                ? new DynamicSupervisorBehavior.Request.TerminateChild(child)
                : null,
            Term.tuple(Atom.of("terminate_child"), args.get(1)));
      case "DynamicSupervisor.which_children/1":
        return dynamicCall(
            args.get(0),
            new DynamicSupervisorBehavior.Request.WhichChildren(),
            Atom.of("which_children"));
      case "DynamicSupervisor.count_children/1":
        return dynamicCall(
            args.get(0),
            new DynamicSupervisorBehavior.Request.CountChildren(),
            Atom.of("count_children"));
      case "DynamicSupervisor.stop/1":
        return stop(args.get(0), Atom.NORMAL);
      case "DynamicSupervisor.stop/2", "DynamicSupervisor.stop/3":
        return stop(args.get(0), args.get(1));
      case "Supervisor.stop/1", "GenServer.stop/1":
        return stop(args.get(0), Atom.NORMAL);
      case "Supervisor.stop/2", "GenServer.stop/2", "Supervisor.stop/3", "GenServer.stop/3":
        return stop(args.get(0), args.get(1));
      case "GenServer.call/2":
        return genServerCall(args.get(0), args.get(1), CALL_TIMEOUT);
      case "GenServer.call/3":
        return genServerCall(args.get(0), args.get(1), Inspect.inspectFlat(args.get(2)));
      case "GenServer.cast/2":
        resolve(args.get(0))
            .ifPresent(
                p -> {
                  handing(p, Term.tuple(Atom.of("$gen_cast"), args.get(1)), null);
                  shell.cast(p, args.get(1));
                });
        return Atom.OK;
      default:
        if (Numbers.runs(key)) {
          return Numbers.call(key, args);
        }
        if (Stdlib.runs(key)) {
          return stdlib.call(key, args);
        }
        if (Library.runs(key)) {
          return library.call(key, args);
        }
        return moduleCall(c, args);
    }
  }

  /**
   * A sigil's value: {@code ~s}/{@code ~S} the string, {@code ~c}/{@code ~C} its charlist, {@code
   * ~w}/{@code ~W} its words (strings, or atoms with {@code a}, charlists with {@code c}); {@code
   * ~r} and the others are not run (said so).
   */
  private Term sigil(Parser.SigilE g, Term text) {
    String s = ((Bin) text).value();
    switch (Character.toLowerCase(g.letter())) {
      case 's':
        return text;
      case 'c':
        return charlist(s);
      case 'w':
        {
          String mod = g.modifiers().isEmpty() ? "s" : g.modifiers();
          if (!List.of("s", "a", "c").contains(mod)) {
            throw new ConsoleError(
                "ArgumentError",
                "modifier must be one of: s, a, c",
                "    (elixir 1.14.0) lib/kernel.ex:6366: Kernel.split_words/3\n"
                    + "    (elixir 1.14.0) expanding macro: Kernel.sigil_"
                    + g.letter()
                    + "/2\n    iex:"
                    + (counter + g.line() - 1)
                    + ": (file)");
          }
          List<Term> words = new ArrayList<>();
          for (String w : s.strip().isEmpty() ? new String[0] : s.strip().split("\\s+")) {
            words.add(mod.equals("a") ? Atom.of(w) : mod.equals("c") ? charlist(w) : new Bin(w));
          }
          return new TermList(words);
        }
      case 'r':
        throw new ConsoleError(
            "Kaboom.UnsupportedError",
            "the Kaboom console does not run regular expressions: ~"
                + g.letter()
                + " makes a Regex in Elixir 1.14 (Regex and =~ are not part of the console)");
      default:
        if (Character.isLowerCase(g.letter())) {
          throw new ConsoleError(
              "CompileError",
              g.line(),
              g.column(),
              "undefined function sigil_" + g.letter() + "/2 (there is no such import)");
        }
        throw new ConsoleError(
            "Kaboom.UnsupportedError",
            "the Kaboom console does not run the sigil ~"
                + g.letter()
                + " (it reads ~s, ~S, ~c, ~C, ~w and ~W)");
    }
  }

  private static TermList charlist(String s) {
    List<Term> codes = new ArrayList<>();
    s.codePoints().forEach(cp -> codes.add(new IntTerm(cp)));
    return new TermList(codes);
  }

  /**
   * {@code <<...>>}: integers as their low bytes (big-endian, as many as the size says), strings
   * and {@code ::binary} segments as their bytes, {@code ::utf8} a code point's UTF-8.
   */
  private Term binary(Parser.BinE b) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Parser.Segment seg : b.segments()) {
      Term v = value(seg.value());
      if (v instanceof Bin bin
          && (seg.type().equals("binary")
              || (seg.type().equals("integer") && seg.value() instanceof Lit))) {
        byte[] bytes = Binaries.bytes(bin);
        out.write(bytes, 0, bytes.length);
      } else if (v instanceof IntTerm i && seg.type().equals("utf8")) {
        if (i.value() < 0 || i.value() > 0x10FFFF || (i.value() >= 0xD800 && i.value() <= 0xDFFF)) {
          throw new ConsoleError("ArgumentError", "argument error");
        }
        byte[] bytes =
            new String(Character.toChars((int) i.value()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      } else if (v instanceof IntTerm i && seg.type().equals("integer")) {
        for (int shift = seg.bits() - 8; shift >= 0; shift -= 8) {
          out.write((int) (i.value() >> shift) & 0xFF);
        }
      } else {
        throw new ConsoleError("ArgumentError", "argument error");
      }
    }
    return Binaries.of(out.toByteArray());
  }

  /**
   * {@code put_in(data[:a].b, value)} and {@code update_in(data[:a].b, fun)}: the path's root is
   * evaluated, its {@code [key]} steps go through Access, its {@code .field} steps must exist.
   */
  private Term updateInPath(Call c) {
    List<Access.Step> path = new ArrayList<>();
    Expr e = c.args().get(0);
    while (e instanceof Parser.AccessE || e instanceof Parser.Field) {
      if (e instanceof Parser.AccessE a) {
        path.add(0, new Access.Step(value(a.key()), false));
        e = a.container();
      } else {
        Parser.Field f = (Parser.Field) e;
        path.add(0, new Access.Step(Atom.of(f.field()), true));
        e = f.map();
      }
    }
    Term root = value(e);
    Term given = value(c.args().get(1));
    // the macro hands Access an erl_eval fun
    Term shown = new dev.kaboom.engine.Fun(nextFun++, 1, null);
    if (c.function().equals("put_in")) {
      return Access.updateIn(root, path, old -> given, null, shown);
    }
    return Access.updateIn(root, path, old -> callFun(given, List.of(old)), null, shown);
  }

  private Proc shellProc() {
    if (current != null) {
      return current;
    }
    return sim.node().process(shell.pid()).orElseThrow(ShellDied::new);
  }

  /** {@code self()}: the shell, or the spawned function's process while its body runs. */
  private Pid me() {
    return current != null ? current.pid() : shell.pid();
  }

  // ---- functions (fn ... end) ----

  /** What a {@link dev.kaboom.engine.Fun} runs: its clause and the bindings it closed over. */
  private record Closure(Parser.Fn fn, Map<String, Term> env) implements Shown {
    @Override
    public String shown() {
      return fn.shown();
    }
  }

  /** A function value's own text, when iex does not write it as erl_eval's fun (null: it does). */
  interface Shown {
    String shown();
  }

  /**
   * {@code exit(reason)} ({@code Kernel.exit/1}): the shell's line ends, or the spawned process.
   */
  private static final class Exit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Term reason;

    Exit(Term reason) {
      super(null, null, false, false);
      this.reason = reason;
    }
  }

  /**
   * {@code f.(args)}: the first clause whose patterns match the arguments and whose guard holds
   * runs, with the bindings the function closed over (FunctionClauseError when none does); a
   * captured named function ({@code &IO.puts/1}) is called with them.
   */
  private Term callFun(Term f, List<Term> args) {
    if (callDepth >= maxCallDepth) {
      throw new ConsoleError(
          "SystemLimitError",
          "a system limit has been reached (the Kaboom console runs functions nested up to "
              + String.format(java.util.Locale.ROOT, "%,d", maxCallDepth)
              + " calls deep; iex would go on until its memory ran out)");
    }
    callDepth++;
    try {
      if (callDepth == DEEP_AFTER_CALLS && !onDeepStack) {
        return onDeepStack(() -> callFunHere(f, args));
      }
      return callFunHere(f, args);
    } finally {
      callDepth--;
    }
  }

  /** How deep the functions being run are nested ({@code f.(x)} inside {@code f.(x)}, ...). */
  private int callDepth;

  /** True while the line runs on a thread of {@link #onDeepStack}. */
  private boolean onDeepStack;

  /**
   * A function called this deep runs on a thread of its own with a stack of {@link
   * #DEEP_STACK_BYTES} (the caller's, a terminal's main thread or the window's, holds about a
   * thousand levels; Erlang's recursion is bounded only by memory).
   */
  static final int DEEP_AFTER_CALLS = 64;

  /** The deep thread's stack: reserved, and used (committed) only as far as the calls go. */
  static final long DEEP_STACK_BYTES = 1L << 30;

  /**
   * The deepest nesting of calls the console runs: a SystemLimitError past it (a simple recursive
   * fn uses about 2.5 KB of the deep stack a level; an endless one stops here within seconds).
   */
  static final int MAX_CALL_DEPTH = 200_000;

  private int maxCallDepth = MAX_CALL_DEPTH;

  /** Lowers (or raises) {@link #MAX_CALL_DEPTH} for this console: tests of the limit. */
  void maxCallDepth(int calls) {
    maxCallDepth = calls;
  }

  /**
   * Runs {@code body} on a new thread with a deep stack while this one waits for it: the engine and
   * the console stay single-threaded (one of the two threads runs at a time; start and join order
   * their memory), and the thread ends with {@code body}, so its stack is given back. What {@code
   * body} throws is thrown here.
   */
  private <T> T onDeepStack(java.util.function.Supplier<T> body) {
    java.util.concurrent.atomic.AtomicReference<T> result =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    long[] refWords = Inspect.refWords();
    long[] work = Work.current();
    Thread deep =
        new Thread(
            null,
            () ->
                Work.spendingFrom(
                    work,
                    () ->
                        Inspect.withRefWords(
                            refWords,
                            () -> {
                              try {
                                result.set(body.get());
                              } catch (Throwable t) {
                                thrown.set(t);
                              }
                            })),
            "kaboom-console-deep",
            DEEP_STACK_BYTES);
    deep.setDaemon(true);
    onDeepStack = true;
    try {
      deep.start();
    } catch (OutOfMemoryError noThread) {
      onDeepStack = false;
      return body.get(); // no thread to be had: on this stack, as far as it goes
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          deep.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the engine is the deep thread's until it ends
        }
      }
    } finally {
      onDeepStack = false;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable t = thrown.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }

  private Term callFunHere(Term f, List<Term> args) {
    if (!(f instanceof dev.kaboom.engine.Fun fun)
        || !(fun.code() instanceof Closure || fun.code() instanceof Captured)) {
      throw new ConsoleError(
          "BadFunctionError", "expected a function, got: " + Inspect.inspectFlat(f));
    }
    if (fun.arity() != args.size()) {
      throw new ConsoleError(
          "BadArityError",
          Inspect.inspectFlat(fun)
              + " with arity "
              + fun.arity()
              + " called with "
              + (args.isEmpty()
                  ? "no arguments"
                  : args.size()
                      + (args.size() == 1 ? " argument (" : " arguments (")
                      + String.join(", ", args.stream().map(Inspect::inspectFlat).toList())
                      + ")"));
    }
    if (fun.code() instanceof Captured c) {
      List<Expr> literals = new ArrayList<>();
      for (Term a : args) {
        literals.add(new Lit(a, 1, 1));
      }
      return call(new Call(c.module(), c.function(), literals, true, 1, 1));
    }
    Closure closure = (Closure) fun.code();
    Map<String, Term> saved = new HashMap<>(bindings);
    try {
      for (Parser.Clause clause : closure.fn().clauses()) {
        bindings.clear();
        bindings.putAll(closure.env());
        Map<String, Term> params = matchClause(clause, args);
        if (params != null) {
          bindings.putAll(params);
          return value(clause.body());
        }
      }
    } finally {
      bindings.clear();
      bindings.putAll(saved);
    }
    throw functionClause(args);
  }

  /**
   * The bindings of {@code clause}'s patterns matched against {@code args} (with {@link #bindings}
   * as the bindings a pin reads), or null when a pattern does not match or its guard does not hold.
   * A guard that raises does not hold, as in Elixir.
   */
  private Map<String, Term> matchClause(Parser.Clause clause, List<Term> args) {
    Map<String, Term> params = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      if (!match(clause.params().get(i), args.get(i), params)) {
        return null;
      }
    }
    if (clause.guard() == null) {
      return params;
    }
    Map<String, Term> saved = new HashMap<>(bindings);
    bindings.putAll(params);
    try {
      return value(clause.guard()) == Atom.TRUE ? params : null;
    } catch (ConsoleError e) {
      return null;
    } finally {
      bindings.clear();
      bindings.putAll(saved);
    }
  }

  /**
   * A named function as a value ({@code &IO.puts/1}), written as iex writes it: Elixir inlines some
   * ({@code &Process.alive?/1} is {@code &:erlang.is_process_alive/1}, {@code &self/0} is {@code
   * &:erlang.self/0}), a Kernel function is {@code &Kernel.inspect/1}, an IEx helper {@code
   * &IEx.Helpers.flush/0}; a local function nobody has is Elixir's CompileError.
   */
  private Term captured(Parser.CaptureRef c) {
    String name = c.function() + "/" + c.arity();
    String shown;
    if (c.module() == null) {
      String erlang = INLINED.get(name);
      if (name.equals("h/1")) {
        // a macro: iex wraps it in an erl_eval fun
        return new dev.kaboom.engine.Fun(nextFun++, 1, new Captured(null, "h", null));
      } else if (erlang != null) {
        shown = ":erlang." + erlang;
      } else if (IEX_HELPERS.contains(name)) {
        shown = "IEx.Helpers." + c.function();
      } else if (KERNEL.contains(name)) {
        shown = "Kernel." + c.function();
      } else {
        throw new ConsoleError(
            "CompileError",
            c.line(),
            c.column(),
            "undefined function " + name + " (there is no such import)");
      }
    } else {
      String erlang = INLINED.get(c.module() + "." + name);
      shown = erlang != null ? ":erlang." + erlang : c.module() + "." + c.function();
    }
    return new dev.kaboom.engine.Fun(
        nextFun++,
        c.arity(),
        new Captured(c.module(), c.function(), "&" + shown + "/" + c.arity()));
  }

  // ---- receive ----

  /** The longest a receive without {@code after} waits on virtual time for a message: an hour. */
  static final long MAX_RECEIVE_WAIT_MILLIS = VirtualScheduler.MAX_ADVANCE_MILLIS_PER_STEP;

  /**
   * {@code receive do ... after T -> ... end} in the shell: the first message of the shell's
   * mailbox (oldest first) that a clause matches (pattern and guard) is taken out and that clause
   * runs; else the engine runs on virtual time (never the wall clock) until such a message comes,
   * or {@code T} milliseconds have passed ({@code after 0}: at once), then the {@code after} clause
   * runs. Without {@code after}, when nothing left in the engine can send the shell a message (only
   * background timers remain, or an hour of virtual time passed), iex would wait for ever: the
   * console ends the line as iex's Ctrl+G {@code i} does ({@link Blocked}).
   */
  private Term receive(Parser.Receive r) {
    if (current != null) {
      throw new ConsoleError(
          "RuntimeError",
          "the Kaboom console runs a spawned function's receive only as one of its body's"
              + " expressions (x = receive ... end too), not inside another one");
    }
    long timeout = -1;
    if (r.after() != null) {
      Term t = value(r.after().params().get(0));
      if (t instanceof IntTerm ms && ms.value() >= 0) {
        timeout = ms.value();
      } else if (!t.equals(Atom.of("infinity"))) {
        throw new ConsoleError("ErlangError", "Erlang error: :timeout_value");
      }
    }
    var scheduler = sim.node().scheduler();
    long start = scheduler.nowMillis();
    while (true) {
      settle();
      if (shellDeath != null) {
        throw new ShellDied();
      }
      for (int i = 0; i < mailbox.size(); i++) {
        for (Parser.Clause c : r.clauses()) {
          Map<String, Term> bound = matchClause(c, List.of(mailbox.get(i)));
          if (bound != null) {
            mailbox.remove(i);
            return runClause(c, bound);
          }
        }
      }
      long now = scheduler.nowMillis();
      long next = scheduler.nextTimerMillis();
      if (timeout >= 0) {
        if (now - start >= timeout) {
          return runClause(r.after(), Map.of());
        }
        scheduler.advanceBy(
            Math.min(next, start + timeout) - now, VirtualScheduler.MAX_TURNS_PER_STEP);
        continue;
      }
      if (scheduler.isIdle() || next == Long.MAX_VALUE || next - start > MAX_RECEIVE_WAIT_MILLIS) {
        throw new Blocked();
      }
      scheduler.advanceBy(next - now, VirtualScheduler.MAX_TURNS_PER_STEP);
    }
  }

  /** The first clause of {@code r} that takes {@code message}, with its bindings; or null. */
  private Map.Entry<Parser.Clause, Map<String, Term>> clauseFor(Parser.Receive r, Term message) {
    if (message == null) {
      return null;
    }
    for (Parser.Clause c : r.clauses()) {
      Map<String, Term> bound = matchClause(c, List.of(message));
      if (bound != null) {
        return Map.entry(c, bound);
      }
    }
    return null;
  }

  /** A message as a spawned function's receive sees it (null: none it can match). */
  private static Term messageTerm(Object m) {
    if (m instanceof dev.kaboom.engine.Down d) {
      return Term.tuple(Atom.of("DOWN"), d.ref(), Atom.of("process"), d.pid(), d.reason());
    }
    if (m instanceof ExitMessage x) {
      return x.asTerm();
    }
    return m instanceof Term t ? t : null;
  }

  /** {@code pattern = value} in the current bindings (MatchError when it does not match). */
  private Term bind(Expr pattern, Term v) {
    if (pattern == null) {
      return v;
    }
    Map<String, Term> bound = new HashMap<>();
    if (!match(pattern, v, bound)) {
      throw new ConsoleError(
          "MatchError", "no match of right hand side value: " + Inspect.inspectFlat(v));
    }
    bindings.putAll(bound);
    return v;
  }

  /** A clause's body with its pattern's bindings, which do not outlive it (Elixir's scoping). */
  private Term runClause(Parser.Clause c, Map<String, Term> bound) {
    Map<String, Term> saved = new HashMap<>(bindings);
    bindings.putAll(bound);
    try {
      return value(c.body());
    } finally {
      bindings.clear();
      bindings.putAll(saved);
    }
  }

  /** A receive that nothing can answer: iex would wait until Ctrl+G, {@code i}, {@code c}. */
  private static final class Blocked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Blocked() {
      super(null, null, false, false);
    }
  }

  /**
   * What iex does when the user interrupts a blocked shell (Ctrl+G, {@code i}, {@code c}): the
   * shell's evaluator is killed (what it linked dies with it), a new one takes its place (a new
   * pid, the bindings and history gone, the prompt number kept) and iex prints {@code ** (EXIT)
   * interrupted}.
   */
  private void interrupt(StringBuilder sb) {
    say(
        "(nothing left in the run can send the shell a message: iex would wait here for ever,"
            + " until Ctrl+G, i, c, which the console does for you)");
    shell.exit(shell.pid(), Atom.of("kill"));
    settle();
    drain(sb);
    int keep = counter;
    forgetShell();
    counter = keep;
    newShell();
    sb.append("** (EXIT) interrupted\n");
  }

  /** A captured named function: what it calls and how iex writes it ({@code &IO.puts/1}). */
  record Captured(String module, String function, String shown) implements Shown {}

  /** Functions Elixir 1.14 inlines to Erlang's: iex writes their captures as {@code :erlang}'s. */
  private static final Map<String, String> INLINED =
      Map.ofEntries(
          Map.entry("self/0", "self"),
          Map.entry("send/2", "send"),
          Map.entry("spawn/1", "spawn"),
          Map.entry("spawn_link/1", "spawn_link"),
          Map.entry("make_ref/0", "make_ref"),
          Map.entry("exit/1", "exit"),
          Map.entry("is_pid/1", "is_pid"),
          Map.entry("is_atom/1", "is_atom"),
          Map.entry("is_list/1", "is_list"),
          Map.entry("is_integer/1", "is_integer"),
          Map.entry("is_tuple/1", "is_tuple"),
          Map.entry("is_map/1", "is_map"),
          Map.entry("is_binary/1", "is_binary"),
          Map.entry("is_reference/1", "is_reference"),
          Map.entry("is_function/1", "is_function"),
          Map.entry("length/1", "length"),
          Map.entry("hd/1", "hd"),
          Map.entry("tl/1", "tl"),
          Map.entry("tuple_size/1", "tuple_size"),
          Map.entry("map_size/1", "map_size"),
          Map.entry("Process.alive?/1", "is_process_alive"),
          Map.entry("Process.exit/2", "exit"),
          Map.entry("Process.link/1", "link"),
          Map.entry("Process.unlink/1", "unlink"),
          Map.entry("Process.flag/2", "process_flag"),
          Map.entry("Kernel.self/0", "self"),
          Map.entry("Kernel.send/2", "send"));

  private static final Set<String> IEX_HELPERS =
      Set.of("flush/0", "v/0", "v/1", "pid/1", "pid/3", "recompile/0", "h/0", "i/1");

  private static final Set<String> KERNEL =
      Set.of("elem/2", "inspect/1", "inspect/2", "is_nil/1", "to_string/1", "max/2", "min/2");

  private static ConsoleError functionClause(List<Term> args) {
    return Stdlib.functionClause(
        ":erl_eval.\"-inside-an-interpreted-fun-\"/" + args.size(), args, null, null);
  }

  private static String typeName(Term t) {
    return Stdlib.typeName(t);
  }

  /**
   * {@code spawn(fn -> ... end)} / {@code spawn_link}: a process that runs the function's body, one
   * expression after the other; a {@code Process.sleep(ms)} or {@code :timer.sleep(ms)} among them
   * lets the virtual time pass before the next. It ends with {@code normal} after the last, with
   * the reason of {@code exit(reason)}, or with the error a line raised.
   */
  private Term spawnFun(Term f, boolean link) {
    if (!(f instanceof dev.kaboom.engine.Fun fun) || fun.arity() != 0) {
      throw argumentError(1, "not a fun of arity 0", ":erlang.spawn" + (link ? "_link" : ""), f);
    }
    if (!(fun.code() instanceof Closure closure)) {
      throw argumentError(1, "not a fun of arity 0", ":erlang.spawn" + (link ? "_link" : ""), f);
    }
    Expr body = closure.fn().clauses().get(0).body();
    List<Expr> steps = body instanceof Block b ? b.exprs() : List.of(body);
    Map<String, Term> local = new HashMap<>(closure.env());
    dev.kaboom.engine.Behavior code =
        new dev.kaboom.engine.Behavior() {
          @Override
          public void init(Proc self) {
            run(self, 0, null);
          }

          @Override
          public void handle(Proc self, Object message) {
            // what the body does not receive waits in the process's mailbox (Proc.receive)
          }

          /**
           * Runs {@code first} (a receive's clause), then the body's steps from {@code from}, in
           * the process's own bindings, until a sleep or a receive waits or the body ends.
           */
          private void run(Proc self, int from, java.util.function.Supplier<Term> first) {
            Map<String, Term> saved = new HashMap<>(bindings);
            Proc before = current;
            current = self;
            bindings.clear();
            bindings.putAll(local);
            try {
              if (first != null) {
                first.get();
              }
              for (int i = from; i < steps.size(); i++) {
                Expr step = steps.get(i);
                Long sleep = sleepMillis(step);
                int next = i + 1;
                if (sleep != null) {
                  self.sleep(sleep, () -> run(self, next, null));
                  return;
                }
                Expr pattern = step instanceof Match m ? m.pattern() : null;
                Expr expr = step instanceof Match m ? m.expr() : step;
                if (expr instanceof Parser.Receive r) {
                  waitFor(self, r, pattern, next);
                  return;
                }
                value(step);
              }
              self.die(Atom.NORMAL);
            } catch (Exit x) {
              self.die(x.reason);
            } catch (ConsoleError e) {
              self.die(Term.tuple(Atom.of(e.kind), new Bin(e.getMessage())));
            } finally {
              local.clear();
              local.putAll(bindings);
              current = before;
              bindings.clear();
              bindings.putAll(saved);
            }
          }

          /**
           * A receive among the body's steps: the engine's selective receive takes the first
           * message a clause matches (the others stay), or the after clause runs once its time
           * passed; then the next steps. {@code pattern}: {@code x = receive ...} binds x.
           */
          private void waitFor(Proc self, Parser.Receive r, Expr pattern, int next) {
            long timeout = -1;
            if (r.after() != null) {
              Term t = value(r.after().params().get(0));
              if (t instanceof IntTerm ms && ms.value() >= 0) {
                timeout = ms.value();
              } else if (!t.equals(Atom.of("infinity"))) {
                throw new ConsoleError("ErlangError", "Erlang error: :timeout_value");
              }
            }
            self.receive(
                m -> inProcess(self, () -> clauseFor(r, messageTerm(m)) != null),
                m ->
                    run(
                        self,
                        next,
                        () -> {
                          Term t = messageTerm(m);
                          Map.Entry<Parser.Clause, Map<String, Term>> c = clauseFor(r, t);
                          return bind(pattern, runClause(c.getKey(), c.getValue()));
                        }),
                timeout,
                timeout < 0
                    ? null
                    : () -> run(self, next, () -> bind(pattern, runClause(r.after(), Map.of()))));
          }

          private <T> T inProcess(Proc self, java.util.function.Supplier<T> body) {
            Map<String, Term> saved = new HashMap<>(bindings);
            Proc before = current;
            current = self;
            bindings.clear();
            bindings.putAll(local);
            try {
              return body.get();
            } finally {
              current = before;
              bindings.clear();
              bindings.putAll(saved);
            }
          }
        };
    Proc spawner = shellProc();
    return link ? spawner.spawnLink(code, null) : spawner.spawn(code, null);
  }

  /** The milliseconds of a body's {@code Process.sleep(ms)} / {@code :timer.sleep(ms)}, or null. */
  private Long sleepMillis(Expr e) {
    if (e instanceof Call c
        && c.args().size() == 1
        && (("Process".equals(c.module()) || ":timer".equals(c.module()))
            && c.function().equals("sleep"))
        && value(c.args().get(0)) instanceof IntTerm ms
        && ms.value() >= 0) {
      return ms.value();
    }
    return null;
  }

  /**
   * {@code Process.monitor(pid | name)}: a reference; when the process ends (at once when there is
   * none) {@code flush()} shows {@code {:DOWN, ref, :process, pid, reason}} ({@code {name,
   * :nonode@nohost}} for a name).
   */
  private Term monitor(Term target) {
    if (target instanceof Pid p) {
      return shellProc().monitor(p);
    }
    if (target instanceof Atom a) {
      Optional<Pid> p = whereis(a);
      dev.kaboom.engine.Ref ref = shellProc().monitor(p.orElse(new Pid(0)));
      monitorNames.put(ref, Term.tuple(a, Atom.of("nonode@nohost")));
      return ref;
    }
    throw argumentError(2, "invalid monitor target", ":erlang.monitor", Atom.of("process"), target);
  }

  // ---- h ----

  /**
   * What iex 1.14 prints for {@code h KEY} ({@code Supervisor}, {@code Process.exit}), for the
   * Elixir modules and functions the console runs: recorded from real iex by {@code
   * conformance/iex/record-docs.sh} (Elixir's documentation, Apache License 2.0).
   */
  private static Map<String, String> docs;

  private static synchronized Map<String, String> docs() {
    if (docs == null) {
      Map<String, String> m = new HashMap<>();
      try (var in = Console.class.getResourceAsStream("iex-docs.txt")) {
        String key = null;
        StringBuilder text = new StringBuilder();
        for (String line :
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("=== ")) {
            if (key != null) {
              m.put(key, text.toString());
            }
            key = line.substring(4);
            text.setLength(0);
          } else if (key != null) {
            text.append(line).append('\n');
          }
        }
        if (key != null) {
          m.put(key, text.toString());
        }
      } catch (IOException | NullPointerException e) {
        // no docs bundled: h says it found none
      }
      docs = m;
    }
    return docs;
  }

  /**
   * {@code h WHAT} (a macro: its argument is not run): a module ({@code h Supervisor}), a function
   * ({@code h Process.exit}, {@code h Process.exit/2}: all its arities' docs) or a helper ({@code h
   * flush}), as iex 1.14 prints them; a world module has no docs ({@code No documentation for
   * Servy.PledgeServer was found}) and its functions only their heading; a module nobody has is
   * {@code Could not load module Nope, got: nofile}. Elixir's other functions are not bundled: the
   * console says so and where their docs are.
   */
  private Term doc(Expr what) {
    Expr target = what instanceof Op o && o.op().equals("/") ? o.left() : what;
    String module;
    String function;
    if (target instanceof Lit l && Inspect.moduleAlias(l.value()) != null) {
      module = Inspect.moduleAlias(l.value());
      function = null;
    } else if (target instanceof Lit l && l.value() instanceof Atom a && a.isPlain()) {
      module = ":" + a.name(); // h :ets, an Erlang module
      function = null;
    } else if (target instanceof Call c && c.args().isEmpty() && !c.parens()) {
      module = c.module();
      function = c.function();
    } else if (target instanceof Var v) {
      module = null;
      function = v.name();
    } else {
      help();
      return DONT_DISPLAY;
    }
    if (module == null) {
      module =
          exports("IEx.Helpers", function)
              ? "IEx.Helpers"
              : exports("Kernel.SpecialForms", function) ? "Kernel.SpecialForms" : "Kernel";
    }
    String key = module + (function == null ? "" : "." + function);
    String text = docs().get(key);
    if (text != null && what instanceof Op o && o.right() instanceof Lit n) {
      // h Module.fun/N: only the definitions (and specs) of that arity
      if (n.value() instanceof IntTerm arity) {
        // an Erlang function's specs are headed :ets.new/2; Elixir's docs by their def lines
        text =
            module.startsWith(":")
                ? text.contains(key + "/" + arity.value() + "\n") ? text : ""
                : docOfArity(text, (int) arity.value());
      }
      if (text.isEmpty()) {
        say(
            module.startsWith(":")
                ? module + " was not compiled with docs" // as iex on an OTP without doc chunks
                : "No documentation for "
                    + key
                    + "/"
                    + Inspect.inspectFlat(n.value())
                    + " was found");
        return DONT_DISPLAY;
      }
    }
    if (text != null) {
      text.lines().forEach(this::say);
      return DONT_DISPLAY;
    }
    TreeNode node = modules.get(module);
    if (node != null) {
      if (function == null) {
        say("No documentation for " + module + " was found");
      } else {
        List<String> heads = new ArrayList<>();
        for (String f : functions(node)) {
          if (f.startsWith(function + "/")) {
            heads.add(signature(node, function, Integer.parseInt(f.substring(f.indexOf('/') + 1))));
          }
        }
        if (heads.isEmpty()) {
          say("No documentation for " + key + " was found");
        }
        for (String head : heads) {
          say("");
          say(" ".repeat(Math.max(0, (Inspect.WIDTH - head.length()) / 2)) + head);
          say("");
        }
      }
      return DONT_DISPLAY;
    }
    Set<String> exported = elixirExports().get(module);
    if (exported == null && !KNOWN_MODULES.contains(module) && !ERLANG_MODULES.contains(module)) {
      say("Could not load module " + module + ", got: nofile");
      return DONT_DISPLAY;
    }
    if (module.startsWith(":") && function == null) {
      // iex 1.14 on an OTP 25 built without doc chunks (as the recordings were made)
      say(module + " was not compiled with docs");
      return DONT_DISPLAY;
    }
    Integer arity =
        what instanceof Op o && o.right() instanceof Lit n && n.value() instanceof IntTerm a
            ? (int) a.value()
            : null;
    String named = key + (arity == null ? "" : "/" + arity);
    if (exported != null && function != null) {
      String first = null;
      for (String f : exported) {
        if (arity == null ? f.startsWith(function + "/") : f.equals(function + "/" + arity)) {
          first = first == null ? f : first;
        }
      }
      if (first == null) {
        // as iex: no such function (a behaviour's callback of that name is b/1's)
        Set<String> callbacks = elixirExports().getOrDefault(module + "@callbacks", Set.of());
        if (arity == null && callbacks.stream().anyMatch(f -> f.startsWith(function + "/"))) {
          say(
              "No documentation for function "
                  + key
                  + " was found, but there is a callback with the same name.");
          say("You can view callback documentation with the b/1 helper.");
        } else {
          say("No documentation for " + named + " was found");
        }
        return DONT_DISPLAY;
      }
      say(
          notBundled(
              module,
              function,
              arity,
              Integer.parseInt(first.substring(first.lastIndexOf('/') + 1))));
      return DONT_DISPLAY;
    }
    say(notBundled(module, function, arity, arity));
    return DONT_DISPLAY;
  }

  /**
   * The line {@code h} prints for an existing function (or module) whose docs the console has not
   * bundled: what iex would show there and where to read it.
   */
  static String notBundled(String module, String function, Integer arity, Integer anchor) {
    String named = module + (function == null ? "" : "." + function);
    String url;
    if (module.startsWith(":")) {
      url =
          "https://www.erlang.org/doc/man/"
              + module.substring(1)
              + ".html"
              + (function == null ? "" : "#" + function + (anchor == null ? "" : "-" + anchor));
    } else {
      url =
          "https://hexdocs.pm/"
              + (module.startsWith("IEx") ? "iex" : "elixir")
              + "/1.14.0/"
              + module
              + ".html"
              + (function == null ? "" : "#" + function + (anchor == null ? "" : "/" + anchor));
    }
    return "The Kaboom console has not bundled the docs of "
        + named
        + (function == null || arity == null ? "" : "/" + arity)
        + " (iex prints them here); they are at "
        + url;
  }

  private static Map<String, Set<String>> exports;

  /**
   * What Elixir 1.14's modules export ({@code "Enum" -> {"filter/2", ...}}, {@code
   * "GenServer@callbacks" -> {"handle_call/3", ...}}), recorded by {@code
   * conformance/iex/record-functions.sh}.
   */
  static synchronized Map<String, Set<String>> elixirExports() {
    if (exports == null) {
      Map<String, Set<String>> m = new HashMap<>();
      try (var in = Console.class.getResourceAsStream("elixir-functions.txt")) {
        for (String line :
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] words = line.split(" ");
          m.put(words[0], new java.util.LinkedHashSet<>(List.of(words).subList(1, words.length)));
        }
      } catch (IOException | NullPointerException e) {
        // not bundled: every function of a known module is taken to exist
      }
      exports = m;
    }
    return exports;
  }

  private static boolean exports(String module, String function) {
    return elixirExports().getOrDefault(module, Set.of()).stream()
        .anyMatch(f -> f.startsWith(function + "/"));
  }

  private static final java.util.regex.Pattern DOC_HEADING =
      java.util.regex.Pattern.compile(" {2,}(def|defmacro) [a-z_?!]+\\((.*)\\)");

  /**
   * Of a function's docs (all its arities), the sections whose {@code def} takes {@code arity}
   * arguments (defaults counted), each without the {@code @spec}s of other arities; empty when no
   * section does.
   */
  static String docOfArity(String text, int arity) {
    // a def whose arity is exactly this one comes first (iex's lookup); else one with defaults
    boolean exact =
        text.lines()
            .map(DOC_HEADING::matcher)
            .anyMatch(m -> m.matches() && topLevel(m.group(2)).size() == arity);
    StringBuilder out = new StringBuilder();
    boolean keep = false;
    boolean inSpec = false;
    boolean specKept = false;
    for (String line : text.split("\n", -1)) {
      var heading = DOC_HEADING.matcher(line);
      if (heading.matches()) {
        List<String> params = topLevel(heading.group(2));
        long optional = params.stream().filter(p -> p.contains("\\\\")).count();
        keep =
            exact
                ? params.size() == arity
                : arity <= params.size() && arity >= params.size() - optional;
        inSpec = false;
      }
      if (!keep) {
        continue;
      }
      if (line.startsWith("  @spec ")) {
        inSpec = true;
        String spec = line.substring(line.indexOf("@spec ") + 6);
        int open = spec.indexOf('(');
        int a = open < 0 ? -1 : specArity(spec.substring(open + 1));
        specKept = a == arity || a == -1;
      } else if (inSpec && !line.startsWith("   ")) {
        inSpec = false;
        if (!specKept && line.isEmpty()) {
          continue; // the blank line after a spec of another arity
        }
      }
      if (inSpec && !specKept) {
        continue;
      }
      out.append(line).append('\n');
    }
    return out.toString().strip().isEmpty() ? "" : out.toString();
  }

  /** The arguments of a spec's first line from after its {@code (}: -1 when it goes on. */
  private static int specArity(String afterParen) {
    int depth = 0;
    int count = 0;
    boolean any = false;
    for (char c : afterParen.toCharArray()) {
      if (depth == 0 && c == ')') {
        return any ? count + 1 : 0;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        count++;
      }
      if (!Character.isWhitespace(c)) {
        any = true;
      }
    }
    return -1; // spread over lines: kept with its def
  }

  /** {@code a, b \\\\ [], c} split at its top-level commas (none: empty). */
  private static List<String> topLevel(String params) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < params.length(); i++) {
      char c = params.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(params.substring(from, i).strip());
        from = i + 1;
      }
    }
    if (!params.isBlank()) {
      out.add(params.substring(from).strip());
    }
    return out;
  }

  /** The heading iex writes for a world module's function without docs. */
  private String signature(TreeNode node, String function, int arity) {
    if (function.equals("start_link")) {
      if (arity == 0) {
        return "def start_link()";
      }
      boolean hasArg = node.builtin().map(b -> b.arg().isPresent()).orElse(false);
      String param =
          node.builtin().map(b -> b.behavior().equals("sensor_server")).orElse(false)
              ? "interval"
              : "arg";
      return hasArg ? "def start_link(" + param + ")" : "def start_link(_arg \\\\ :ok)";
    }
    return "def "
        + function
        + "("
        + String.join(
            ", ",
            node.builtin()
                .map(b -> Builtins.clientParams(b.behavior(), function))
                .orElse(List.of()))
        + ")";
  }

  /** {@code v(n)}: the value of line n (n > 0) or of the n-th line back (n < 0). */
  private Term v(long n) {
    long i = n > 0 ? n - 1 : results.size() + n;
    if (n == 0 || i < 0 || i >= results.size()) {
      throw new ConsoleError(
          "RuntimeError",
          "v(" + n + ") is out of bounds",
          "    (iex 1.14.0) lib/iex/history.ex:54: IEx.History.nth/2\n"
              + "    (iex 1.14.0) lib/iex/helpers.ex:402: IEx.Helpers.v/1");
    }
    return results.get((int) i);
  }

  /** A function of a world module: start_link, or a client function of its built-in behaviour. */
  private Term moduleCall(Call c, List<Term> args) {
    String m = c.module();
    String shown =
        c.display()
            + "("
            + String.join(", ", args.stream().map(Inspect::inspectFlat).toList())
            + ")";
    if (m == null) {
      throw new ConsoleError(
          "CompileError",
          c.line(),
          c.column(),
          "undefined function " + c.function() + "/" + args.size() + " (there is no such import)");
    }
    TreeNode node = modules.get(m);
    ConsoleError erlang =
        node == null && m.startsWith(":") ? Library.undefinedErlang(m, c.function(), args) : null;
    if (erlang != null) {
      throw erlang;
    }
    if (node == null) {
      if (KNOWN_MODULES.contains(m)) {
        throw unknownElixirFunction(c, args);
      }
      throw new ConsoleError(
          "UndefinedFunctionError",
          "function "
              + c.display()
              + "/"
              + args.size()
              + " is undefined (module "
              + m
              + " is not available)",
          "    " + shown);
    }
    List<String> functions = functions(node);
    String fa = c.function() + "/" + args.size();
    if (!functions.contains(fa)) {
      List<String> near = new ArrayList<>();
      for (String f : functions) {
        String name = f.substring(0, f.indexOf('/'));
        if (name.equals(c.function())
            || name.startsWith(c.function())
            || c.function().startsWith(name)) {
          near.add(f);
        }
      }
      String message = "function " + c.display() + "/" + args.size() + " is undefined or private";
      if (!near.isEmpty()) {
        message +=
            ". Did you mean:\n\n"
                + String.join("\n", near.stream().map(f -> "      * " + f).toList())
                + "\n";
      }
      throw new ConsoleError("UndefinedFunctionError", message, "    " + shown);
    }
    if (c.function().equals("start_link")) {
      return startLink(node, args);
    }
    if (c.function().equals("child_spec")) {
      return childSpecOf(node, args.get(0));
    }
    Term request = Builtins.request(c.function(), args);
    return genServerCall(ChildSpec.idAtom(node.name().orElse(node.id())), request, CALL_TIMEOUT);
  }

  /**
   * {@code start_link/0,1} (an {@code arg} node: /1 only; the tree's root: /0 only), then the
   * client functions.
   */
  private List<String> functions(TreeNode node) {
    List<String> fs = new ArrayList<>();
    boolean hasArg = node.builtin().map(b -> b.arg().isPresent()).orElse(false);
    if (!hasArg) {
      fs.add("start_link/0");
    }
    if (hasArg || node != scenario.tree()) {
      fs.add("start_link/1");
    }
    node.builtin()
        .ifPresent(
            b ->
                Builtins.clientFunctions(b.behavior())
                    .forEach(f -> fs.add(f.name() + "/" + f.arity())));
    fs.add("child_spec/1");
    return fs;
  }

  /**
   * {@code Module.child_spec(arg)} as {@code use GenServer} / {@code use Supervisor} define it:
   * {@code %{id: Module, start: {Module, :start_link, [arg]}}}, {@code type: :supervisor} for a
   * supervisor, {@code restart:} when the module's is not {@code :permanent}.
   */
  private static Term childSpecOf(TreeNode node, Term arg) {
    Atom module = TermSyntax.moduleAtom(node.id());
    Map<Term, Term> spec = new LinkedHashMap<>();
    spec.put(Atom.of("id"), module);
    spec.put(
        Atom.of("start"), Term.tuple(module, Atom.of("start_link"), new TermList(List.of(arg))));
    if (node.supervisor()) {
      spec.put(Atom.of("type"), Atom.of("supervisor"));
    }
    if (node.restart() != dev.kaboom.engine.RestartType.PERMANENT) {
      spec.put(
          Atom.of("restart"), Atom.of(node.restart().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return new MapTerm(spec);
  }

  private static final Set<String> CHILD_SPEC_KEYS =
      Set.of("id", "start", "restart", "shutdown", "type", "modules", "significant");

  /**
   * {@code Supervisor.child_spec(spec, overrides)}: a module's {@code child_spec([])}, {@code
   * {Module, arg}}'s {@code child_spec(arg)} or a map, with the keyword overrides put in (Elixir's
   * ArgumentErrors for a module that does not exist and a key a child spec does not have).
   */
  private Term supervisorChildSpec(Term spec, Term overrides) {
    Term base;
    Atom module =
        spec instanceof Atom a
            ? a
            : spec instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a ? a : null;
    if (spec instanceof MapTerm m) {
      base = m;
    } else if (module != null) {
      TreeNode node = modules.get(Inspect.moduleAlias(module));
      if (node == null) {
        throw new ConsoleError(
            "ArgumentError",
            "The module "
                + Inspect.inspectFlat(module)
                + " was given as a child to a supervisor but it does not exist.",
            "    (elixir 1.14.0) lib/supervisor.ex:701: Supervisor.init_child/1\n"
                + "    (elixir 1.14.0) lib/supervisor.ex:809: Supervisor.child_spec/2");
      }
      base = childSpecOf(node, spec instanceof Tuple t ? t.get(1) : new TermList(List.of()));
    } else {
      childSpec(spec); // its ArgumentError
      throw new IllegalStateException("not a child spec: " + spec);
    }
    Map<Term, Term> out = new LinkedHashMap<>(((MapTerm) base).entries());
    List<Term> pairs = overrides instanceof TermList l ? l.elements() : List.of(overrides);
    for (Term p : pairs) {
      if (!(p instanceof Tuple kv && kv.size() == 2 && kv.get(0) instanceof Atom key)) {
        throw new ConsoleError(
            "ArgumentError",
            "expected a keyword list of child specification overrides, got: "
                + Inspect.inspectFlat(overrides));
      }
      if (!CHILD_SPEC_KEYS.contains(key.name())) {
        throw new ConsoleError(
            "ArgumentError",
            "unknown key " + Inspect.inspectFlat(key) + " in child specification override",
            "    (elixir 1.14.0) lib/supervisor.ex:814: anonymous fn/2 in Supervisor.child_spec/2\n"
                + "    (elixir 1.14.0) lib/enum.ex:2468:"
                + " Enum.\"-reduce/3-lists^foldl/2-0-\"/3");
      }
      out.put(key, kv.get(1));
    }
    return new MapTerm(out);
  }

  private Term startLink(TreeNode node, List<Term> args) {
    if (node.supervisor() && args.size() == 1 && args.get(0) instanceof Atom a) {
      // def init(strategy), do: Supervisor.init(children, strategy: strategy)
      var strategy = dev.kaboom.engine.Strategy.parse(a.name());
      if (strategy.isPresent()) {
        node = node.withStrategy(strategy.get());
      }
    }
    if (!args.isEmpty()
        && !(args.get(0) instanceof IntTerm)
        && !(args.get(0) instanceof dev.kaboom.engine.BigIntTerm)
        && !(args.get(0) instanceof dev.kaboom.engine.FloatTerm)
        && node.builtin()
            .filter(b -> b.behavior().equals("sensor_server") && b.arg().isPresent())
            .isPresent()) {
      return sensorWithoutSeconds(node, args.get(0));
    }
    long arg = node.builtin().map(b -> b.arg().orElse(0)).orElse(0L);
    if (!args.isEmpty() && args.get(0) instanceof IntTerm i) {
      arg = i.value();
    }
    Pid pid = shell.startLink(TreeBuilder.behavior(node, arg), under + node.id());
    await(() -> acks.containsKey(pid), 60_000);
    Term ack = acks.remove(pid);
    if (ack == Atom.OK) {
      return Term.tuple(Atom.OK, pid);
    }
    return ack == null ? Term.tuple(Atom.ERROR, Atom.of("timeout")) : ack;
  }

  /**
   * servy.ex's {@code SensorServer.start_link(interval)} with an interval that is no number ({@code
   * []}, {@code :a}), as iex 1.14 runs it (session {@code sensor_bad_interval}): start_link prints
   * its line with the interval interpolated ({@code to_string([])} is empty; a tuple is
   * String.Chars' error, in the shell), the server's init prints and hands the interval to {@code
   * :timer.seconds/1}, whose ArithmeticError ends the server in init; the shell, linked to it, dies
   * with that exception (a shell that traps exits gets start_link's {@code {:error, reason}}).
   */
  private Term sensorWithoutSeconds(TreeNode node, Term interval) {
    String shown = chars(interval);
    node.builtin().flatMap(TreeNode.Builtin::prints).ifPresent(p -> say(p.replace("{arg}", shown)));
    say("Running tasks to get sensor data...");
    Map<Term, Term> error = new LinkedHashMap<>();
    error.put(Atom.of("__struct__"), Atom.of("Elixir.ArithmeticError"));
    error.put(Atom.of("__exception__"), Atom.TRUE);
    error.put(Atom.of("message"), new Bin("bad argument in arithmetic expression"));
    List<Term> stack = new ArrayList<>();
    stack.add(
        new Tuple(
            List.of(
                Atom.of("erlang"),
                Atom.of("*"),
                new TermList(List.of(interval, new IntTerm(1000))),
                new TermList(List.of()))));
    stack.add(frame("timer", "seconds", 1, "timer.erl", 289));
    stack.add(frame("Elixir.Servy.SensorServer", "schedule_refresh", 1, "servy.ex", 105));
    stack.add(frame("Elixir.Servy.SensorServer", "init", 1, "servy.ex", 94));
    stack.add(frame("gen_server", "init_it", 2, "gen_server.erl", 851));
    stack.add(frame("gen_server", "init_it", 6, "gen_server.erl", 814));
    stack.add(frame("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240));
    Term reason = Term.tuple(new MapTerm(error), new TermList(stack));
    if (shellProc().trapsExits()) {
      return Term.tuple(Atom.ERROR, reason);
    }
    shell.exit(shell.pid(), reason);
    settle();
    throw new ShellDied();
  }

  /** A stack frame as erlang:raise keeps one: {module, function, arity, [file: ..., line: ...]}. */
  private static Term frame(String module, String function, int arity, String file, int line) {
    List<Term> chars = new ArrayList<>();
    file.chars().forEach(ch -> chars.add(new IntTerm(ch)));
    return new Tuple(
        List.of(
            Atom.of(module),
            Atom.of(function),
            new IntTerm(arity),
            new TermList(
                List.of(
                    Term.tuple(Atom.of("file"), new TermList(chars)),
                    Term.tuple(Atom.of("line"), new IntTerm(line))))));
  }

  private Optional<Pid> whereis(Atom name) {
    return sim.node().whereis(engineName(name));
  }

  /**
   * The name the engine knows a registered name or child id by: a module's without {@code Elixir.}
   * ({@code Servy.ServicesSupervisor}, as the scenario names it), another atom's as it is.
   */
  static String engineName(Atom name) {
    String alias = Inspect.moduleAlias(name);
    return alias != null ? alias : name.name();
  }

  private Optional<Pid> resolve(Term server) {
    if (server instanceof Pid p) {
      return sim.node().isAlive(p) ? Optional.of(p) : Optional.empty();
    }
    if (server instanceof Atom a) {
      return whereis(a);
    }
    return Optional.empty();
  }

  private ConsoleError noProcess(String function, Term server, Term request, String timeout) {
    return new ConsoleError(
        "exit",
        "exited in: "
            + function
            + "("
            + Inspect.inspectFlat(server)
            + ", "
            + (request == null ? "" : Inspect.inspectFlat(request) + ", ")
            + timeout
            + ")\n    ** (EXIT) "
            + Inspect.formatExit(Atom.NOPROC),
        // a pid that is gone fails in the call's monitor (line 1038), a name nobody has at once
        "    (elixir 1.14.0) lib/gen_server.ex:"
            + (server instanceof Pid ? "1038" : "1027")
            + ": "
            + function
            + "/3");
  }

  /**
   * {@code Supervisor.count_children/1} is no tail call (it makes a map of the reply), so iex's
   * stack shows its frame under the call's.
   */
  private static ConsoleError fromSupervisor(ConsoleError e, Term requestTerm) {
    if (!Atom.of("count_children").equals(requestTerm)) {
      return e;
    }
    return new ConsoleError(
        e.kind,
        e.getMessage(),
        e.detail + "\n    (elixir 1.14.0) lib/supervisor.ex:1064: Supervisor.count_children/1");
  }

  /**
   * {@code DynamicSupervisor.start_link(opts)} (Elixir 1.14): {@code strategy: :one_for_one}
   * (required), {@code max_restarts} (3), {@code max_seconds} (5), {@code max_children} ({@code
   * :infinity}) and {@code name}; linked to the shell.
   */
  /**
   * The {@code #child{}} record OTP's supervisor puts in a start_child error: {@code {:child,
   * :undefined, Id, {M, :start_link, Args}, :permanent, false, 5000, :worker, [M]}}.
   */
  /**
   * What OTP 25's {@code supervisor:check_childspec/1} says of a child-spec map (null: nothing):
   * {@code :missing_id}, {@code :missing_start}, {@code {:invalid_mfa, start}}, {@code
   * {:invalid_restart_type, r}}, {@code {:invalid_child_type, t}}, {@code {:invalid_shutdown, s}},
   * {@code {:invalid_modules, m}}, in that order.
   */
  static Term invalidChildSpec(MapTerm map) {
    Map<Term, Term> e = map.entries();
    if (!e.containsKey(Atom.of("id"))) {
      return Atom.of("missing_id");
    }
    Term start = e.get(Atom.of("start"));
    if (start == null) {
      return Atom.of("missing_start");
    }
    if (!(start instanceof Tuple mfa
        && mfa.size() == 3
        && mfa.get(0) instanceof Atom
        && mfa.get(1) instanceof Atom
        && mfa.get(2) instanceof TermList)) {
      return Term.tuple(Atom.of("invalid_mfa"), start);
    }
    Term restart = e.getOrDefault(Atom.of("restart"), Atom.of("permanent"));
    if (!(restart instanceof Atom r && dev.kaboom.engine.RestartType.parse(r.name()).isPresent())) {
      return Term.tuple(Atom.of("invalid_restart_type"), restart);
    }
    Term type = e.getOrDefault(Atom.of("type"), Atom.of("worker"));
    if (type != Atom.of("worker") && type != Atom.of("supervisor")) {
      return Term.tuple(Atom.of("invalid_child_type"), type);
    }
    Term shutdown = e.get(Atom.of("shutdown"));
    if (shutdown != null
        && !(shutdown instanceof IntTerm n && n.value() >= 0)
        && shutdown != Atom.of("infinity")
        && shutdown != Atom.of("brutal_kill")) {
      return Term.tuple(Atom.of("invalid_shutdown"), shutdown);
    }
    Term modules = e.get(Atom.of("modules"));
    if (modules != null
        && modules != Atom.of("dynamic")
        && !(modules instanceof TermList l
            && l.elements().stream().allMatch(x -> x instanceof Atom))) {
      return Term.tuple(Atom.of("invalid_modules"), modules);
    }
    return null;
  }

  /**
   * A valid child-spec map whose start function nobody has ({@code {Servy.Nope, :start_link, []}}):
   * the supervisor's {@code catch apply(M, F, A)} gets {@code undef}, and start_child answers
   * {@code {:error, {{:EXIT, {:undef, stack}}, child}}} with OTP 25's supervisor frames; null when
   * the world has the function.
   */
  private Term undefinedStart(MapTerm map) {
    Tuple mfa = (Tuple) map.entries().get(Atom.of("start"));
    String module = Inspect.moduleAlias(mfa.get(0));
    String function = ((Atom) mfa.get(1)).name();
    int arity = ((TermList) mfa.get(2)).elements().size();
    TreeNode node = module == null ? null : modules.get(module);
    if (node != null && functions(node).contains(function + "/" + arity)) {
      return null;
    }
    List<Term> stack = new ArrayList<>();
    stack.add(new Tuple(List.of(mfa.get(0), mfa.get(1), mfa.get(2), new TermList(List.of()))));
    String[][] frames = {
      {"supervisor", "do_start_child_i", "3", "supervisor.erl", "414"},
      {"supervisor", "do_start_child", "2", "supervisor.erl", "400"},
      {"supervisor", "handle_start_child", "2", "supervisor.erl", "706"},
      {"supervisor", "handle_call", "3", "supervisor.erl", "455"},
      {"gen_server", "try_handle_call", "4", "gen_server.erl", "1149"},
      {"gen_server", "handle_msg", "6", "gen_server.erl", "1178"},
      {"proc_lib", "init_p_do_apply", "3", "proc_lib.erl", "240"}
    };
    for (String[] f : frames) {
      List<Term> file = new ArrayList<>();
      f[3].chars().forEach(ch -> file.add(new IntTerm(ch)));
      stack.add(
          new Tuple(
              List.of(
                  Atom.of(f[0]),
                  Atom.of(f[1]),
                  new IntTerm(Integer.parseInt(f[2])),
                  new TermList(
                      List.of(
                          Term.tuple(Atom.of("file"), new TermList(file)),
                          Term.tuple(Atom.of("line"), new IntTerm(Integer.parseInt(f[4]))))))));
    }
    Term exit = Term.tuple(Atom.of("EXIT"), Term.tuple(Atom.of("undef"), new TermList(stack)));
    return Term.tuple(Atom.ERROR, Term.tuple(exit, mapRecord(map, null)));
  }

  /**
   * A child-spec map as OTP's {@code #child{}} record iex prints: the map's keys, else OTP's
   * defaults (or {@code spec}'s, when the supervisor made one).
   */
  private static Term mapRecord(MapTerm map, ChildSpec spec) {
    Map<Term, Term> e = map.entries();
    Tuple mfa = (Tuple) e.get(Atom.of("start"));
    Term type =
        e.getOrDefault(
            Atom.of("type"),
            Atom.of(spec != null && spec.type() == ChildType.SUPERVISOR ? "supervisor" : "worker"));
    Term shutdown =
        e.getOrDefault(
            Atom.of("shutdown"),
            spec != null && spec.shutdown() instanceof dev.kaboom.engine.Shutdown.Timeout to
                ? new IntTerm(to.millis())
                : spec != null
                    ? Atom.of(spec.shutdown().toString())
                    : type == Atom.of("supervisor") ? Atom.of("infinity") : new IntTerm(5000));
    return new Tuple(
        List.of(
            Atom.of("child"),
            Atom.UNDEFINED,
            e.get(Atom.of("id")),
            mfa,
            e.getOrDefault(
                Atom.of("restart"), Atom.of(spec != null ? spec.restart().otpName() : "permanent")),
            e.getOrDefault(Atom.of("significant"), Atom.FALSE),
            shutdown,
            type,
            e.getOrDefault(Atom.of("modules"), new TermList(List.of(mfa.get(0))))));
  }

  private static Term childRecord(ChildSpec spec, Term given) {
    if (given instanceof MapTerm m
        && m.entries().get(Atom.of("start")) instanceof Tuple st
        && st.size() == 3
        && m.entries().containsKey(Atom.of("id"))) {
      return mapRecord(m, spec);
    }
    Term module;
    Term startArgs;
    Term id = spec.idAtom();
    if (given instanceof Tuple t && t.size() == 2) {
      module = t.get(0);
      startArgs = new TermList(List.of(t.get(1)));
    } else if (given instanceof MapTerm m
        && m.entries().get(Atom.of("start")) instanceof Tuple st) {
      module = st.get(0);
      startArgs = st.get(2);
      id = m.entries().getOrDefault(Atom.of("id"), id);
    } else {
      module = given;
      startArgs = new TermList(List.of(new TermList(List.of())));
    }
    Term shutdown =
        spec.shutdown() instanceof dev.kaboom.engine.Shutdown.Timeout to
            ? new IntTerm(to.millis())
            : Atom.of(spec.shutdown().toString());
    return new Tuple(
        List.of(
            Atom.of("child"),
            Atom.UNDEFINED,
            id,
            Term.tuple(module, Atom.of("start_link"), startArgs),
            Atom.of(spec.restart().otpName()),
            bool(spec.significant()),
            shutdown,
            Atom.of(spec.type() == ChildType.SUPERVISOR ? "supervisor" : "worker"),
            new TermList(List.of(module))));
  }

  /**
   * A call of an Elixir module's function the console does not run: Elixir's own
   * UndefinedFunctionError when Elixir 1.14 has no such function (with its "Did you mean" of the
   * other arities), else a line that says the console does not run it.
   */
  private ConsoleError unknownElixirFunction(Call c, List<Term> args) {
    String fa = c.function() + "/" + args.size();
    String shown =
        c.display()
            + "("
            + String.join(", ", args.stream().map(Inspect::inspectFlat).toList())
            + ")";
    Set<String> exported = elixirExports().get(c.module());
    if (c.module().equals("Integer") && (fa.equals("is_even/1") || fa.equals("is_odd/1"))) {
      return new ConsoleError(
          "UndefinedFunctionError",
          "function Integer."
              + fa
              + " is undefined or private. However there is a macro with the same name and arity."
              + " Be sure to require Integer if you intend to invoke this macro",
          "    (elixir 1.14.0) " + shown);
    }
    if (exported == null || exported.contains(fa)) {
      return new ConsoleError(
          "Kaboom.UnsupportedError",
          "the Kaboom console does not run "
              + c.display()
              + "/"
              + args.size()
              + " (Elixir 1.14 has it; h() lists what the console runs)");
    }
    List<String> near =
        exported.stream().filter(f -> f.startsWith(c.function() + "/")).sorted().toList();
    return new ConsoleError(
        "UndefinedFunctionError",
        Library.undefined(c.display() + "/" + args.size(), near),
        "    (elixir 1.14.0) " + shown);
  }

  /**
   * {@code Supervisor.start_link(children, strategy: ..., max_restarts: 3, max_seconds: 5, name:
   * Name)} from the shell, as a module's {@code init} calls {@code Supervisor.init/2}: each child a
   * world module, {@code {Module, arg}} or a child-spec map; linked to the shell.
   */
  private Term supervisorStartLink(Term children, Term opts) {
    Map<String, Term> o = new HashMap<>();
    if (opts instanceof TermList list) {
      for (Term t : list.elements()) {
        if (t instanceof Tuple kv && kv.size() == 2 && kv.get(0) instanceof Atom k) {
          o.put(k.name(), kv.get(1));
        }
      }
    }
    if (!(o.get("strategy") instanceof Atom strategyName)) {
      throw new ConsoleError(
          "ArgumentError",
          "expected :strategy option to be given",
          "    (elixir 1.14.0) lib/supervisor.ex:671: Supervisor.init/2\n"
              + "    (elixir 1.14.0) lib/supervisor.ex:617: Supervisor.start_link/2");
    }
    var strategy = dev.kaboom.engine.Strategy.parse(strategyName.name());
    if (strategy.isEmpty()) {
      throw new ConsoleError(
          "ArgumentError",
          "expected :strategy option to be one of :one_for_one, :one_for_all or :rest_for_one,"
              + " got: "
              + Inspect.inspectFlat(strategyName));
    }
    if (!(children instanceof TermList list)) {
      throw new ConsoleError(
          "Protocol.UndefinedError",
          "protocol Enumerable not implemented for "
              + Inspect.inspectFlat(children)
              + " of type "
              + typeName(children));
    }
    List<ChildSpec> specs = new ArrayList<>();
    for (Term child : list.elements()) {
      specs.add(childSpec(child));
    }
    int intensity = o.get("max_restarts") instanceof IntTerm i ? (int) i.value() : 3;
    int seconds = o.get("max_seconds") instanceof IntTerm i ? (int) i.value() : 5;
    Optional<String> name =
        o.get("name") instanceof Atom a && a != NIL ? Optional.of(engineName(a)) : Optional.empty();
    var flags = new dev.kaboom.otp.SupFlags(strategy.get(), intensity, seconds * 1000L);
    Pid pid =
        shell.startLink(
            new SupervisorBehavior(new dev.kaboom.otp.SupervisorSpec(flags, specs), name),
            under + name.orElse("Supervisor"));
    await(() -> acks.containsKey(pid), 60_000);
    Term ack = acks.remove(pid);
    if (ack == Atom.OK) {
      return Term.tuple(Atom.OK, pid);
    }
    return ack == null ? Term.tuple(Atom.ERROR, Atom.of("timeout")) : ack;
  }

  private Term dynamicStartLink(Term opts) {
    if (!(opts instanceof TermList list)) {
      throw new ConsoleError(
          "ArgumentError",
          "expected :strategy option to be given, the DynamicSupervisor options are a keyword list,"
              + " got: "
              + Inspect.inspectFlat(opts));
    }
    Map<String, Term> o = new HashMap<>();
    for (Term t : list.elements()) {
      if (t instanceof Tuple kv && kv.size() == 2 && kv.get(0) instanceof Atom k) {
        o.put(k.name(), kv.get(1));
      }
    }
    if (!Atom.of("one_for_one").equals(o.get("strategy"))) {
      throw new ConsoleError(
          "ArgumentError",
          "expected :strategy option to be :one_for_one, got: "
              + Inspect.inspectFlat(o.getOrDefault("strategy", NIL)));
    }
    int intensity = o.get("max_restarts") instanceof IntTerm i ? (int) i.value() : 3;
    int seconds = o.get("max_seconds") instanceof IntTerm i ? (int) i.value() : 5;
    int max = o.get("max_children") instanceof IntTerm i ? (int) i.value() : -1;
    Optional<String> name =
        o.get("name") instanceof Atom a && a != NIL ? Optional.of(engineName(a)) : Optional.empty();
    Pid pid =
        shell.startLink(
            new DynamicSupervisorBehavior(intensity, seconds * 1000L, max, name),
            name.orElse("DynamicSupervisor"));
    await(() -> acks.containsKey(pid), 60_000);
    Term ack = acks.remove(pid);
    if (ack == Atom.OK) {
      return Term.tuple(Atom.OK, pid);
    }
    return ack == null ? Term.tuple(Atom.ERROR, Atom.of("timeout")) : ack;
  }

  /**
   * A {@code DynamicSupervisor} call: {@code start_child} answers {@code {:ok, pid}}, {@code
   * :ignore} or {@code {:error, reason}} ({@code :max_children}, {@code {:already_started, pid}});
   * {@code terminate_child} takes the child's pid; which_children/count_children as {@code
   * Supervisor}'s. On a process that is not a dynamic supervisor the request goes as a plain call.
   */
  private Term dynamicCall(
      Term server, DynamicSupervisorBehavior.Request request, Term requestTerm) {
    Optional<Pid> pid = resolve(server);
    if (pid.isEmpty()) {
      throw fromSupervisor(
          noProcess("GenServer.call", server, requestTerm, ":infinity"), requestTerm);
    }
    if (request == null
        || !(sim.node().process(pid.get()).map(Proc::behavior).orElse(null)
            instanceof DynamicSupervisorBehavior)) {
      return request instanceof DynamicSupervisorBehavior.Request.WhichChildren
          ? supervisorCall(server, new SupervisorRequest.WhichChildren(), requestTerm)
          : request instanceof DynamicSupervisorBehavior.Request.CountChildren
              ? supervisorCall(server, new SupervisorRequest.CountChildren(), requestTerm)
              : genServerCall(server, requestTerm, ":infinity");
    }
    Term reply = awaitCall(pid.get(), request, server, requestTerm, ":infinity");
    if (request instanceof DynamicSupervisorBehavior.Request.WhichChildren) {
      return elixirReply(new SupervisorRequest.WhichChildren(), reply);
    }
    if (request instanceof DynamicSupervisorBehavior.Request.CountChildren) {
      return elixirReply(new SupervisorRequest.CountChildren(), reply);
    }
    return reply;
  }

  private Term supervisorCall(Term server, SupervisorRequest request, Term requestTerm) {
    Optional<Pid> pid = resolve(server);
    if (pid.isPresent()
        && sim.node().process(pid.get()).map(Proc::behavior).orElse(null)
            instanceof DynamicSupervisorBehavior) {
      if (request instanceof SupervisorRequest.WhichChildren) {
        return dynamicCall(
            server, new DynamicSupervisorBehavior.Request.WhichChildren(), requestTerm);
      }
      if (request instanceof SupervisorRequest.CountChildren) {
        return dynamicCall(
            server, new DynamicSupervisorBehavior.Request.CountChildren(), requestTerm);
      }
    }
    if (pid.isEmpty()
        || !(sim.node().process(pid.get()).map(Proc::behavior).orElse(null)
            instanceof SupervisorBehavior)) {
      if (pid.isPresent()) {
        return genServerCall(server, requestTerm, ":infinity");
      }
      throw fromSupervisor(
          noProcess("GenServer.call", server, requestTerm, ":infinity"), requestTerm);
    }
    Term reply = awaitCall(pid.get(), request, server, requestTerm, ":infinity");
    return elixirReply(request, reply);
  }

  private Term awaitCall(Pid pid, Object request, Term server, Term requestTerm, String timeout) {
    Object[] result = new Object[1];
    if (request instanceof Term t) {
      handing(pid, t, shell.pid());
    }
    shell.call(pid, request, r -> result[0] = r);
    long max = timeout.equals(":infinity") ? 600_000 : Long.parseLong(timeout);
    if (!await(() -> result[0] != null, max)) {
      throw new ConsoleError(
          "exit",
          "exited in: GenServer.call("
              + Inspect.inspectFlat(server)
              + ", "
              + Inspect.inspectFlat(requestTerm)
              + ", "
              + timeout
              + ")\n    ** (EXIT) time out");
    }
    if (result[0] instanceof Client.CallResult.Replied r) {
      return r.value();
    }
    Term reason = ((Client.CallResult.Failed) result[0]).reason();
    throw new ConsoleError(
        "exit",
        "exited in: GenServer.call("
            + Inspect.inspectFlat(server)
            + ", "
            + Inspect.inspectFlat(requestTerm)
            + ", "
            + timeout
            + ")\n    ** (EXIT) "
            + Inspect.formatExit(reason),
        Inspect.raised(reason) == null
            ? null
            : "    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3");
  }

  /**
   * {@code GenServer.call}: supervisor requests by their Elixir terms, the servers' requests as
   * they are.
   */
  private Term genServerCall(Term server, Term request, String timeout) {
    Optional<Pid> pid = resolve(server);
    if (pid.isEmpty()) {
      throw noProcess("GenServer.call", server, request, timeout);
    }
    Object engineRequest = request;
    if (sim.node().process(pid.get()).map(Proc::behavior).orElse(null)
        instanceof SupervisorBehavior) {
      SupervisorRequest r = supervisorRequest(request);
      if (r != null) {
        return elixirReply(r, awaitCall(pid.get(), r, server, request, timeout));
      }
    }
    return awaitCall(pid.get(), engineRequest, server, request, timeout);
  }

  private SupervisorRequest supervisorRequest(Term request) {
    if (request == Atom.of("which_children")) {
      return new SupervisorRequest.WhichChildren();
    }
    if (request == Atom.of("count_children")) {
      return new SupervisorRequest.CountChildren();
    }
    if (request instanceof Tuple t
        && t.size() == 2
        && t.get(0) instanceof Atom a
        && t.get(1) instanceof Atom id) {
      return switch (a.name()) {
        case "terminate_child" -> new SupervisorRequest.TerminateChild(engineName(id));
        case "restart_child" -> new SupervisorRequest.RestartChild(engineName(id));
        case "delete_child" -> new SupervisorRequest.DeleteChild(engineName(id));
        default -> null;
      };
    }
    return null;
  }

  /**
   * OTP's replies in Elixir's shapes: 4-tuples with the modules for which_children, a map for
   * count_children.
   */
  private Term elixirReply(SupervisorRequest request, Term reply) {
    if (request instanceof SupervisorRequest.WhichChildren && reply instanceof TermList l) {
      List<Term> rows = new ArrayList<>();
      for (Term row : l.elements()) {
        Tuple t = (Tuple) row;
        Atom id = (Atom) t.get(0);
        Atom module = id;
        if (id == Atom.UNDEFINED && t.get(1) instanceof Pid child) {
          // a DynamicSupervisor's child: its module is the last part of its label
          String label = sim.node().process(child).map(Proc::label).orElse("");
          module = ChildSpec.idAtom(label.substring(label.lastIndexOf('/') + 1));
        }
        List<Term> mods = Inspect.moduleAlias(module) != null ? List.of(module) : List.of();
        Term given = childModules.get(engineName(id));
        rows.add(Term.tuple(id, t.get(1), t.get(2), given != null ? given : new TermList(mods)));
      }
      return new TermList(rows);
    }
    if (request instanceof SupervisorRequest.CountChildren && reply instanceof TermList l) {
      Map<Term, Term> m = new LinkedHashMap<>();
      for (Term row : l.elements()) {
        Tuple t = (Tuple) row;
        m.put(t.get(0), t.get(1));
      }
      return new MapTerm(m);
    }
    return reply;
  }

  private Term stop(Term server, Term reason) {
    Optional<Pid> pid = resolve(server);
    if (pid.isEmpty()) {
      throw new ConsoleError(
          "exit",
          "exited in: GenServer.stop("
              + Inspect.inspectFlat(server)
              + ", "
              + Inspect.inspectFlat(reason)
              + ", :infinity)\n    ** (EXIT) "
              + Inspect.formatExit(Atom.NOPROC),
          "    (elixir 1.14.0) lib/gen_server.ex:"
              + (server instanceof Pid ? "995" : "985")
              + ": GenServer.stop/3");
    }
    Pid p = pid.get();
    shell.send(p, new Messages.SysTerminate(reason));
    await(() -> !sim.node().isAlive(p), 600_000);
    return Atom.OK;
  }

  private String childId(Term id) {
    if (id instanceof Atom a) {
      return engineName(a);
    }
    return Inspect.inspectFlat(id);
  }

  /**
   * A child spec as Elixir's: {@code Module}, {@code {Module, arg}} or {@code %{id: ..., start: {M,
   * :start_link, [arg]}}}.
   */
  /**
   * The modules a child-spec map gave a child ({@code modules:}, else its start module), by id, for
   * which_children (a child of a module is listed with that module).
   */
  private final Map<String, Term> childModules = new HashMap<>();

  private ChildSpec childSpec(Term spec) {
    Atom module;
    String id;
    Long arg = null;
    if (spec instanceof Atom a) {
      module = a;
      id = engineName(a);
    } else if (spec instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom a) {
      module = a;
      id = engineName(a);
      if (t.get(1) instanceof IntTerm i) {
        arg = i.value();
      }
    } else if (spec instanceof MapTerm m
        && m.entries().get(Atom.of("start")) instanceof Tuple start
        && start.size() == 3
        && start.get(0) instanceof Atom a) {
      module = a;
      Term idTerm = m.entries().getOrDefault(Atom.of("id"), a);
      id = childId(idTerm);
      if (start.get(2) instanceof TermList l
          && !l.elements().isEmpty()
          && l.elements().get(0) instanceof IntTerm i) {
        arg = i.value();
      }
    } else {
      throw new ConsoleError(
          "ArgumentError",
          "supervisors expect each child to be one of the following:\n\n  * a module\n  * a {module, arg} tuple\n"
              + "  * a child specification as a map with at least the :id and :start fields\n\nGot: "
              + Inspect.inspectFlat(spec));
    }
    String alias = Inspect.moduleAlias(module);
    TreeNode node = alias == null ? null : modules.get(alias);
    if (node == null) {
      throw new ConsoleError(
          "ArgumentError",
          "The module "
              + Inspect.inspectFlat(module)
              + " was given as a child to a supervisor but it does not exist.");
    }
    long startArg = arg != null ? arg : node.builtin().map(b -> b.arg().orElse(0)).orElse(0L);
    dev.kaboom.engine.RestartType restart = node.restart();
    ChildType type = node.supervisor() ? ChildType.SUPERVISOR : ChildType.WORKER;
    dev.kaboom.engine.Shutdown shutdown = node.shutdown();
    if (spec instanceof MapTerm m) {
      // a map's own keys override what the module's child_spec would say
      Map<Term, Term> e = m.entries();
      if (e.get(Atom.of("restart")) instanceof Atom r) {
        restart = dev.kaboom.engine.RestartType.parse(r.name()).orElse(restart);
      }
      if (e.get(Atom.of("type")) instanceof Atom t) {
        type = t.name().equals("supervisor") ? ChildType.SUPERVISOR : ChildType.WORKER;
      }
      Term s = e.get(Atom.of("shutdown"));
      if (s instanceof IntTerm n) {
        shutdown = new dev.kaboom.engine.Shutdown.Timeout(n.value());
      } else if (s == Atom.of("brutal_kill")) {
        shutdown = new dev.kaboom.engine.Shutdown.BrutalKill();
      } else if (s == Atom.of("infinity")) {
        shutdown = new dev.kaboom.engine.Shutdown.Infinity();
      }
      Term mods = e.get(Atom.of("modules"));
      childModules.put(id, mods instanceof TermList ? mods : new TermList(List.of(module)));
    } else {
      childModules.remove(id);
    }
    return new ChildSpec(
        id, () -> TreeBuilder.behavior(node, startArg), restart, shutdown, type, node.name());
  }

  private Term send(Term dest, Term message) {
    Pid to;
    if (dest instanceof Pid p) {
      to = p;
    } else if (dest instanceof Atom a && whereis(a).isPresent()) {
      to = whereis(a).get();
    } else {
      throw argumentError(
          1,
          dest instanceof Atom ? "not an already registered name" : "not a pid",
          ":erlang.send",
          dest,
          message);
    }
    if (current != null) {
      current.send(to, message);
    } else {
      shell.send(to, message);
    }
    return message;
  }

  private Term flag(Term flag, Term value) {
    if (flag == Atom.of("trap_exit") && (value == Atom.TRUE || value == Atom.FALSE)) {
      Proc me = shellProc();
      boolean before = me.trapsExits();
      me.trapExit(value == Atom.TRUE);
      return bool(before);
    }
    throw argumentError(1, "invalid process flag", ":erlang.process_flag", flag, value);
  }

  private Term info(Pid pid, Term item) {
    Optional<Proc> p = sim.node().process(pid).filter(Proc::isAlive);
    if (p.isEmpty()) {
      return NIL;
    }
    Proc proc = p.get();
    boolean isShell = pid.equals(shell.pid());
    Map<String, Term> all = new LinkedHashMap<>();
    all.put(
        "registered_name",
        proc.registeredName() == null
            ? new TermList(List.of())
            : ChildSpec.idAtom(proc.registeredName()));
    // the shell asks while it runs; another process is waiting in its receive unless a message is
    // waiting for it
    all.put(
        "status",
        isShell
            ? Atom.of("running")
            : proc.isWaiting() || proc.mailboxLength() == 0
                ? Atom.of("waiting")
                : Atom.of("runnable"));
    all.put("message_queue_len", new IntTerm(isShell ? mailbox.size() : proc.mailboxLength()));
    all.put("links", new TermList(new ArrayList<>(erlangLinkOrder(proc.links()))));
    all.put("trap_exit", bool(proc.trapsExits()));
    if (item == null) {
      List<Term> kv = new ArrayList<>();
      all.forEach((k, v) -> kv.add(Term.tuple(Atom.of(k), v)));
      return new TermList(kv);
    }
    if (item instanceof Atom a && all.containsKey(a.name())) {
      if (a.name().equals("registered_name") && proc.registeredName() == null) {
        return new TermList(List.of());
      }
      return Term.tuple(a, all.get(a.name()));
    }
    if (item instanceof TermList items
        && items.elements().stream()
            .allMatch(i -> i instanceof Atom a && all.containsKey(a.name()))) {
      // a list of items: a keyword list of them, in the order asked (registered_name: [] when none)
      List<Term> kv = new ArrayList<>();
      for (Term i : items.elements()) {
        kv.add(Term.tuple(i, all.get(((Atom) i).name())));
      }
      return new TermList(kv);
    }
    throw argumentError(2, "invalid item or item list", ":erlang.process_info", pid, item);
  }

  /**
   * {@code links} (in the order they were made) in the order {@code process_info(Pid, links)} lists
   * them on OTP 25: erts keeps a process's links in a red-black tree ordered by pid and walks it
   * from a stack (a node, then its right subtree, then its left), so a supervisor lists its
   * children before its parent ({@code [#PID<0.109.0>, #PID<0.110.0>, #PID<0.106.0>]}) and a kick
   * starter its parent before its HTTP server. Made from the links there are now, inserted in the
   * order they were made (a link that went away may have left the real tree in another shape).
   */
  static List<Pid> erlangLinkOrder(List<Pid> links) {
    RbNode root = null;
    for (Pid p : links) {
      root = RbNode.insert(root, p);
    }
    List<Pid> out = new ArrayList<>();
    java.util.ArrayDeque<RbNode> stack = new java.util.ArrayDeque<>();
    if (root != null) {
      stack.push(root);
    }
    while (!stack.isEmpty()) {
      RbNode n = stack.pop();
      out.add(n.pid);
      if (n.left != null) {
        stack.push(n.left);
      }
      if (n.right != null) {
        stack.push(n.right);
      }
    }
    return out;
  }

  /** A red-black tree of pids (insertion only, as in CLRS), for {@link #erlangLinkOrder}. */
  private static final class RbNode {
    final Pid pid;
    RbNode left;
    RbNode right;
    RbNode parent;
    boolean red = true;

    RbNode(Pid pid) {
      this.pid = pid;
    }

    private static int compare(Pid a, Pid b) {
      int c = Integer.compare(a.node(), b.node());
      if (c == 0) {
        c = Integer.compare(a.serial(), b.serial());
      }
      return c != 0 ? c : Integer.compare(a.creation(), b.creation());
    }

    static RbNode insert(RbNode root, Pid pid) {
      RbNode z = new RbNode(pid);
      RbNode y = null;
      RbNode x = root;
      while (x != null) {
        y = x;
        x = compare(pid, x.pid) < 0 ? x.left : x.right;
      }
      z.parent = y;
      if (y == null) {
        root = z;
      } else if (compare(pid, y.pid) < 0) {
        y.left = z;
      } else {
        y.right = z;
      }
      while (z.parent != null && z.parent.red) {
        RbNode g = z.parent.parent;
        if (z.parent == g.left) {
          RbNode u = g.right;
          if (u != null && u.red) {
            z.parent.red = false;
            u.red = false;
            g.red = true;
            z = g;
          } else {
            if (z == z.parent.right) {
              z = z.parent;
              root = rotateLeft(root, z);
            }
            z.parent.red = false;
            g.red = true;
            root = rotateRight(root, g);
          }
        } else {
          RbNode u = g.left;
          if (u != null && u.red) {
            z.parent.red = false;
            u.red = false;
            g.red = true;
            z = g;
          } else {
            if (z == z.parent.left) {
              z = z.parent;
              root = rotateRight(root, z);
            }
            z.parent.red = false;
            g.red = true;
            root = rotateLeft(root, g);
          }
        }
      }
      root.red = false;
      return root;
    }

    private static RbNode rotateLeft(RbNode root, RbNode x) {
      RbNode y = x.right;
      x.right = y.left;
      if (y.left != null) {
        y.left.parent = x;
      }
      y.parent = x.parent;
      if (x.parent == null) {
        root = y;
      } else if (x == x.parent.left) {
        x.parent.left = y;
      } else {
        x.parent.right = y;
      }
      y.left = x;
      x.parent = y;
      return root;
    }

    private static RbNode rotateRight(RbNode root, RbNode x) {
      RbNode y = x.left;
      x.left = y.right;
      if (y.right != null) {
        y.right.parent = x;
      }
      y.parent = x.parent;
      if (x.parent == null) {
        root = y;
      } else if (x == x.parent.right) {
        x.parent.right = y;
      } else {
        x.parent.left = y;
      }
      y.right = x;
      x.parent = y;
      return root;
    }
  }

  private void help() {
    say("Kaboom's console answers as iex does. It knows:");
    for (String mod : modules.keySet()) {
      say("  " + mod + "." + String.join(", " + mod + ".", functions(modules.get(mod))));
    }
    say(
        "  Process.whereis/1, alive?/1, exit/2, info/1,2, flag(:trap_exit, bool), sleep/1, link/1, unlink/1");
    say("  Supervisor.which_children/1, count_children/1, start_child/2, terminate_child/2,");
    say("    restart_child/2, delete_child/2, stop/1,2");
    say("  DynamicSupervisor.start_link/1, start_child/2, terminate_child/2, which_children/1,");
    say("    count_children/1, stop/1,2");
    say("  GenServer.call/2,3, cast/2, stop/1,2, whereis/1");
    say(
        "  self(), send/2, flush(), pid(\"0.105.0\"), is_pid/1, length/1, elem/2, IO.puts/1, IO.inspect/1");
    say("  Process.monitor/1, demonitor/1, spawn(fn -> ... end), spawn_link/1, exit/1, Enum.map/2");
    say("  v(n), v(), recompile(), h Module, h Module.fun/arity");
    say(
        "  x = expr, {:ok, pid} = expr, expr |> f(args), fn x -> ... end, f.(x), ==, !=, ++, <>, a; b");
    say("  fn :a -> 1; x when is_integer(x) -> 2 end, &IO.puts/1, &(&1 + 1), [h | t], ^x");
    say("  receive do {:DOWN, ^ref, :process, _, reason} -> reason after 1000 -> :none end");
    say("  make_ref(), and, or, not, &&, ||, !, x in list");
    say("  1..10, 1..10//2, [1 | 2], cond do ... end, for x <- xs, filter, into: %{}, do: ...,");
    say(
        "    with {:ok, x} <- expr do ... else ... end, Module.child_spec/1, Supervisor.child_spec/2");
    Stdlib.byModule()
        .forEach(
            (m, names) -> {
              StringBuilder line = new StringBuilder("  " + m + ".");
              for (int i = 0; i < names.size(); i++) {
                String next = names.get(i) + (i < names.size() - 1 ? "," : "");
                if (line.length() + next.length() > 95) {
                  say(line.toString().stripTrailing());
                  line = new StringBuilder("    ");
                }
                line.append(next).append(' ');
              }
              say(line.toString().stripTrailing());
            });
  }

  // ---- arguments ----

  private static Pid pid(Term v) {
    if (v instanceof Bin b) {
      String[] parts = b.value().split("\\.");
      if (parts.length == 3) {
        try {
          return new Pid(Integer.parseInt(parts[1]));
        } catch (NumberFormatException ignored) {
          // the error below
        }
      }
    }
    throw new ConsoleError(
        "ArgumentError",
        "errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a pid\n",
        "    :erlang.list_to_pid(" + Inspect.inspectFlat(v) + ")");
  }

  private static Pid pidArg(Term v, String erlangFunction, List<Term> args) {
    if (v instanceof Pid p) {
      return p;
    }
    throw argumentError(1, "not a pid", erlangFunction, args.toArray(new Term[0]));
  }

  private static Atom atomArg(Term v, String erlangFunction) {
    if (v instanceof Atom a) {
      return a;
    }
    throw argumentError(1, "not an atom", erlangFunction, v);
  }

  /**
   * {@code IO.inspect(device, item, opts)} as Elixir 1.14's IO does it: the item laid out at {@code
   * width:} (80) with {@code limit:} (50) and {@code charlists: :as_lists}, after {@code label:}
   * and {@code ": "} ({@code to_string} of the label; none for {@code nil} or {@code false}),
   * printed; returns the item (so it fits in a pipeline). Opts that are not a list are IO's
   * FunctionClauseError; other options are taken and ignored, as {@code Inspect.Opts} does.
   */
  private Term ioInspect(Term device, Term item, Term opts) {
    if (!(device instanceof Atom || device instanceof Pid) || !(opts instanceof TermList list)) {
      String isDevice =
          device instanceof Atom
              ? "is_atom(device) or -is_pid(device)-"
              : device instanceof Pid
                  ? "-is_atom(device)- or is_pid(device)"
                  : "-is_atom(device)- or -is_pid(device)-";
      throw Stdlib.functionClause(
          "IO.inspect/3",
          List.of(device, item, opts),
          List.of(
              "def inspect(device, item, opts) when "
                  + isDevice
                  + " and "
                  + (opts instanceof TermList ? "is_list(opts)" : "-is_list(opts)-")),
          "(elixir 1.14.0) lib/io.ex:462: IO.inspect/3");
    }
    Term label = null;
    int limit = Inspect.LIMIT;
    int width = Inspect.WIDTH;
    boolean asLists = false;
    // Keyword.get: the first of a key wins
    Set<String> seen = new java.util.HashSet<>();
    for (Term t : list.elements()) {
      if (!(t instanceof Tuple kv && kv.size() == 2 && kv.get(0) instanceof Atom k)
          || !seen.add(k.name())) {
        continue;
      }
      Term v = kv.get(1);
      switch (k.name()) {
        case "label" -> label = v;
        case "limit" ->
            limit =
                v instanceof IntTerm n
                    ? (int) Math.max(0, Math.min(n.value(), Algebra.INFINITY))
                    : Algebra.INFINITY;
        case "width" ->
            width =
                v instanceof IntTerm n
                    ? (int) Math.max(0, Math.min(n.value(), Algebra.INFINITY))
                    : Algebra.INFINITY;
        case "charlists", "char_lists" -> asLists = v == Atom.of("as_lists");
        default -> {
          // pretty:, structs:, ... change nothing the console prints
        }
      }
    }
    String prefix = "";
    if (label != null && label != NIL && label != Atom.FALSE) {
      try {
        prefix = chars(label) + ": ";
      } catch (ConsoleError e) {
        throw new ConsoleError(
            e.kind, e.getMessage(), e.detail + "\n    (elixir 1.14.0) lib/io.ex:767: IO.inspect/3");
      }
    }
    say(prefix + Inspect.inspect(item, limit, width, asLists));
    return item;
  }

  /**
   * {@code i(term)} (IEx.Helpers.i/1): what iex 1.14 prints about a term, section by section
   * ({@code Term}, {@code Data type}, then IEx.Info's sections for its type, {@code Implemented
   * protocols}); returns no value to show. A module name is described as an atom that names no
   * loaded module (iex shows a loaded module's .beam file and compile options).
   */
  private Term describe(Term t) {
    List<String[]> info = new ArrayList<>();
    info.add(new String[] {"Term", Inspect.inspectFlat(t)});
    String chars = "IEx.Info, Inspect, List.Chars, String.Chars";
    String listProtocols = "Collectable, Enumerable, IEx.Info, Inspect, List.Chars, String.Chars";
    if (t instanceof IntTerm) {
      info.add(new String[] {"Data type", "Integer"});
      info.add(new String[] {"Reference modules", "Integer"});
      info.add(new String[] {"Implemented protocols", chars});
    } else if (t instanceof Atom a) {
      info.add(new String[] {"Data type", "Atom"});
      if (a == DONT_DISPLAY) {
        info.add(
            new String[] {
              "Description",
              "This atom is returned by IEx when a function that should not print its\n"
                  + "return value on screen is executed."
            });
      } else if (Inspect.moduleAlias(a) != null) {
        info.add(new String[] {"Raw representation", ":\"" + a.name() + "\""});
      }
      info.add(new String[] {"Reference modules", "Atom"});
      info.add(new String[] {"Implemented protocols", chars});
    } else if (t instanceof Bin b) {
      byte[] bytes = b.value().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      StringBuilder raw = new StringBuilder("<<");
      for (int i = 0; i < bytes.length; i++) {
        raw.append(i > 0 ? ", " : "").append(bytes[i] & 0xFF);
      }
      info.add(new String[] {"Data type", "BitString"});
      info.add(new String[] {"Byte size", Integer.toString(bytes.length)});
      info.add(
          new String[] {
            "Description",
            "This is a string: a UTF-8 encoded binary. It's printed surrounded by\n"
                + "\"double quotes\" because all UTF-8 encoded code points in it are printable."
          });
      info.add(new String[] {"Raw representation", raw.append(">>").toString()});
      info.add(new String[] {"Reference modules", "String, :binary"});
      info.add(new String[] {"Implemented protocols", "Collectable, " + chars});
    } else if (t instanceof TermList l) {
      info.add(new String[] {"Data type", "List"});
      String flat = Inspect.inspectFlat(t);
      String modules = "List";
      if (flat.startsWith("'")) {
        info.add(
            new String[] {
              "Description",
              "This is a list of integers that is printed as a sequence of characters\n"
                  + "delimited by single quotes because all the integers in it represent printable\n"
                  + "ASCII characters. Conventionally, a list of Unicode code points is known as a\n"
                  + "charlist and a list of ASCII characters is a subset of it."
            });
        info.add(
            new String[] {
              "Raw representation", Inspect.inspect(t, Algebra.INFINITY, Algebra.INFINITY, true)
            });
      } else if (!l.elements().isEmpty() && flat.startsWith("[") && isKeyword(l)) {
        info.add(
            new String[] {
              "Description",
              "This is what is referred to as a \"keyword list\". A keyword list is a list\n"
                  + "of two-element tuples where the first element of each tuple is an atom."
            });
        modules = "Keyword, List";
      }
      info.add(new String[] {"Reference modules", modules});
      info.add(new String[] {"Implemented protocols", listProtocols});
    } else if (t instanceof ImproperList) {
      info.add(new String[] {"Data type", "List"});
      info.add(
          new String[] {
            "Description",
            "This is what is referred to as an \"improper list\". An improper list is a\n"
                + "list which its last tail is not to an empty list. For example: [1, 2, 3]\n"
                + "is a proper list, as it is equivalent to [1, 2, 3 | []], as opposed to\n"
                + "[1, 2 | 3] which is an improper list since its last tail returns 3."
          });
      info.add(new String[] {"Reference modules", "List"});
      info.add(new String[] {"Implemented protocols", listProtocols});
    } else if (t instanceof Tuple) {
      info.add(new String[] {"Data type", "Tuple"});
      info.add(new String[] {"Reference modules", "Tuple"});
      info.add(new String[] {"Implemented protocols", "IEx.Info, Inspect"});
    } else if (t instanceof MapTerm m && Stdlib.range(m) != null) {
      info.add(new String[] {"Data type", "Range"});
      info.add(
          new String[] {
            "Description", "This is a struct. Structs are maps with a __struct__ key."
          });
      info.add(new String[] {"Reference modules", "Range, Map"});
      info.add(new String[] {"Implemented protocols", "Enumerable, IEx.Info, Inspect"});
    } else if (t instanceof MapTerm) {
      info.add(new String[] {"Data type", "Map"});
      info.add(new String[] {"Reference modules", "Map"});
      info.add(
          new String[] {"Implemented protocols", "Collectable, Enumerable, IEx.Info, Inspect"});
    } else if (t instanceof Pid pid) {
      info.add(new String[] {"Data type", "PID"});
      Term links = info(pid, Atom.of("links"));
      boolean alive = links != NIL;
      info.add(new String[] {"Alive", Boolean.toString(alive)});
      if (alive) {
        Term name = info(pid, Atom.of("registered_name"));
        info.add(
            new String[] {
              "Name", name instanceof Tuple n ? Inspect.inspectFlat(n.get(1)) : "not registered"
            });
        List<Term> ls = ((TermList) ((Tuple) links).get(1)).elements();
        info.add(
            new String[] {
              "Links",
              ls.isEmpty()
                  ? "none"
                  : String.join(", ", ls.stream().map(Inspect::inspectFlat).toList())
            });
        info.add(
            new String[] {
              "Message queue length",
              Inspect.inspectFlat(((Tuple) info(pid, Atom.of("message_queue_len"))).get(1))
            });
      }
      info.add(
          new String[] {"Description", "Use Process.info/1 to get more info about this process"});
      info.add(new String[] {"Reference modules", "Process, Node"});
      info.add(new String[] {"Implemented protocols", "IEx.Info, Inspect"});
    } else if (t instanceof dev.kaboom.engine.Ref) {
      info.add(new String[] {"Data type", "Reference"});
      info.add(new String[] {"Implemented protocols", "IEx.Info, Inspect"});
    } else if (t instanceof dev.kaboom.engine.Fun f) {
      boolean external = Inspect.inspectFlat(f).startsWith("&");
      info.add(new String[] {"Data type", "Function"});
      info.add(new String[] {"Type", external ? "external" : "local"});
      info.add(new String[] {"Arity", Integer.toString(f.arity())});
      if (!external) {
        info.add(new String[] {"Description", "This is an anonymous function."});
      }
      info.add(new String[] {"Implemented protocols", "Enumerable, IEx.Info, Inspect"});
    }
    for (String[] section : info) {
      say(section[0]);
      say("  " + section[1].strip().replace("\n", "\n  "));
    }
    return DONT_DISPLAY;
  }

  private static boolean isKeyword(TermList l) {
    for (Term t : l.elements()) {
      if (!(t instanceof Tuple kv && kv.size() == 2 && kv.get(0) instanceof Atom)) {
        return false;
      }
    }
    return true;
  }

  static ConsoleError argumentError(int position, String what, String function, Term... args) {
    String nth = position == 1 ? "1st" : position == 2 ? "2nd" : position + "th";
    List<String> shown = new ArrayList<>();
    for (Term a : args) {
      shown.add(Inspect.inspectFlat(a));
    }
    return new ConsoleError(
        "ArgumentError",
        "errors were found at the given arguments:\n\n  * " + nth + " argument: " + what + "\n",
        "    " + function + "(" + String.join(", ", shown) + ")");
  }
}
