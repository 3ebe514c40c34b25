i 5
i -5
i "abc"
i ""
i "é"
i :atom
i nil
i true
i :"hello world"
i Servy.Nope
i [1, 2]
i []
i 'ab'
i [a: 1]
i [{:a, 1}, 2]
i [1 | 2]
i {1, 2}
i %{a: 1}
i %{}
i 1..3
i 1..5//2
i make_ref()
i fn x -> x end
i(&IO.puts/1)
i(&(&1 + 1))
i self()
send(self(), :hi)
i self()
flush()
{:ok, sup} = Servy.ServicesSupervisor.start_link()
i sup
i Process.whereis(:pledge_server)
pid = spawn(fn -> :ok end)
Process.sleep(10)
i pid
i()
