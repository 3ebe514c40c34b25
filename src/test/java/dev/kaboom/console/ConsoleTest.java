package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioLoader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The console on the Servy course world: iex's prompts, values, errors and the shell's death. */
class ConsoleTest {
  private final Console console = new Console(course());

  static Scenario course() {
    return ((ScenarioLoader.Result.Loaded)
            ScenarioLoader.load(Path.of("resources/scenarios/servy-course.json")))
        .scenario();
  }

  /**
   * Process.info as iex 1.14 on OTP 25 answers it (the pids are compared here, which the recorded
   * sessions leave aside): links in the order erts walks its tree of them, a status, a list of
   * items, and the frames under a no-process exit.
   */
  @Test
  void processInfoListsLinksInErtsOrderAndStatusAsIexDoes() {
    console.eval("{:ok, sup} = Servy.Supervisor.start_link()");
    // as recorded: {:links, [#PID<0.109.0>, #PID<0.111.0>, #PID<0.106.0>]} (children, then the
    // shell)
    String shell = console.shellPid().toString();
    assertThat(console.eval("Process.info(sup, :links)"))
        .matches(
            "\\{:links, \\[#PID<0\\.\\d+\\.0>, #PID<0\\.\\d+\\.0>, \\Q" + shell + "\\E\\]\\}\n");
    assertThat(console.eval("Process.info(Process.whereis(Servy.KickStarter), :links)"))
        .startsWith("{:links, [#PID<0.108.0>, "); // its parent first, then its HTTP server
    assertThat(console.eval("Process.info(sup, :status)")).isEqualTo("{:status, :waiting}\n");
    assertThat(console.eval("Process.info(self(), :status)")).isEqualTo("{:status, :running}\n");
    assertThat(
            console.eval(
                "Process.info(Process.whereis(:pledge_server), [:registered_name, :trap_exit])"))
        .isEqualTo("[registered_name: :pledge_server, trap_exit: false]\n");
    assertThat(console.eval("Process.info(:nobody, :links)"))
        .endsWith(
            "    :erlang.process_info(:nobody, :links)\n    (elixir 1.14.0) lib/process.ex:773: Process.info/2\n");
    console.eval("Supervisor.stop(sup)");
    assertThat(console.eval("Supervisor.count_children(sup)"))
        .endsWith(
            "    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3\n"
                + "    (elixir 1.14.0) lib/supervisor.ex:1064: Supervisor.count_children/1\n");
    assertThat(console.eval("Supervisor.which_children(:nobody)"))
        .endsWith("    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3\n");
  }

  @Test
  void linksAreListedAsErtsWalksItsRedBlackTreeOfThem() {
    java.util.function.IntFunction<dev.kaboom.engine.Pid> p = dev.kaboom.engine.Pid::new;
    // recorded on iex 1.14: linked to 110, 108, 111, 109, then 116, then 119
    var links =
        new java.util.ArrayList<>(
            java.util.List.of(p.apply(110), p.apply(108), p.apply(111), p.apply(109)));
    assertThat(Console.erlangLinkOrder(links).stream().map(x -> x.serial()).toList())
        .containsExactly(110, 111, 108, 109);
    links.add(p.apply(116));
    assertThat(Console.erlangLinkOrder(links).stream().map(x -> x.serial()).toList())
        .containsExactly(110, 111, 116, 108, 109);
    links.add(p.apply(119));
    assertThat(Console.erlangLinkOrder(links).stream().map(x -> x.serial()).toList())
        .containsExactly(110, 116, 119, 111, 108, 109);
  }

  /** Process.monitor as iex 1.14: a reference, and flush() shows the DOWN message. */
  @Test
  void aMonitorsDownMessageIsFlushed() {
    console.eval("{:ok, sup} = Servy.ServicesSupervisor.start_link()");
    console.eval("pid = Process.whereis(:sensor_server)");
    assertThat(console.eval("ref = Process.monitor(pid)"))
        .matches("#Reference<0\\.\\d+\\.\\d+\\.\\d+>\n");
    String ref = console.eval("ref").strip();
    console.eval("Process.exit(pid, :kaboom)");
    assertThat(console.eval("flush()"))
        .isEqualTo("{:DOWN, " + ref + ", :process, #PID<0.110.0>,\n :kaboom}\n:ok\n"); // 80 columns
    assertThat(console.eval("flush()")).isEqualTo(":ok\n");
    console.eval("Process.monitor(:nope)");
    assertThat(console.eval("flush"))
        .contains("{:nope, :nonode@nohost}, :noproc}")
        .endsWith(":ok\n");
    assertThat(console.eval("Process.demonitor(ref)")).isEqualTo("true\n");
    assertThat(console.eval("Process.demonitor(:nope)"))
        .startsWith("** (ArgumentError) errors were found at the given arguments:");
  }

