Servy.ServicesSupervisor.start_link
{:ok, sup_pid} = Servy.ServicesSupervisor.start_link()
Supervisor.which_children(sup)
Servy.PledgeServer.create(10)
Servy.SensorServer.start_link()
Process.exit(:sensor_server, :kaboom)
Supervisor.which_children(sup_pid
Supervisor.count_children(sup_pid))
Supervisor.count_children(sup_pid)
