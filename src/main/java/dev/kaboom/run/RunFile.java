package dev.kaboom.run;

import static dev.kaboom.scenario.ErrorText.msg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaboom.scenario.ScenarioLoader;
import dev.kaboom.scenario.Simulation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Run files: JSON with {@code "kind": "kaboom-run"} (so a command that takes a scenario file also
 * takes a run file and tells them apart by content). See {@code docs/runs.md} for the format.
 * Reading never throws: a damaged file gives a {@link Result.Damaged} whose message says where.
 */
public final class RunFile {
  public static final String KIND = "kaboom-run";

  /** The version of the format; readers refuse a newer one. */
  public static final int FORMAT = 1;

  private RunFile() {}

  /** A run, or why the file is not one. */
  public sealed interface Result {
    record Loaded(Run run) implements Result {}

    /**
     * {@code message} starts with the file name and says where ({@code line:column} or a path);
     * {@code text}, when not null, says it in the window's language ({@link
     * dev.kaboom.scenario.ErrorText}).
     */
    record Damaged(String message, dev.kaboom.scenario.ErrorText.Msg text) implements Result {
      /** The message in {@code locale}'s words. */
      public String message(java.util.Locale locale) {
        return text.in(locale);
      }
    }
  }

  /** True when {@code text} is a run file (a JSON object whose {@code kind} is kaboom-run). */
  public static boolean isRun(String text) {
    String head = text.stripLeading();
    if (!head.startsWith("{") || !text.contains(KIND)) {
      return false;
    }
    try {
      JsonNode n = RunJson.MAPPER.readTree(text);
      return n != null && n.isObject() && KIND.equals(n.path("kind").asText(null));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** True when the file at {@code path} can be read and is a run file. */
  public static boolean isRun(Path path) {
    try {
      return isRun(dev.kaboom.scenario.ErrorText.readText(path));
    } catch (IOException e) {
      return false;
    }
  }

  public static String toJson(Run run) {
    ObjectNode o = RunJson.MAPPER.createObjectNode();
    o.put("kind", KIND);
    o.put("format", FORMAT);
    o.put("kaboom_version", run.kaboomVersion());
    ObjectNode sc = o.putObject("scenario");
    sc.put("file", run.scenarioFile());
    sc.put("text", run.scenarioText());
    if (run.emptyWorld()) {
      sc.put("start", false); // a lesson's world: nothing runs until a console line starts it
    }
    o.put("seed", run.seed());
    ArrayNode cmds = o.putArray("commands");
    for (Simulation.Recorded r : run.commands()) {
      ObjectNode c = RunJson.command(r.command());
      ObjectNode entry = RunJson.MAPPER.createObjectNode();
      entry.put("at_ms", r.atMillis());
      entry.put("events", r.eventIndex());
      entry.put("turns", r.turn());
      if (r.step()) {
        entry.put("step", true);
      }
      entry.setAll(c);
      cmds.add(entry);
    }
    ObjectNode tr = o.putObject("trace");
    tr.put("lines", run.trace().lines());
    tr.put("sha256", run.trace().sha256());
    ByteBuffer crcs = ByteBuffer.allocate(run.trace().lineCrcs().length * 4);
    for (int c : run.trace().lineCrcs()) {
      crcs.putInt(c);
    }
    tr.put("line_crc32", Base64.getEncoder().encodeToString(crcs.array()));
    try {
      return RunJson.MAPPER
              .writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter())
              .with(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(o)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void write(Run run, Path file) throws IOException {
    Files.writeString(file, toJson(run), StandardCharsets.UTF_8);
  }

  public static Result read(Path file) {
    String name = file.toString();
    try {
      return parse(name, dev.kaboom.scenario.ErrorText.readText(file));
    } catch (IOException e) {
      return damaged(msg("run.at", name, dev.kaboom.scenario.ErrorText.unreadable(e)));
    }
  }

  /** Reads a run from {@code text}; {@code fileName} names it in messages. */
  public static Result parse(String fileName, String text) {
    if (text.isBlank()) {
      return damaged(msg("run.at", fileName + ":1:1", msg("file.empty")));
    }
    JsonNode root;
    com.fasterxml.jackson.core.JsonParser reading = null;
    try (var p = RunJson.MAPPER.createParser(text)) {
      reading = p;
      root = RunJson.MAPPER.readTree(p);
    } catch (JsonProcessingException e) {
      // (Jackson's limits, lists nested too deep, come without a place: the parser's is it)
      var l =
          e.getLocation() != null || reading == null ? e.getLocation() : reading.currentLocation();
      String place = fileName + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr());
      return damaged(
          msg("run.at", place, msg("malformed.json", dev.kaboom.scenario.SyntaxText.json(e))));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // (a string has no input to fail)
    }
    try {
      return new Result.Loaded(run(fileName, root));
    } catch (RunJson.Damaged d) {
      int[] at = RunJson.place(text, d.where);
      if (d.where.equals("(top)")) {
        return damaged(msg("run.at", fileName + ":" + at[0] + ":" + at[1], d.text));
      }
      String path = d.where.startsWith(".") ? d.where.substring(1) : d.where;
      return damaged(msg("run.damaged", fileName, at[0], at[1], path, d.text));
    }
  }

  private static Result damaged(dev.kaboom.scenario.ErrorText.Msg text) {
    return new Result.Damaged(text.toString(), text);
  }

  private static Run run(String fileName, JsonNode root) throws RunJson.Damaged {
    if (root == null || !root.isObject()) {
      throw new RunJson.Damaged("(top)", msg("run.notObject"));
    }
    if (!KIND.equals(root.path("kind").asText(null))) {
      throw new RunJson.Damaged("kind", msg("run.kind", KIND));
    }
    long format = RunJson.number(root, "format", "");
    if (format > FORMAT) {
      throw new RunJson.Damaged("format", msg("run.formatNewer", format, FORMAT));
    }
    String version = RunJson.text(root, "kaboom_version", "");
    JsonNode sc = root.get("scenario");
    if (sc == null || !sc.isObject()) {
      throw new RunJson.Damaged("scenario", msg("run.scenarioMissing"));
    }
    String scFile = RunJson.text(sc, "file", "scenario");
    String scText = RunJson.text(sc, "text", "scenario");
    var loaded = ScenarioLoader.parse(scFile, scText);
    if (loaded instanceof ScenarioLoader.Result.Failed f) {
      throw new RunJson.Damaged("scenario.text", msg("run.scenarioInvalid", f.error()));
    }
    var scenario = ((ScenarioLoader.Result.Loaded) loaded).scenario();
    JsonNode start = sc.get("start");
    if (start != null && !start.isBoolean()) {
      throw new RunJson.Damaged("scenario.start", msg("run.bool"));
    }
    boolean emptyWorld = start != null && !start.asBoolean();
    long seed = RunJson.number(root, "seed", "");
    JsonNode cmds = root.get("commands");
    if (cmds == null || !cmds.isArray()) {
      throw new RunJson.Damaged("commands", msg("run.commandsMissing"));
    }
    List<Simulation.Recorded> commands = new ArrayList<>(cmds.size());
    long lastEvents = -1;
    long lastAt = 0;
    for (int i = 0; i < cmds.size(); i++) {
      String where = "commands[" + i + "]";
      JsonNode c = cmds.get(i);
      if (c == null || !c.isObject()) {
        throw new RunJson.Damaged(where, msg("run.commandObject"));
      }
      long at = RunJson.number(c, "at_ms", where);
      long events = RunJson.number(c, "events", where);
      long turn = RunJson.number(c, "turns", where);
      if (at < lastAt || events < lastEvents) {
        throw new RunJson.Damaged(where, msg("run.commandOrder"));
      }
      lastAt = at;
      lastEvents = events;
      JsonNode step = c.get("step");
      if (step != null && !step.isBoolean()) {
        throw new RunJson.Damaged(where + ".step", msg("run.bool"));
      }
      commands.add(
          new Simulation.Recorded(
              at, events, turn, RunJson.command(c, where), step != null && step.asBoolean()));
    }
    JsonNode tr = root.get("trace");
    if (tr == null || !tr.isObject()) {
      throw new RunJson.Damaged("trace", msg("run.traceMissing"));
    }
    long lines = RunJson.number(tr, "lines", "trace");
    String sha = RunJson.text(tr, "sha256", "trace");
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new RunJson.Damaged("trace.sha256", msg("run.sha"));
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(RunJson.text(tr, "line_crc32", "trace"));
    } catch (IllegalArgumentException e) {
      throw new RunJson.Damaged("trace.line_crc32", msg("run.base64"));
    }
    if (raw.length != lines * 4) {
      throw new RunJson.Damaged("trace.line_crc32", msg("run.checksums", lines));
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    int[] crcs = new int[(int) lines];
    for (int i = 0; i < crcs.length; i++) {
      crcs[i] = b.getInt();
    }
    return new Run(
        scFile,
        scText,
        scenario,
        seed,
        commands,
        version,
        new TraceDigest(lines, sha, crcs),
        emptyWorld);
  }
}