  /**
   * receive in the shell waits on virtual time only: {@code after 5000} lets five virtual seconds
   * pass (no wall clock), a message a spawned process sends later is taken when it comes; a receive
   * nothing can answer ends as iex's Ctrl+G i c ends it: a new shell, bindings gone, the prompt
   * number kept, what the shell linked killed.
   */
  @Test
  void receiveWaitsOnVirtualTimeAndABlockedOneIsInterruptedAsIexDoes() {
    var scheduler = console.simulation().node().scheduler();
    long before = scheduler.nowMillis();
    assertThat(console.eval("receive do :x -> 1 after 5000 -> :timeout end"))
        .isEqualTo(":timeout\n");
    assertThat(scheduler.nowMillis() - before).isEqualTo(5000);
    console.eval("me = self()");
    console.eval("spawn(fn -> Process.sleep(300); send(me, {:late, 1}) end)");
    before = scheduler.nowMillis();
    assertThat(console.eval("receive do {:late, n} -> n + 1 end")).isEqualTo("2\n");
    assertThat(scheduler.nowMillis() - before).isEqualTo(300);
    console.eval("{:ok, sup} = Servy.ServicesSupervisor.start_link()");
    String shell = console.shellPid().toString();
    String prompt = console.prompt();
    String answer = console.eval("receive do :never -> :ok end");
    assertThat(answer)
        .startsWith("(nothing left in the run can send the shell a message")
        .endsWith("** (EXIT) interrupted\n");
    assertThat(console.prompt()).isEqualTo(prompt);
    assertThat(console.shellPid().toString()).isNotEqualTo(shell);
    assertThat(console.eval("Process.whereis(Servy.ServicesSupervisor)")).isEqualTo("nil\n");
    assertThat(console.eval("sup")).contains("** (CompileError)");
    assertThat(console.eval("receive do x -> x after :soon -> 1 end"))
        .startsWith("** (ErlangError) Erlang error: :timeout_value");
  }

  /**
   * References look like iex's ({@code #Reference<0.W1.W2.N>}): the two high words come from the
   * engine's seed, the last counts; each reference its own.
   */
  @Test
  void referencesLookLikeIexsDistinctAndSeeded() {
    String a = console.eval("make_ref()").strip();
    String b = console.eval("make_ref()").strip();
    assertThat(a).matches("#Reference<0\\.\\d+\\.\\d+\\.\\d+>").isNotEqualTo(b);
    assertThat(a.substring(0, a.lastIndexOf('.')))
        .isEqualTo(b.substring(0, b.lastIndexOf('.')))
        .isNotEqualTo("#Reference<0.3861287419.2398879745");
    assertThat(new Console(course()).eval("make_ref()").strip()).isEqualTo(a); // deterministic
    long[] one = Inspect.refWords(1L);
    long[] two = Inspect.refWords(2L);
    assertThat(one).isNotEqualTo(two);
    assertThat(one[0]).isBetween(0L, 0xFFFF_FFFFL);
    assertThat(one[1] & 0x3FFFF).isBetween(1L, 2L); // a scheduler number under the middle word
  }

  /**
   * h for a function whose docs are not bundled says so and where they are; one that Elixir does
   * not have gets iex's own words.
   */
  @Test
  void hSaysWhereTheDocsItHasNotBundledAreAndIexsWordsForNoSuchFunction() {
    assertThat(console.eval("h Enum.map_reduce"))
        .isEqualTo(
            "The Kaboom console has not bundled the docs of Enum.map_reduce (iex prints them"
                + " here); they are at https://hexdocs.pm/elixir/1.14.0/Enum.html#map_reduce/3\n");
    assertThat(console.eval("h String")).contains("https://hexdocs.pm/elixir/1.14.0/String.html");
    assertThat(console.eval("h Enum.nope")).isEqualTo("No documentation for Enum.nope was found\n");
    assertThat(console.eval("h Enum.map_reduce/7"))
        .isEqualTo("No documentation for Enum.map_reduce/7 was found\n");
  }

