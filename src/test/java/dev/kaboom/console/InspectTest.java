package dev.kaboom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaboom.engine.Atom;
import dev.kaboom.engine.Bin;
import dev.kaboom.engine.IntTerm;
import dev.kaboom.engine.MapTerm;
import dev.kaboom.engine.Pid;
import dev.kaboom.engine.Term;
import dev.kaboom.engine.TermList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values as iex prints them (each expectation copied from Elixir 1.14's iex). */
class InspectTest {
  /** A module's atom: {@code Servy.KickStarter} is {@code :"Elixir.Servy.KickStarter"}. */
  private static Term alias(String m) {
    return Atom.of("Elixir." + m);
  }

  @Test
  void theAlgebraFollowsElixirsDocExamples() {
    Algebra.Doc hello =
        Algebra.group(Algebra.glue(Algebra.bin("hello"), " ", Algebra.bin("world")));
    assertThat(Algebra.format(hello, 30)).isEqualTo("hello world");
    assertThat(Algebra.format(hello, 10)).isEqualTo("hello\nworld");
    Algebra.Doc nested =
        Algebra.group(
            Algebra.nest(Algebra.glue(Algebra.bin("hello"), " ", Algebra.bin("world")), 5));
    assertThat(Algebra.format(nested, 5)).isEqualTo("hello\n     world");
    Algebra.Doc groups =
        Algebra.group(
            Algebra.concat(
                Algebra.group(
                    Algebra.concat(
                        Algebra.bin("Hello,"),
                        Algebra.concat(Algebra.breakDoc(" "), Algebra.bin("A")))),
                Algebra.concat(Algebra.breakDoc(" "), Algebra.bin("B"))));
    assertThat(Algebra.format(groups, 80)).isEqualTo("Hello, A B");
    assertThat(Algebra.format(groups, 6)).isEqualTo("Hello,\nA\nB");
  }

  @Test
  void listsOfTuplesBreakOneElementPerLine() {
    Term row1 =
        Term.tuple(
            alias("Servy.ServicesSupervisor"),
            new Pid(116),
            Atom.SUPERVISOR,
            Term.list(List.of(alias("Servy.ServicesSupervisor"))));
    Term row2 =
        Term.tuple(
            alias("Servy.KickStarter"),
            new Pid(109),
            Atom.WORKER,
            Term.list(List.of(alias("Servy.KickStarter"))));
    assertThat(Inspect.inspect(Term.list(List.of(row1, row2))))
        .isEqualTo(
            "[\n  {Servy.ServicesSupervisor, #PID<0.116.0>, :supervisor,\n   [Servy.ServicesSupervisor]},\n"
                + "  {Servy.KickStarter, #PID<0.109.0>, :worker, [Servy.KickStarter]}\n]");
  }

  @Test
  void simpleListsFillTheLine() {
    List<Term> numbers = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      numbers.add(new IntTerm(i));
    }
    assertThat(Inspect.inspect(new TermList(numbers)))
        .isEqualTo(
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n 23, 24, 25, 26, 27, 28, 29, 30]");
    assertThat(
            Inspect.inspect(
                Term.list(
                    List.of(
                        alias("Servy.KickStarter"),
                        alias("Servy.ServicesSupervisor"),
                        alias("Servy.PledgeServer"),
                        alias("Servy.SensorServer"),
                        Atom.of("http_server")))))
        .isEqualTo(
            "[Servy.KickStarter, Servy.ServicesSupervisor, Servy.PledgeServer,\n Servy.SensorServer, :http_server]");
  }

  @Test
  void mapsStringsCharlistsKeywordsAndAtoms() {
    Map<Term, Term> m = new LinkedHashMap<>();
    m.put(Atom.of("name"), new Bin("larry"));
    m.put(Atom.of("amount"), new IntTerm(10));
    assertThat(Inspect.inspect(new MapTerm(m))).isEqualTo("%{amount: 10, name: \"larry\"}");
    assertThat(Inspect.inspect(Term.list(List.of(new IntTerm('a'), new IntTerm('b')))))
        .isEqualTo("'ab'");
    assertThat(Inspect.inspect(Term.list(List.of(new IntTerm('a'), new IntTerm(200)))))
        .isEqualTo("[97, 200]");
    assertThat(Inspect.inspect(Term.list(List.of(Term.tuple(Atom.of("one"), new IntTerm(1))))))
        .isEqualTo("[one: 1]");
    assertThat(
            Inspect.inspect(
                Term.tuple(Atom.EXIT, Atom.of("kaboom"), Atom.of("nil"), Atom.of("with space"))))
        .isEqualTo("{:EXIT, :kaboom, nil, :\"with space\"}");
    assertThat(Inspect.inspect(new Bin("say \"hi\"\n"))).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(Inspect.inspect(Term.list(List.of()))).isEqualTo("[]");
  }

  @Test
  void aTupleOfMapsBreaksAfterTheComma() {
    Map<Term, Term> a = new LinkedHashMap<>();
    for (String k : List.of("active", "specs", "supervisors", "workers")) {
      a.put(Atom.of(k), new IntTerm(k.equals("supervisors") ? 1 : k.equals("workers") ? 1 : 2));
    }
    Map<Term, Term> b = new LinkedHashMap<>(a);
    b.put(Atom.of("supervisors"), new IntTerm(0));
    b.put(Atom.of("workers"), new IntTerm(2));
    assertThat(Inspect.inspect(Term.tuple(new MapTerm(a), new MapTerm(b))))
        .isEqualTo(
            "{%{active: 2, specs: 2, supervisors: 1, workers: 1},\n %{active: 2, specs: 2, supervisors: 0, workers: 2}}");
  }

  @Test
  void moduleAtomsAreWrittenAsTheirAliasesAndOtherCapitalAtomsQuotedOrNot() {
    assertThat(Inspect.inspect(alias("Foo.Bar"))).isEqualTo("Foo.Bar");
    assertThat(Inspect.inspect(Atom.of("Foo"))).isEqualTo(":Foo");
    assertThat(Inspect.inspect(Atom.of("Elixir"))).isEqualTo("Elixir");
    assertThat(Inspect.inspect(Atom.of("Elixir.foo"))).isEqualTo(":\"Elixir.foo\"");
    assertThat(Inspect.inspect(Atom.of("Elixir.Foo.bar"))).isEqualTo(":\"Elixir.Foo.bar\"");
    // Inspect.List.keyword?/1: a key that starts with Elixir. makes no keyword list
    assertThat(Inspect.inspect(Term.list(List.of(Term.tuple(Atom.of("Foo"), new IntTerm(1))))))
        .isEqualTo("[Foo: 1]");
    assertThat(Inspect.inspect(Term.list(List.of(Term.tuple(alias("Foo"), new IntTerm(1))))))
        .isEqualTo("[{Foo, 1}]");
  }
}
