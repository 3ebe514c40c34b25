Servy.Supervisor.start_link()
x = 1
pid = Process.whereis(Servy.ServicesSupervisor)
Process.exit(pid, :kill)
Process.sleep(100)
Process.whereis(Servy.Supervisor) |> Process.exit(:kill); Process.sleep(100)
x
Process.whereis(Servy.Supervisor)
Servy.Supervisor.start_link()