  /** A spawned function's receive waits in its process, on virtual time, selectively. */
  @Test
  void aSpawnedFunctionReceivesSelectivelyOnVirtualTime() {
    console.eval("me = self()");
    console.eval(
        "pid = spawn(fn -> x = receive do {:add, a, b} -> a + b end; send(me, {:sum, x}) end)");
    console.eval("send(pid, :other); send(pid, {:add, 2, 3})");
    assertThat(console.eval("receive do {:sum, n} -> n after 0 -> :none end")).isEqualTo("5\n");
    console.eval("w = spawn(fn -> receive do :never -> 1 after 1000 -> send(me, :late) end end)");
    var scheduler = console.simulation().node().scheduler();
    long before = scheduler.nowMillis();
    assertThat(console.eval("receive do :late -> :late end")).isEqualTo(":late\n");
    assertThat(scheduler.nowMillis() - before).isEqualTo(1000);
  }

  /** fn ... end, f.(args), spawn(fn) and their errors, worded as iex 1.14 words them. */
  @Test
  void anonymousFunctionsRunAndSpawnAsInIex() {
    assertThat(console.eval("add = fn a, b -> a + b end"))
        .isEqualTo("#Function<41.3316493/2 in :erl_eval.expr/6>\n");
    assertThat(console.eval("add.(1, 2)")).isEqualTo("3\n");
    assertThat(console.eval("Enum.map([1, 2], fn x -> x * 2 end)")).isEqualTo("[2, 4]\n");
    assertThat(console.eval("add.(1)"))
        .isEqualTo(
            "** (BadArityError) #Function<41.3316493/2 in :erl_eval.expr/6> with arity 2 called"
                + " with 1 argument (1)\n\n");
    assertThat(console.eval("x = 5; x.(1)"))
        .isEqualTo("** (BadFunctionError) expected a function, got: 5\n\n");
    assertThat(console.eval("one = fn 1 -> :one end; one.(2)"))
        .startsWith(
            "** (FunctionClauseError) no function clause matching in"
                + " :erl_eval.\"-inside-an-interpreted-fun-\"/1");
    // unfinished until its end, as iex asks for more
    assertThat(console.eval("f = fn ->")).isEmpty();
    assertThat(console.prompt()).startsWith("...(");
    assertThat(console.eval("  IO.puts(\"in f\")")).isEmpty();
    assertThat(console.eval("end")).isEqualTo("#Function<43.3316493/0 in :erl_eval.expr/6>\n");
    assertThat(console.eval("f.()")).isEqualTo("in f\n:ok\n");
    // a spawned function runs in its own process: its line, then the pid
    assertThat(console.eval("spawn(fn -> IO.puts(\"hi\") end)"))
        .matches("hi\n#PID<0\\.\\d+\\.0>\n");
    assertThat(console.eval("me = self(); spawn(fn -> send(me, self()) end); Process.sleep(10)"))
        .isEqualTo(":ok\n");
    assertThat(console.eval("flush()")).matches("#PID<0\\.\\d+\\.0>\n:ok\n");
    // a linked one that exits kills the shell, as in iex
    assertThat(console.eval("spawn_link(fn -> exit(:boom) end); Process.sleep(50)"))
        .startsWith("** (EXIT from #PID<0.106.0>) shell process exited with reason: :boom\n");
    assertThat(console.eval("exit(:normal)")).isEqualTo("** (exit) normal\n\n");
  }

  /** v/0,1, recompile and helpers without parentheses, as iex 1.14 answers them. */
  @Test
  void historyRecompileAndHelpersWithoutParentheses() {
    console.eval("1 + 1");
    console.eval(":hello");
    assertThat(console.eval("v(1)")).isEqualTo("2\n");
    assertThat(console.eval("v()")).isEqualTo("2\n");
    assertThat(console.eval("v -2")).isEqualTo("2\n"); // v(-2), as Elixir reads it
    console.eval("x = 3");
    assertThat(console.eval("x - 1")).isEqualTo("2\n");
    assertThat(console.eval("x -1")).startsWith("** (CompileError) iex:");
    assertThat(console.eval("v(100)"))
        .isEqualTo(
            "** (RuntimeError) v(100) is out of bounds\n"
                + "    (iex 1.14.0) lib/iex/history.ex:54: IEx.History.nth/2\n"
                + "    (iex 1.14.0) lib/iex/helpers.ex:402: IEx.Helpers.v/1\n");
    assertThat(console.eval("recompile()"))
        .isEqualTo("Mix is not running. Please start IEx with: iex -S mix\n:error\n");
    assertThat(console.eval("self")).isEqualTo("#PID<0.106.0>\n"); // no variable warning
    assertThat(console.eval("pid \"0.106.0\"")).isEqualTo("#PID<0.106.0>\n");
    assertThat(console.eval("h Supervisor"))
        .startsWith("                                   Supervisor\n\nA behaviour module");
    assertThat(console.eval("h Process.exit/3"))
        .isEqualTo("No documentation for Process.exit/3 was found\n");
    assertThat(console.eval("h Servy.PledgeServer"))
        .isEqualTo("No documentation for Servy.PledgeServer was found\n");
    assertThat(console.eval("h Servy.PledgeServer.create_pledge"))
        .isEqualTo("\n                        def create_pledge(name, amount)\n\n");
    assertThat(console.eval("h Nope")).isEqualTo("Could not load module Nope, got: nofile\n");
    assertThat(console.eval("x end")).startsWith("** (SyntaxError)");
  }

