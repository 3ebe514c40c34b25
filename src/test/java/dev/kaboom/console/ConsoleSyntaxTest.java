package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Atom;
import org.junit.jupiter.api.Test;

/**
 * Elixir's syntax as the console reads it, each answer checked against iex 1.14 (sessions
 * module_atoms and access): module names are atoms with {@code Elixir.}, Access and map updates.
 */
class ConsoleSyntaxTest {
  private final Console console = new Console(ConsoleTest.course());

  @Test
  void anAliasIsTheAtomWithElixirInFront() {
    assertThat(console.eval("M == :M")).isEqualTo("false\n");
    assertThat(console.eval("Foo == :\"Elixir.Foo\"")).isEqualTo("true\n");
    assertThat(console.eval("Atom.to_string(Servy.PledgeServer)"))
        .isEqualTo("\"Elixir.Servy.PledgeServer\"\n");
    assertThat(console.eval(":\"Elixir.Foo\"")).isEqualTo("Foo\n");
    assertThat(console.eval(":Foo")).isEqualTo(":Foo\n");
    assertThat(console.eval("Elixir.Foo.Bar")).isEqualTo("Foo.Bar\n");
    assertThat(console.eval("String.to_atom(\"Foo\")")).isEqualTo(":Foo\n");
    assertThat(console.eval("[{:Foo, 1}, {:b, 2}]")).isEqualTo("[Foo: 1, b: 2]\n");
    assertThat(console.eval("[{Foo, 1}]")).isEqualTo("[{Foo, 1}]\n");
    assertThat(Parser.aliasAtom("Servy.PledgeServer")).isEqualTo("Elixir.Servy.PledgeServer");
    assertThat(Console.engineName(Atom.of("Elixir.Servy.PledgeServer")))
        .isEqualTo("Servy.PledgeServer");
    assertThat(Console.engineName(Atom.of("pledge_server"))).isEqualTo("pledge_server");
  }

  @Test
  void modulesAreCalledRegisteredAndListedByTheirAtoms() {
    console.eval("{:ok, sup} = Servy.ServicesSupervisor.start_link()");
    assertThat(console.eval("Process.whereis(Servy.ServicesSupervisor) == sup"))
        .isEqualTo("true\n");
    assertThat(console.eval("Servy.PledgeServer.child_spec([])"))
        .isEqualTo("%{id: Servy.PledgeServer, start: {Servy.PledgeServer, :start_link, [[]]}}\n");
    assertThat(console.eval("Supervisor.which_children(sup)"))
        .contains("{Servy.PledgeServer, #PID<")
        .contains(":worker, [Servy.PledgeServer]}");
    console.eval("m = Servy.PledgeServer");
    console.eval("m.create_pledge(\"moe\", 20)");
    assertThat(console.eval(":\"Elixir.Servy.PledgeServer\".total_pledged()")).isEqualTo("20\n");
    assertThat(console.eval("m.total_pledged")).isEqualTo("20\n");
    assertThat(console.eval("Process.info(sup, :registered_name)"))
        .isEqualTo("{:registered_name, Servy.ServicesSupervisor}\n");
    assertThat(console.eval("Supervisor.terminate_child(sup, Servy.PledgeServer)"))
        .isEqualTo(":ok\n");
    assertThat(console.eval(":\"Elixir.Nope\".go()"))
        .startsWith(
            "** (UndefinedFunctionError) function Nope.go/0 is undefined (module Nope is not"
                + " available)");
    assertThat(console.eval("y = 3; y.foo()"))
        .startsWith("** (ArgumentError) you attempted to apply a function named :foo on 3.");
  }

  @Test
  void accessReadsMapsKeywordListsAndNil() {
    console.eval("m = %{a: 1, b: 2}");
    assertThat(console.eval("m[:a]")).isEqualTo("1\n");
    assertThat(console.eval("m[:z]")).isEqualTo("nil\n");
    assertThat(console.eval("[a: 1, a: 3][:a]")).isEqualTo("1\n");
    assertThat(console.eval("nil[:x]")).isEqualTo("nil\n");
    assertThat(console.eval("[a: %{b: 1}][:a][:b] + 1")).isEqualTo("2\n");
    assertThat(console.eval("[1, 2][0]"))
        .isEqualTo(
            "** (ArgumentError) the Access calls for keywords expect the key to be an atom, got:"
                + " 0\n    (elixir 1.14.0) lib/access.ex:313: Access.get/3\n");
    assertThat(console.eval("{1, 2}[0]"))
        .startsWith("** (FunctionClauseError) no function clause matching in Access.get/3");
    assertThat(console.eval("(1..3)[:a]"))
        .startsWith(
            "** (UndefinedFunctionError) function Range.fetch/2 is undefined (Range does not"
                + " implement the Access behaviour.");
  }

  @Test
  void aMapUpdateNeedsTheKeysThere() {
    console.eval("m = %{a: 1, b: 2}");
    assertThat(console.eval("%{m | a: 5}")).isEqualTo("%{a: 5, b: 2}\n");
    assertThat(console.eval("%{m | a: 2, z: 1}"))
        .isEqualTo(
            "** (KeyError) key :z not found in: %{a: 2, b: 2}\n"
                + "    (stdlib 4.2) :maps.update(:z, 1, %{a: 2, b: 2})\n"
                + "    (stdlib 4.2) erl_eval.erl:309: anonymous fn/2 in :erl_eval.expr/6\n"
                + "    (stdlib 4.2) lists.erl:1355: :lists.foldl_1/3\n");
    assertThat(console.eval("%{nil | a: 1}"))
        .isEqualTo(
            "** (BadMapError) expected a map, got: nil\n    (stdlib 4.2) :maps.put(:k, :v, nil)\n");
    assertThat(console.eval("%{a: 1, a: 2}"))
        .isEqualTo("warning: key :a will be overridden in map\n  iex:3\n\n%{a: 2}\n");
  }

