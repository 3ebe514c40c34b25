package dev.kaboom.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TermSyntaxTest {
  @Test
  void erlangTermsRoundTrip() throws Exception {
    for (String s :
        new String[] {
          "kaboom",
          "{shutdown,done}",
          "{badarith,[]}",
          "'EXIT'",
          "{noproc,{'Elixir.GenServer',call,[1,-2]}}",
          "[a,[b,{}]]"
        }) {
      assertThat(TermSyntax.parseErlang(s).format()).isEqualTo(s);
    }
    assertThat(TermSyntax.parseErlang(" { shutdown , done } "))
        .isEqualTo(Term.tuple(Atom.SHUTDOWN, Atom.of("done")));
  }

  @Test
  void elixirTermsParseAndPrint() throws Exception {
    Term t = TermSyntax.parseElixir("{:shutdown, :done}");
    assertThat(t.format()).isEqualTo("{shutdown,done}");
    assertThat(TermSyntax.formatElixir(t)).isEqualTo("{:shutdown, :done}");
    Term m = TermSyntax.parseElixir("{:noproc, {GenServer, :call, [true, nil, 3]}}");
    assertThat(m.format()).isEqualTo("{noproc,{'Elixir.GenServer',call,[true,nil,3]}}");
    assertThat(TermSyntax.formatElixir(m))
        .isEqualTo("{:noproc, {GenServer, :call, [true, nil, 3]}}");
    assertThat(TermSyntax.formatElixir(Atom.of("EXIT"))).isEqualTo(":EXIT");
    assertThat(TermSyntax.formatElixir(Atom.of("a b"))).isEqualTo(":\"a b\"");
  }

  @Test
  void badInputSaysWhere() {
    assertThatThrownBy(() -> TermSyntax.parseElixir("{:shutdown, done}"))
        .hasMessage("column 13: 'done' is a variable: write the atom as :done");
    assertThatThrownBy(() -> TermSyntax.parseErlang("{shutdown,done"))
        .hasMessage("column 15: missing '}'");
    assertThatThrownBy(() -> TermSyntax.parseErlang("Reason"))
        .isInstanceOf(TermSyntax.ParseError.class);
    assertThatThrownBy(() -> TermSyntax.parseElixir("")).hasMessageContaining("empty term");
  }
}
