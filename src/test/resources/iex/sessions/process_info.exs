{:ok, sup} = Servy.ServicesSupervisor.start_link()
Process.info(sup, :links)
Process.info(sup, :status)
Process.info(self(), :status)
Process.info(sup, [:registered_name, :trap_exit])
Process.info(Process.whereis(:pledge_server), [:registered_name, :links])
Process.info(:nobody, :links)
Supervisor.count_children(sup).active > 1
[1, 2, 3] |> length() >= 3
:a < 1
Process.exit(sup, :normal)
Process.alive?(sup)
Supervisor.count_children(sup)
