package dev.kaboom.explain;

import java.util.List;
import java.util.Map;

/**
 * Every row of every OTP rule the narration explains, by family: one bundle key per row. The {@link
 * Narrator} picks the row that decided a step; tests render each row and require a distinct
 * sentence for each, in every language.
 */
public final class Rules {
  private Rules() {}

  /**
   * The rows, by family. Sources: the Erlang reference manual's "Receiving Exit Signals" table
   * ({@code signal}, {@code exit}), {@code supervisor.erl} ({@code decide}: restart type x reason;
   * {@code stop} and {@code start}: strategy x the sibling's position; {@code shutdown}: shutdown
   * kind x outcome; {@code intensity}: count against the limit; {@code giveup}; {@code
   * autoshutdown}: a significant child's end against the supervisor's {@code auto_shutdown}, EEP
   * 56; the child API in {@code call}).
   */
  public static final Map<String, List<String>> FAMILIES =
      Map.ofEntries(
          Map.entry(
              "signal",
              List.of(
                  "signal.ignored.normal",
                  "signal.trapped.worker",
                  "signal.trapped.supervisor.stranger",
                  "signal.trapped.outside",
                  "signal.trapped.shell")),
          Map.entry(
              "exit",
              List.of(
                  "exit.killed",
                  "exit.signal",
                  "exit.link",
                  "exit.self_normal",
                  "exit.stop_self",
                  "exit.parent_trapped",
                  "exit.supervisor.parent",
                  "exit.gave_up.child",
                  "exit.gave_up.root",
                  "exit.failed_to_start_child",
                  "exit.init_failed",
                  "exit.init_ignore",
                  "exit.auto_shutdown",
                  "exit.other")),
          Map.entry(
              "decide",
              List.of(
                  "decide.permanent.normal",
                  "decide.permanent.abnormal",
                  "decide.transient.normal",
                  "decide.transient.abnormal",
                  "decide.temporary")),
          Map.entry(
              "stop",
              List.of(
                  "stop.one_for_all.before",
                  "stop.one_for_all.after",
                  "stop.rest_for_one.after",
                  "stop.gave_up",
                  "stop.parent",
                  "stop.terminate_child",
                  "stop.start_failed",
                  "stop.auto_shutdown",
                  "stop.supervisor_stop",
                  "stop.other")),
          Map.entry(
              "shutdown",
              List.of(
                  "shutdown.brutal_kill",
                  "shutdown.timeout.dies",
                  "shutdown.timeout.trapped",
                  "shutdown.timeout.killed",
                  "shutdown.infinity.dies",
                  "shutdown.infinity.trapped")),
          Map.entry(
              "start",
              List.of(
                  "start.root",
                  "start.shell",
                  "start.initial",
                  "start.one_for_one",
                  "start.one_for_all.failed",
                  "start.one_for_all.sibling",
                  "start.rest_for_one.failed",
                  "start.rest_for_one.after",
                  "start.dynamic.restart",
                  "start.start_child",
                  "start.restart_child")),
          Map.entry("intensity", List.of("intensity.below", "intensity.last")),
          Map.entry(
              "autoshutdown",
              List.of("autoshutdown.any_significant", "autoshutdown.all_significant")),
          Map.entry("giveup", List.of("giveup.child", "giveup.root")),
          Map.entry(
              "call",
              List.of(
                  "call.which_children",
                  "call.count_children",
                  "call.terminate_child.ok",
                  "call.terminate_child.not_running",
                  "call.terminate_child.removed",
                  "call.terminate_child.not_found",
                  "call.restart_child.ok",
                  "call.restart_child.undefined",
                  "call.restart_child.running",
                  "call.restart_child.restarting",
                  "call.restart_child.not_found",
                  "call.restart_child.error",
                  "call.delete_child.ok",
                  "call.delete_child.running",
                  "call.delete_child.restarting",
                  "call.delete_child.not_found",
                  "call.start_child.ok",
                  "call.start_child.undefined",
                  "call.start_child.already_started",
                  "call.start_child.already_present",
                  "call.start_child.error",
                  "call.start_child.max_children",
                  "call.set_flags",
                  "call.get_flags",
                  "call.stop.ok",
                  "call.terminate_child.dynamic_gone",
                  "call.start_link.bad_spec",
                  "call.start_link.error",
                  "call.failed",
                  "call.noproc",
                  "call.other")));

  /** Words used inside sentences (not rows). */
  public static final List<String> WORDS =
      List.of("word.outside", "word.shell", "word.root_parent");
}