  @Test
  void comparisonsAreElixirsTermOrder() {
    assertThat(console.eval("5 > 3")).isEqualTo("true\n");
    assertThat(console.eval("3 >= 3")).isEqualTo("true\n");
    assertThat(console.eval("1 < :a")).isEqualTo("true\n");
    assertThat(console.eval("[1, 2, 3] |> length() > 2")).isEqualTo("true\n");
    assertThat(console.eval("2 <= 1 == false")).isEqualTo("true\n");
  }

  /** IO.puts writes text, not inspected terms (as recorded from iex 1.14). */
  @Test
  void ioPutsWritesCharacterDataAndStringCharsAsIexDoes() {
    assertThat(console.eval("IO.puts(:ok)")).isEqualTo("ok\n:ok\n");
    assertThat(console.eval("IO.puts(nil)")).isEqualTo("\n:ok\n");
    assertThat(console.eval("IO.puts('abc')")).isEqualTo("abc\n:ok\n");
    assertThat(console.eval("IO.puts([\"a\", \"b\", ?c, ['d']])")).isEqualTo("abcd\n:ok\n");
    assertThat(console.eval("IO.puts(42)")).isEqualTo("42\n:ok\n");
    assertThat(console.eval("IO.puts({1})"))
        .isEqualTo(
            "** (Protocol.UndefinedError) protocol String.Chars not implemented for {1} of type"
                + " Tuple\n"
                + "    (elixir 1.14.0) lib/string/chars.ex:3: String.Chars.impl_for!/1\n"
                + "    (elixir 1.14.0) lib/string/chars.ex:22: String.Chars.to_string/1\n"
                + "    (elixir 1.14.0) lib/io.ex:767: IO.puts/2\n");
    assertThat(console.eval("IO.puts([:a])"))
        .isEqualTo(
            "** (ArgumentError) errors were found at the given arguments:\n\n"
                + "  * 2nd argument: not valid character data (an iodata term)\n\n"
                + "    (stdlib 4.2) io.erl:99: :io.put_chars(:standard_io, [[:a], 10])\n");
  }

  @Test
  void callsWithoutParenthesesAndIoWorkAsInIex() {
    assertThat(console.eval("IO.puts \"hello\"")).isEqualTo("hello\n:ok\n");
    assertThat(console.eval("IO.puts(\"hi\")")).isEqualTo("hi\n:ok\n");
    assertThat(console.eval("{:ok, sup} = Servy.ServicesSupervisor.start_link"))
        .endsWith("{:ok, #PID<0.108.0>}\n");
    assertThat(console.eval("Process.alive? sup")).isEqualTo("true\n");
    assertThat(console.eval("Process.whereis :nobody")).isEqualTo("nil\n");
    assertThat(console.eval("Supervisor.count_children sup"))
        .isEqualTo("%{active: 2, specs: 2, supervisors: 0, workers: 2}\n");
    assertThat(console.eval("Servy.PledgeServer.create_pledge \"moe\", 20"))
        .startsWith("\"pledge-");
    assertThat(console.eval("sup |> Supervisor.count_children")).startsWith("%{active: 2");
  }

