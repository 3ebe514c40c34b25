:sensor_server |> Process.whereis |> Process.alive?
Servy.PledgeServer.create_pledge("larry")
{:ok, pid} = Servy.PledgeServer.start_link()
Servy.PledgeServer.create_pledge("larry", 10)
Servy.PledgeServer.create_pledge "moe", 20
pledges = Servy.PledgeServer.recent_pledges()
[{name, amount} | _] = pledges
"#{name} pledged #{amount}"
Enum.map(pledges, fn {name, _} -> name end)
Enum.map(pledges, &elem(&1, 1)) |> Enum.sum()
tuple = {:a, :b}
elem(tuple, 5)
hd([])
x = 1
^x = 3
{a, a} = {1, 2}
[1, 2, 3] -- [2]
1 + :a
is_pid(pid) and Process.alive?(pid)
