Servy.PledgeServer == :"Elixir.Servy.PledgeServer"
M == :M
Atom.to_string(Servy.PledgeServer)
:"Elixir.Foo"
:Foo
is_atom(Foo)
[{:Foo, 1}]
[{Foo, 1}]
%{Foo => 1, :Bar => 2}
to_string(Servy.PledgeServer)
"#{Foo}"
String.to_atom("Elixir.Foo")
String.to_atom("Foo")
Elixir.Foo
:Elixir
:"Elixir.foo"
Enum.sort([Foo, :b, :Z])
{:ok, sup} = Servy.ServicesSupervisor.start_link()
Process.whereis(Servy.ServicesSupervisor) == sup
Supervisor.which_children(Servy.ServicesSupervisor)
Servy.PledgeServer.child_spec([])
Servy.PledgeServer.create_pledge("larry", 10)
m = Servy.PledgeServer
m.recent_pledges()
m.total_pledged
:"Elixir.Servy.PledgeServer".total_pledged()
Foo.bar()
:"Elixir.Foo".bar()
x = Foo
x.bar
y = 3
y.foo()
Process.info(sup, :registered_name)
Supervisor.terminate_child(Servy.ServicesSupervisor, Servy.PledgeServer)
Supervisor.restart_child(Servy.ServicesSupervisor, Servy.PledgeServer)
Supervisor.count_children(Servy.ServicesSupervisor)