  @Test
  void aMapsFieldIsReadWithADotAndAMissingOneIsAKeyError() {
    console.eval("m = %{active: 2, specs: 2}");
    assertThat(console.eval("m.active")).isEqualTo("2\n");
    assertThat(console.eval("m.nope"))
        .isEqualTo("** (KeyError) key :nope not found in: %{active: 2, specs: 2}\n\n");
    assertThat(console.eval("x = 1")).isEqualTo("1\n");
    assertThat(console.eval("x.foo"))
        .startsWith("** (KeyError) key :foo not found in: 1. If you are using the dot syntax");
    assertThat(console.eval("Supervisor.count_children(Servy.Nope).active"))
        .startsWith("** (exit) exited in: GenServer.call(Servy.Nope, :count_children, :infinity)");
  }

  @Test
  void aLineMayNestAHundredLevelsAndNoMore() {
    assertThat(console.eval("(".repeat(100) + "1" + ")".repeat(100))).isEqualTo("1\n");
    assertThat(console.eval("[".repeat(100) + "]".repeat(100))).doesNotContain("Error");
    assertThat(console.eval("Process.alive?(".repeat(99) + "self()" + ")".repeat(99)))
        .doesNotContain("nested too deep");
    assertThat(console.eval("(".repeat(101) + "1" + ")".repeat(101)))
        .contains("** (SyntaxError)", "nested too deep (more than 100 levels)");
  }

  @Test
  void aLongFlatSumIsEvaluatedAsIexDoesNotASystemLimit() {
    assertThat(console.eval(String.join("+", java.util.Collections.nCopies(3000, "1"))))
        .isEqualTo("3000\n");
    assertThat(console.eval(String.join(" + ", java.util.Collections.nCopies(20000, "2"))))
        .isEqualTo("40000\n");
    assertThat(console.eval("x = " + String.join(" - ", java.util.Collections.nCopies(3000, "1"))))
        .isEqualTo("-2998\n");
  }

  @Test
  void tabCompletesModulesFunctionsHelpersAndVariables() {
    assertThat(console.completions("Servy.Pl")).containsExactly("Servy.PledgeServer");
    assertThat(console.completions("Servy.PledgeServer."))
        .containsExactly(
            "Servy.PledgeServer.child_spec",
            "Servy.PledgeServer.create_pledge",
            "Servy.PledgeServer.recent_pledges",
            "Servy.PledgeServer.start_link",
            "Servy.PledgeServer.total_pledged");
    assertThat(console.completions("Supervisor.which_children(Servy.Se"))
        .containsExactly("Servy.SensorServer", "Servy.ServicesSupervisor");
    assertThat(console.completions("Process.whereis(:sensor_server) |> Process.ex"))
        .containsExactly("Process.exit");
    assertThat(console.completions("Supervisor.count"))
        .containsExactly("Supervisor.count_children");
    console.eval("sup_pid = self()");
    assertThat(console.completions("Process.alive?(su")).containsExactly("sup_pid");
    assertThat(console.completions("fl")).containsExactly("flush");
    assertThat(console.completions("Nope.")).isEmpty();
    assertThat(Console.wordAtEnd("x = [Servy.Sup")).isEqualTo("Servy.Sup");
  }

  @Test
  void theChapterSessionPrintsTheServersLinesAndValuesAsIex() {
    assertThat(console.eval("{:ok, sup_pid} = Servy.ServicesSupervisor.start_link()"))
        .startsWith(
            "Starting the services supervisor...\nStarting the pledge server...\n"
                + "Starting the sensor server with 60...\nRunning tasks to get sensor data...\n{:ok, #PID<0.")
        .doesNotContain("started");
    assertThat(console.eval("Supervisor.which_children(sup_pid)"))
        .matches(
            "\\[\n  \\{Servy.SensorServer, #PID<0.\\d+.0>, :worker, \\[Servy.SensorServer\\]\\},\n"
                + "  \\{Servy.PledgeServer, #PID<0.\\d+.0>, :worker, \\[Servy.PledgeServer\\]\\}\n\\]\n");
    assertThat(console.eval("Servy.PledgeServer.create_pledge(\"larry\", 10)"))
        .matches("\"pledge-\\d+\"\n");
    assertThat(console.eval("Process.whereis(:pledge_server) |> Process.exit(:kaboom)"))
        .isEqualTo("Starting the pledge server...\ntrue\n");
    assertThat(console.eval("Servy.PledgeServer.recent_pledges()")).isEqualTo("[]\n");
    assertThat(console.prompt()).isEqualTo("iex(6)> ");
  }

