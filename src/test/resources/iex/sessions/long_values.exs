Servy.Supervisor.start_link()
Supervisor.which_children(Servy.Supervisor)
Supervisor.which_children(Servy.ServicesSupervisor)
{Supervisor.count_children(Servy.Supervisor), Supervisor.count_children(Servy.ServicesSupervisor)}
[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]
[Servy.KickStarter, Servy.ServicesSupervisor, Servy.PledgeServer, Servy.SensorServer, :http_server]