  @Test
  void putInAndUpdateInFollowAPath() {
    console.eval("s = %{user: %{name: \"moe\"}}");
    assertThat(console.eval("put_in(s.user.name, \"larry\")"))
        .isEqualTo("%{user: %{name: \"larry\"}}\n");
    assertThat(console.eval("update_in(s[:user][:name], &String.upcase/1)"))
        .isEqualTo("%{user: %{name: \"MOE\"}}\n");
    assertThat(console.eval("put_in([b: 1], [:a], 2)")).isEqualTo("[a: 2, b: 1]\n");
    assertThat(console.eval("get_in(s, [:user, :name])")).isEqualTo("\"moe\"\n");
    assertThat(console.eval("put_in(s.user.nope, 1)"))
        .isEqualTo(
            "** (KeyError) key :nope not found in: %{name: \"moe\"}\n"
                + "    :erlang.map_get(:nope, %{name: \"moe\"})\n"
                + "    (elixir 1.14.0) lib/map.ex:319: Map.update!/3\n"
                + "    (elixir 1.14.0) lib/map.ex:883: Map.update!/3\n");
    assertThat(console.eval("put_in(%{a: nil}, [:a, :b], 1)"))
        .isEqualTo(
            "** (ArgumentError) could not put/update key :b on a nil value\n"
                + "    (elixir 1.14.0) lib/access.ex:368: Access.get_and_update/3\n"
                + "    (elixir 1.14.0) lib/map.ex:924: Map.get_and_update/3\n"
                + "    (elixir 1.14.0) lib/kernel.ex:2701: Kernel.put_in/3\n");
  }

  @Test
  void sigilsMakeStringsCharlistsAndWords() {
    assertThat(console.eval("~w(a b c)a")).isEqualTo("[:a, :b, :c]\n");
    assertThat(console.eval("~w[x  y]c")).isEqualTo("['x', 'y']\n");
    assertThat(console.eval("~s(a #{1 + 1} \\) b)")).isEqualTo("\"a 2 ) b\"\n");
    assertThat(console.eval("~S(a #{1} \\t)")).isEqualTo("\"a \\#{1} \\\\t\"\n");
    assertThat(console.eval("~c(abc)")).isEqualTo("'abc'\n");
    assertThat(console.eval("~w(a)x"))
        .startsWith("** (ArgumentError) modifier must be one of: s, a, c");
    assertThat(console.eval("~r/ab+c/"))
        .startsWith("** (Kaboom.UnsupportedError) the Kaboom console does not run regular");
    assertThat(console.eval("~x(a)"))
        .startsWith("** (CompileError) iex:6: undefined function sigil_x/2");
  }

  @Test
  void escapesAreElixirs() {
    assertThat(console.eval("\"\\u0041\\u{1F600}\\x41\"")).isEqualTo("\"A\uD83D\uDE00A\"\n");
    assertThat(console.eval("\"a\\tb\\e\\\\\\\"\"")).isEqualTo("\"a\\tb\\e\\\\\\\"\"\n");
    assertThat(console.eval("\"\\xc3\\xa9\" == \"\u00e9\"")).isEqualTo("true\n");
    assertThat(console.eval("\"\\xff\"")).isEqualTo("<<255>>\n");
    assertThat(console.eval("\"a\\0\"")).isEqualTo("<<97, 0>>\n");
  }

  @Test
  void binariesAreBytes() {
    assertThat(console.eval("<<97, 98, 99>> == \"abc\"")).isEqualTo("true\n");
    assertThat(console.eval("<<200, 1::16>>")).isEqualTo("<<200, 0, 1>>\n");
    assertThat(console.eval("byte_size(<<955::utf8>>)")).isEqualTo("2\n");
    assertThat(console.eval("<<195>> <> <<169>>")).isEqualTo("\"\u00e9\"\n");
    assertThat(console.eval("<<h, rest::binary>> = <<1, 200, 3>>")).isEqualTo("<<1, 200, 3>>\n");
    assertThat(console.eval("{h, rest}")).isEqualTo("{1, <<200, 3>>}\n");
    assertThat(console.eval("for <<c <- \"ab\">>, do: c + 1")).isEqualTo("'bc'\n");
    byte[] raw = {(byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 0x41};
    assertThat(Binaries.bytes(Binaries.of(raw))).isEqualTo(raw);
    assertThat(Binaries.of(raw).value()).startsWith("\u00e9");
  }

  @Test
  void operatorsBindAsElixirsTableSays() {
    assertThat(console.eval("1..3 ++ [4]"))
        .isEqualTo("** (ArgumentError) argument error\n    :erlang.++(3, [4])\n");
    assertThat(console.eval("[1, 2] -- [2] ++ [2]")).isEqualTo("[1]\n");
    assertThat(console.eval("[1, 2, 3] -- [1] -- [1]")).isEqualTo("[1, 2, 3]\n");
    assertThat(console.eval("1 not in [2]")).isEqualTo("true\n");
    assertThat(console.eval("+3")).isEqualTo("3\n");
    assertThat(console.eval("with {:ok, a} <- :no, do: a, else: (:no -> :was_no; _ -> :err)"))
        .isEqualTo(":was_no\n");
    String chain = String.join(" ++ ", java.util.Collections.nCopies(20000, "[1]"));
    assertThat(console.eval("length(" + chain + ")")).isEqualTo("20000\n");
  }
}
