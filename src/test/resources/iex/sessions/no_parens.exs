{:ok, sup_pid} = Servy.ServicesSupervisor.start_link
Supervisor.which_children sup_pid
Process.whereis :sensor_server
sup_pid |> Supervisor.count_children
Process.alive? sup_pid
Servy.PledgeServer.create_pledge "moe", 20
IO.puts "hello"
IO.inspect {:ok, 1}
Servy.PledgeServer.recent_pledges
Supervisor.count_children(sup_pid).active
m = %{a: 1}
m.b
