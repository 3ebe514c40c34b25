Servy.SensorServer.start_link([])
Process.whereis(:sensor_server)
Servy.SensorServer.start_link(:a)
x = 1
Servy.SensorServer.start_link(5)
Servy.SensorServer.get_sensor_data()
