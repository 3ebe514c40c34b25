h Process.monitor
h Supervisor.which_children/1
h Supervisor.start_link/2
h Supervisor.stop/2
h Process.info/1
h Process.exit/3
h Servy.PledgeServer
h Servy.PledgeServer.create_pledge
h Nope
h Nope.fun
h self
h flush
h v
self
flush
pid "0.106.0"
Servy.ServicesSupervisor.start_link
v
