{:ok, sup} = Servy.ServicesSupervisor.start_link()
shell = self()
Process.exit(sup, :kaboom); Process.sleep(200)
sup
Process.alive?(shell)
Process.whereis(:pledge_server)
