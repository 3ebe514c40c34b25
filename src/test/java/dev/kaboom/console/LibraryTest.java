package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * IO.inspect's options, blank lines, i/1, the added String/Enum/Map/List/Kernel functions and the
 * Erlang modules (sessions io_inspect, blank_lines, info_helper, stdlib_more, erlang_modules hold
 * what iex 1.14 printed; these pin the console's side of the details).
 */
class LibraryTest {
  private final Console console = new Console(ConsoleTest.course());

  @Test
  void ioInspectPrintsTheLabelAndReturnsItsValueInAPipeline() {
    assertThat(console.eval("IO.inspect(5, label: \"l\")")).isEqualTo("l: 5\n5\n");
    assertThat(console.eval("[1, 2] |> IO.inspect(label: :x) |> length()"))
        .isEqualTo("x: [1, 2]\n2\n");
    assertThat(console.eval("IO.inspect([1, 2, 3], limit: 2, label: nil)"))
        .isEqualTo("[1, 2, ...]\n[1, 2, 3]\n");
    assertThat(console.eval("IO.inspect('ab', charlists: :as_lists)"))
        .isEqualTo("[97, 98]\n'ab'\n");
    assertThat(console.eval("IO.inspect([1, 2, 3], width: 5)"))
        .isEqualTo("[1,\n 2,\n 3]\n[1, 2, 3]\n");
    assertThat(console.eval("IO.inspect(1, 2)"))
        .startsWith("** (FunctionClauseError) no function clause matching in IO.inspect/3")
        .contains(
            "def inspect(device, item, opts) when is_atom(device) or -is_pid(device)- and -is_list(opts)-");
  }

  @Test
  void aBlankLineIsNilAndCountsAsIex114CountsIt() {
    assertThat(console.prompt()).isEqualTo("iex(1)> ");
    assertThat(console.eval("")).isEqualTo("nil\n");
    assertThat(console.eval("   ")).isEqualTo("nil\n");
    assertThat(console.prompt()).isEqualTo("iex(3)> ");
    assertThat(console.eval("[1,")).isEmpty();
    assertThat(console.eval("")).isEmpty(); // inside an unfinished expression: more of it
    assertThat(console.eval("2]")).isEqualTo("[1, 2]\n");
  }

  @Test
  void iDescribesATermAsIexDoes() {
    assertThat(console.eval("i 5"))
        .isEqualTo(
            "Term\n  5\nData type\n  Integer\nReference modules\n  Integer\n"
                + "Implemented protocols\n  IEx.Info, Inspect, List.Chars, String.Chars\n");
    assertThat(console.prompt()).isEqualTo("iex(2)> ");
    String shell = console.shellPid().toString();
    console.eval("send(self(), :hi)");
    assertThat(console.eval("i self()"))
        .contains(
            "Alive\n  true\nName\n  not registered\nLinks\n  none\nMessage queue length\n  1\n");
    console.eval("{:ok, sup} = Servy.ServicesSupervisor.start_link()");
    assertThat(console.eval("i sup"))
        .contains("Name\n  Servy.ServicesSupervisor\nLinks\n  #PID<0.")
        .contains(", " + shell + "\n");
  }

  @Test
  void addedFunctionsAnswerAsElixirDoes() {
    assertThat(console.eval("String.split(\"abc\", \"\")"))
        .isEqualTo("[\"\", \"a\", \"b\", \"c\", \"\"]\n");
    assertThat(console.eval("String.pad_leading(\"7\", 3, \"0\")")).isEqualTo("\"007\"\n");
    assertThat(console.eval("Enum.chunk_every([1, 2, 3], 2)")).isEqualTo("[[1, 2], [3]]\n");
    assertThat(console.eval("Enum.group_by([1, 2, 3], &rem(&1, 2))"))
        .isEqualTo("%{0 => [2], 1 => [1, 3]}\n");
    assertThat(console.eval("Map.take(%{a: 1, b: 2}, [:a])")).isEqualTo("%{a: 1}\n");
    assertThat(console.eval("apply(Enum, :sum, [[1, 2]])")).isEqualTo("3\n");
    assertThat(console.eval("5 |> then(&(&1 * 2))")).isEqualTo("10\n");
  }

  @Test
  void erlangModulesAnswerAndUnknownFunctionsGetIexsError() {
    assertThat(console.eval(":lists.reverse([1, 2, 3])")).isEqualTo("[3, 2, 1]\n");
    assertThat(console.eval(":lists.seq(1, 5)")).isEqualTo("[1, 2, 3, 4, 5]\n");
    assertThat(console.eval(":lists.sum([1, 2, 3])")).isEqualTo("6\n");
    assertThat(console.eval(":lists.nope(1)"))
        .isEqualTo(
            "** (UndefinedFunctionError) function :lists.nope/1 is undefined or private\n"
                + "    (stdlib 4.2) :lists.nope(1)\n");
    assertThat(console.eval(":erlang.nope()"))
        .startsWith(
            "** (UndefinedFunctionError) function :erlang.nope/0 is undefined or private."
                + " Did you mean:\n\n      * node/0\n      * node/1\n      * nodes/2\n");
    assertThat(console.eval(":math.log(2)")).contains("Kaboom.UnsupportedError");
  }

  @Test
  void randDrawsFromTheEnginesSeed() {
    String draws = console.eval("for _ <- 1..10, do: :rand.uniform(100)");
    assertThat(new Console(ConsoleTest.course()).eval("for _ <- 1..10, do: :rand.uniform(100)"))
        .isEqualTo(draws);
    assertThat(console.eval("Enum.all?(for _ <- 1..200, do: :rand.uniform(3) in 1..3)"))
        .isEqualTo("true\n");
  }

  @Test
  void aSensorServerStartedWithNoIntervalTakesTheShellWithIt() {
    String shell = console.shellPid().toString();
    assertThat(console.eval("Servy.SensorServer.start_link([])"))
        .startsWith(
            "Starting the sensor server with ...\nRunning tasks to get sensor data...\n"
                + "** (EXIT from "
                + shell
                + ") shell process exited with reason: an exception was raised:\n"
                + "    ** (ArithmeticError) bad argument in arithmetic expression\n"
                + "        :erlang.*([], 1000)\n"
                + "        (stdlib 4.2) timer.erl:289: :timer.seconds/1\n");
    assertThat(console.shellPid().toString()).isNotEqualTo(shell);
    assertThat(console.prompt()).isEqualTo("iex(1)> ");
  }

  @Test
  void jaroAsTheDidYouMeanUsesIt() {
    assertThat(Library.jaro("nope", "nope")).isEqualTo(1.0);
    assertThat(Library.jaro("abc", "xyz")).isEqualTo(0.0);
    assertThat(Library.jaro("martha", "marhta")).isBetween(0.944, 0.945);
  }
}