  @Test
  void aLineThatRaisesKeepsThePromptNumber() {
    assertThat(console.eval("Servy.Nope.start_link()"))
        .isEqualTo(
            "** (UndefinedFunctionError) function Servy.Nope.start_link/0 is undefined (module Servy.Nope is not"
                + " available)\n    Servy.Nope.start_link()\n");
    assertThat(console.eval("{:ok, x} = :error"))
        .isEqualTo("** (MatchError) no match of right hand side value: :error\n\n");
    assertThat(console.eval("Servy.PledgeServer.recent_pledges()"))
        .startsWith(
            "** (exit) exited in: GenServer.call(:pledge_server, :recent_pledges, 5000)\n    ** (EXIT) no process:");
    assertThat(console.eval("Process.exit(:sensor_server, :kaboom)"))
        .startsWith(
            "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a pid\n");
    assertThat(console.eval("sup"))
        .contains("** (CompileError) iex:1: undefined function sup/0 (there is no such import)");
    assertThat(console.eval("Process.exit(:x, )")).startsWith("** (SyntaxError) iex:1:");
    assertThat(console.prompt()).isEqualTo("iex(1)> ");
    assertThat(console.eval(":ok")).isEqualTo(":ok\n");
    assertThat(console.prompt()).isEqualTo("iex(2)> ");
  }

  @Test
  void anUnfinishedExpressionAsksForMore() {
    assertThat(console.eval("{:ok, sup} =")).isEmpty();
    assertThat(console.prompt()).isEqualTo("...(1)> ");
    assertThat(console.eval("  Servy.ServicesSupervisor.start_link()")).contains("{:ok, #PID<");
    assertThat(console.eval("Supervisor.count_children(")).isEmpty();
    assertThat(console.eval("sup)"))
        .isEqualTo("%{active: 2, specs: 2, supervisors: 0, workers: 2}\n");
    assertThat(console.prompt()).isEqualTo("iex(3)> ");
  }

  @Test
  void whenTheShellDiesANewOneStartsWithoutBindings() {
    console.eval("x = 42");
    String me = console.eval("self()");
    assertThat(console.eval("Process.exit(self(), :kill)"))
        .isEqualTo(
            "** (EXIT from "
                + me.strip()
                + ") shell process exited with reason: killed\n\n"
                + Console.BANNER
                + "\n");
    assertThat(console.prompt()).isEqualTo("iex(1)> ");
    assertThat(console.eval("x")).contains("** (CompileError) iex:1: undefined function x/0");
    assertThat(console.eval("self()")).isNotEqualTo(me);
  }

  @Test
  void aLinkedShellDiesWithTheProcessItStarted() {
    console.eval("{:ok, sup} = Servy.ServicesSupervisor.start_link()");
    assertThat(console.eval("Process.exit(sup, :kaboom); Process.sleep(200)"))
        .contains("shell process exited with reason: :kaboom");
    assertThat(console.eval("Process.whereis(:pledge_server)")).isEqualTo("nil\n");
  }

  @Test
  void theKickStarterRestartsTheHttpServerItLinked() {
    console.eval("Servy.KickStarter.start_link()");
    assertThat(console.eval("Process.whereis(:http_server) |> Process.exit(:kaboom)"))
        .isEqualTo("HttpServer exited (:kaboom)\nStarting the HTTP server...\ntrue\n");
  }

  @Test
  void aLineNestedTooDeepIsAnErrorAndTheConsoleGoesOn() {
    assertThat(console.eval("[".repeat(5000) + "]".repeat(5000))).startsWith("** (SyntaxError)");
    assertThat(console.eval("{".repeat(100_000))).startsWith("** (SyntaxError)");
    assertThat(console.eval(":ok")).isEqualTo(":ok\n");
  }

  @Test
  void eventsArePrintedOnlyWhenAsked() {
    Console withEvents = new Console(course(), true);
    assertThat(withEvents.eval("Servy.PledgeServer.start_link()"))
        .contains("  started  Servy.PledgeServer #PID<");
  }

  @Test
  void aPipedSessionEchoesItsLinesAndStopsAtEndOfInput() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    console.run(
        new BufferedReader(
            new StringReader(
                "Servy.PledgeServer.start_link()\nSupervisor.count_children(\n:nope)\n")),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        true);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .startsWith(
            Console.TERMINAL_BANNER
                + "\niex(1)> Servy.PledgeServer.start_link()\nStarting the pledge server...\n")
        .contains(
            "iex(2)> Supervisor.count_children(\n...(2)> :nope)\n** (exit) exited in: GenServer.call(:nope, :count_children, :infinity)")
        .endsWith("iex(2)> \n");
  }
}
