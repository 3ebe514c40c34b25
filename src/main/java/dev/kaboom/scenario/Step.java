package dev.kaboom.scenario;

/** One thing a scenario does to its tree (SPEC: one key names it). */
public sealed interface Step {
  /** The echo line the trace prints before the step runs, without the leading {@code "> "}. */
  String echo();

  /** {@code exit(Pid, Reason)} from an outside process. */
  record Exit(String path, String reason) implements Step {
    @Override
    public String echo() {
      return "exit " + path + " " + reason;
    }
  }

  /** The worker's callback returns {@code {stop, Reason, State}}. */
  record Stop(String path, String reason) implements Step {
    @Override
    public String echo() {
      return "stop " + path + " " + reason;
    }
  }

  record WhichChildren(String path) implements Step {
    @Override
    public String echo() {
      return "which_children " + path;
    }
  }

  record CountChildren(String path) implements Step {
    @Override
    public String echo() {
      return "count_children " + path;
    }
  }

  record TerminateChild(String path, String id) implements Step {
    @Override
    public String echo() {
      return "terminate_child " + path + " " + id;
    }
  }

  record RestartChild(String path, String id) implements Step {
    @Override
    public String echo() {
      return "restart_child " + path + " " + id;
    }
  }

  record DeleteChild(String path, String id) implements Step {
    @Override
    public String echo() {
      return "delete_child " + path + " " + id;
    }
  }

  record StartChild(String path, TreeNode spec) implements Step {
    @Override
    public String echo() {
      return "start_child " + path + " " + spec.id();
    }
  }

  record Sleep(long millis) implements Step {
    @Override
    public String echo() {
      return "sleep " + millis;
    }
  }
}
