package dev.kaboom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/kaboom}: the command-line entry point and its subcommands. */
@Command(
    name = "kaboom",
    mixinStandardHelpOptions = true,
    version = "kaboom 0.1.0",
    description = "A simulator that shows OTP supervisors at work.",
    subcommands = {
      TraceCommand.class,
      ReplayCommand.class,
      BenchCommand.class,
      OpenCommand.class,
      SnapshotCommand.class,
      ConsoleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit status (0 ok, 1 failure, 2 bad input or usage). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("kaboom: " + ex);
          return 1;
        });
    return cl.execute(args);
  }

  /** No subcommand: open the window when there is a display, else print the usage. */
  @Override
  public void run() {
    if (OpenCommand.canShowWindow()) {
      new OpenCommand().call();
    } else {
      new CommandLine(this).usage(System.out);
    }
  }
}
