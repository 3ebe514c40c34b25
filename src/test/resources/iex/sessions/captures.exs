inc = &(&1 + 1)
inc.(41)
inc.(1, 2)
p = &IO.puts/1
p.("captured")
p.()
Enum.map([1, 2, 3], &(&1 * &1))
Enum.each([1, 2], &IO.puts/1)
add = &(&1 + &2)
add.(1, 2)
&+/2
&{&1, &2}
(&{&1, &2}).(:x, :y)
&[&1, :x]
&(&1.name)
(&(&1.name)).(%{name: "larry"})
&Process.alive?/1
&Process.whereis/1
&Process.exit/2
&self/0
&is_pid/1
&elem/2
&inspect/1
&flush/0
&Enum.map/2
&IO.puts(&1)
pledge = &Servy.PledgeServer.create_pledge/2
Servy.PledgeServer.start_link()
pledge.("larry", 10)
pledge.(1)
total = &Servy.PledgeServer.total_pledged/0
total.()
alive = &Process.alive?/1
Process.whereis(:pledge_server) |> alive.()
&(&2)
&1
&nope/1
&IO.puts("x")
&Nope.nope/1
