send(self(), :hello)
receive do :hello -> :got_it end
receive do :hello -> :got_it after 0 -> :nothing end
receive do
  x -> x
after
  100 -> :timeout
end
send(self(), {:msg, 1}); send(self(), {:other, 2})
receive do {:other, n} -> n end
flush()
me = self()
spawn(fn -> Process.sleep(200); send(me, :late) end)
receive do :late -> :got_late after 1000 -> :too_late end
spawn(fn -> Process.sleep(500); send(me, :later) end)
receive do :later -> :got_it after 100 -> :gave_up end
Process.sleep(600)
receive do m -> m after 0 -> :empty end
Servy.ServicesSupervisor.start_link()
pid = Process.whereis(:pledge_server)
ref = Process.monitor(pid)
Process.exit(pid, :kaboom)
receive do {:DOWN, ^ref, :process, ^pid, reason} -> reason after 1000 -> :no_down end
Process.flag(:trap_exit, true)
spawn_link(fn -> exit(:boom) end)
receive do {:EXIT, _from, reason} -> reason after 1000 -> :none end
send(self(), 42); send(self(), :not_an_int)
receive do x when is_integer(x) -> x * 2 after 10 -> :no_int end
receive do x when is_integer(x) -> x after 10 -> :no_int end
receive do after 50 -> :just_wait end
receive do {:reply, value} -> value after 0 -> :nothing end
flush()
receive do x -> :unused after 0 -> :empty end
