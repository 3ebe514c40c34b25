{:ok, pid} = Servy.SensorServer.start_link(1)
Servy.SensorServer.get_sensor_data()
Process.whereis(:sensor_server) == pid
Process.info(pid, :registered_name)
Process.info(pid, :message_queue_len)
Process.sleep(1_500)
Servy.SensorServer.get_sensor_data()
Servy.SensorServer.start_link(60)
