package dev.kaboom.lesson;

import static dev.kaboom.scenario.ErrorText.msg;
import static dev.kaboom.scenario.Located.arr;
import static dev.kaboom.scenario.Located.checkKeys;
import static dev.kaboom.scenario.Located.obj;
import static dev.kaboom.scenario.Located.string;

import dev.kaboom.scenario.ErrorText;
import dev.kaboom.scenario.Located;
import dev.kaboom.scenario.Scenario;
import dev.kaboom.scenario.ScenarioError;
import dev.kaboom.scenario.ScenarioException;
import dev.kaboom.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a lesson file (YAML, or JSON by its {@code .json} ending; the format is docs/lessons.md)
 * into a checked {@link Lesson}, with the scenarios it names. Every problem comes back as one
 * {@link ScenarioError}: the file, line and column, and what was expected there.
 */
public final class LessonLoader {
  /** Either a lesson or why there is none. */
  public sealed interface Result {
    record Loaded(Lesson lesson) implements Result {}

    record Failed(ScenarioError error) implements Result {}
  }

  private static final List<String> TOP_KEYS =
      List.of("name", "title", "summary", "world", "steps");
  private static final List<String> STEP_KEYS =
      List.of(
          "id", "title", "say", "code", "iex", "setup", "world", "watch", "hint", "done", "check");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");
  private static final Pattern LANGUAGE = Pattern.compile("en|ko");

  private LessonLoader() {}

  /** The lessons shipped with Kaboom, in the order to take them. */
  public static List<String> bundled() {
    return resourceText("/lessons/index.txt")
        .map(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
        .orElse(List.of());
  }

  /**
   * A bundled lesson by {@code NAME}, or the lesson file at {@code nameOrFile} (a path that exists
   * or ends in {@code .yaml}, {@code .yml} or {@code .json}).
   */
  public static Result load(String nameOrFile) {
    boolean isFile =
        nameOrFile.endsWith(".yaml")
            || nameOrFile.endsWith(".yml")
            || nameOrFile.endsWith(".json")
            || nameOrFile.contains("/")
            || nameOrFile.contains("\\")
            || (!bundled().contains(nameOrFile) && exists(nameOrFile));
    if (!isFile) {
      Optional<String> text = resourceText("/lessons/" + nameOrFile + ".yaml");
      if (text.isPresent() && NAME.matcher(nameOrFile).matches()) {
        return parse("lessons/" + nameOrFile + ".yaml", text.get(), null);
      }
      return failed(nameOrFile, msg("lesson.unknown", String.join(", ", bundled())));
    }
    Path file = Path.of(nameOrFile);
    String text;
    try {
      text = dev.kaboom.scenario.ErrorText.readText(file);
    } catch (IOException e) {
      return failed(nameOrFile, ErrorText.unreadable(e));
    } catch (UncheckedIOException e) {
      return failed(nameOrFile, ErrorText.unreadable(e.getCause()));
    }
    return parse(nameOrFile, text, file.toAbsolutePath().getParent());
  }

  /**
   * True when a file or folder {@code name} exists (a lesson file without its ending, a folder).
   */
  private static boolean exists(String name) {
    try {
      return java.nio.file.Files.exists(Path.of(name));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  private static Result failed(String file, ErrorText.Msg message) {
    return new Result.Failed(new ScenarioError(file, 0, 0, message));
  }

  /**
   * Parses a lesson's {@code text}; {@code fileName} names it in errors and picks JSON by its
   * ending; {@code dir} is where a {@code world} given as a file is looked for (null: only the
   * bundled scenarios).
   */
  public static Result parse(String fileName, String text, Path dir) {
    try {
      return new Result.Loaded(lesson(Located.parse(fileName, text, "lesson"), fileName, dir));
    } catch (ScenarioException e) {
      return new Result.Failed(e.error(fileName));
    }
  }

  private static Lesson lesson(Located root, String fileName, Path dir) {
    Located.Obj top = obj(root, msg("what.theLesson"));
    checkKeys(top, TOP_KEYS, msg("what.aLesson"));
    Map<String, Located> f = top.fields();
    String name = baseName(fileName);
    if (f.containsKey("name")) {
      name = string(f.get("name"), "name");
      if (!NAME.matcher(name).matches()) {
        throw new ScenarioException(f.get("name"), msg("lesson.name", name));
      }
    }
    Text title = text(require(top, "title", "lessonTitle"), "title");
    Text summary = f.containsKey("summary") ? text(f.get("summary"), "summary") : Text.NONE;
    Located worldAt = require(top, "world", "world");
    Map<String, Scenario> worlds = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    String world = world(worldAt, dir, worlds, texts);
    Located.Arr stepsAt = arr(require(top, "steps", "steps"), "steps");
    if (stepsAt.items().isEmpty()) {
      throw new ScenarioException(stepsAt, msg("lesson.stepsEmpty"));
    }
    List<Step> steps = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Located s : stepsAt.items()) {
      Step step = step(s, dir, worlds, texts);
      if (!ids.add(step.id())) {
        throw new ScenarioException(
            ((Located.Obj) s).fields().get("id"), msg("lesson.stepDuplicate", step.id()));
      }
      steps.add(step);
    }
    return new Lesson(name, title, summary, fileName, world, worlds, steps, texts);
  }

  private static Step step(
      Located at, Path dir, Map<String, Scenario> worlds, Map<String, String> texts) {
    Located.Obj o = obj(at, msg("what.aStep"));
    checkKeys(o, STEP_KEYS, msg("what.aStep"));
    Map<String, Located> f = o.fields();
    String id = string(require(o, "id", "stepId"), "id");
    if (!NAME.matcher(id).matches()) {
      throw new ScenarioException(f.get("id"), msg("lesson.stepId", id));
    }
    Optional<String> world =
        f.containsKey("world")
            ? Optional.of(world(f.get("world"), dir, worlds, texts))
            : Optional.empty();
    return new Step(
        id,
        text(require(o, "title", "stepTitle"), "title"),
        text(require(o, "say", "say"), "say"),
        f.containsKey("code") ? string(f.get("code"), "code").stripTrailing() : "",
        lines(f.get("iex"), "iex"),
        lines(f.get("setup"), "setup"),
        world,
        optionalText(f.get("watch"), "watch"),
        optionalText(f.get("hint"), "hint"),
        optionalText(f.get("done"), "done"),
        check(require(o, "check", "check")),
        o.line());
  }

  /**
   * The field {@code key} of {@code o}; missing, an error saying it is {@code lesson.what.WHAT}.
   */
  private static Located require(Located.Obj o, String key, String what) {
    Located v = o.fields().get(key);
    if (v == null) {
      throw new ScenarioException(o, msg("lesson.missing", key, msg("lesson.what." + what)));
    }
    return v;
  }

  /** A text: a string (every language), or {@code {en: ..., ko: ...}} with at least {@code en}. */
  private static Text text(Located at, String what) {
    if (at instanceof Located.Scalar s && s.value() instanceof String str) {
      return Text.of(str.strip());
    }
    if (at instanceof Located.Obj o) {
      Map<String, String> byLanguage = new LinkedHashMap<>();
      for (Map.Entry<String, Located> e : o.fields().entrySet()) {
        if (!LANGUAGE.matcher(e.getKey()).matches()) {
          int[] kp = o.keyPositions().get(e.getKey());
          throw new ScenarioException(kp[0], kp[1], msg("lesson.language", e.getKey(), what));
        }
        byLanguage.put(e.getKey(), string(e.getValue(), what + "." + e.getKey()).strip());
      }
      if (!byLanguage.containsKey("en")) {
        throw new ScenarioException(o, msg("lesson.noEnglish", what));
      }
      return new Text(byLanguage);
    }
    throw new ScenarioException(at, msg("lesson.text", what, Located.kindOf(at)));
  }

  private static Text optionalText(Located at, String what) {
    return at == null ? Text.NONE : text(at, what);
  }

  private static List<String> lines(Located at, String what) {
    if (at == null) {
      return List.of();
    }
    if (at instanceof Located.Scalar s && s.value() instanceof String str) {
      return str.strip().lines().toList();
    }
    List<String> lines = new ArrayList<>();
    for (Located item : arr(at, what).items()) {
      lines.add(string(item, what + " line"));
    }
    return lines;
  }

  /** A scenario by name (bundled) or file (next to the lesson); loaded once into {@code worlds}. */
  private static String world(
      Located at, Path dir, Map<String, Scenario> worlds, Map<String, String> texts) {
    String name = string(at, "world");
    if (worlds.containsKey(name)) {
      return name;
    }
    ScenarioLoader.Result r;
    String source;
    if (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml")) {
      if (dir == null) {
        throw new ScenarioException(at, msg("lesson.bundledOnly", name));
      }
      r = ScenarioLoader.load(dir.resolve(name));
      try {
        source = dev.kaboom.scenario.ErrorText.readText(dir.resolve(name));
      } catch (java.io.IOException e) {
        source = null; // it did not load either: said below
      }
    } else {
      Optional<String> text = resourceText("/scenarios/" + name + ".json");
      if (text.isEmpty() || !NAME.matcher(name).matches()) {
        throw new ScenarioException(at, msg("lesson.noWorld", name));
      }
      r = ScenarioLoader.parse(name + ".json", text.get());
      source = text.get();
    }
    if (r instanceof ScenarioLoader.Result.Failed failed) {
      throw new ScenarioException(at, msg("lesson.worldFails", failed.error()));
    }
    worlds.put(name, ((ScenarioLoader.Result.Loaded) r).scenario());
    texts.put(name, source == null ? "" : source);
    return name;
  }

  private static Check check(Located at) {
    Located.Obj o = obj(at, msg("what.aCheck"));
    Map<String, Located> f = o.fields();
    List<String> kinds = f.keySet().stream().filter(Check.KINDS::contains).toList();
    for (Map.Entry<String, int[]> k : o.keyPositions().entrySet()) {
      if (!Check.KINDS.contains(k.getKey()) && !k.getKey().equals("reason")) {
        throw new ScenarioException(
            k.getValue()[0],
            k.getValue()[1],
            msg("lesson.checkUnknown", k.getKey(), String.join(", ", Check.KINDS)));
      }
    }
    if (kinds.size() != 1) {
      throw new ScenarioException(
          o,
          kinds.isEmpty()
              ? msg("lesson.checkNone", String.join(", ", Check.KINDS))
              : msg("lesson.checkMany", String.join(", ", Check.KINDS), String.join(", ", kinds)));
    }
    String kind = kinds.get(0);
    Located v = f.get(kind);
    if (f.containsKey("reason") && !kind.equals("exited")) {
      int[] kp = o.keyPositions().get("reason");
      throw new ScenarioException(kp[0], kp[1], msg("lesson.reason"));
    }
    switch (kind) {
      case "all":
      case "any":
        {
          List<Check> parts = new ArrayList<>();
          for (Located p : arr(v, kind).items()) {
            parts.add(check(p));
          }
          if (parts.isEmpty()) {
            throw new ScenarioException(v, msg("lesson.checkEmpty", kind));
          }
          return kind.equals("all") ? new Check.All(parts) : new Check.Any(parts);
        }
      case "typed":
        try {
          return new Check.Typed(Pattern.compile(string(v, kind)));
        } catch (PatternSyntaxException e) {
          throw new ScenarioException(v, msg("lesson.regex", regexProblem(e), e.getIndex() + 1));
        }
      default:
        break;
    }
    String value = string(v, kind);
    return switch (kind) {
      case "started" -> new Check.Started(value);
      case "restarted" -> new Check.Restarted(value);
      case "exited" ->
          new Check.Exited(
              value,
              f.containsKey("reason")
                  ? Optional.of(string(f.get("reason"), "reason"))
                  : Optional.empty());
      case "gave_up" -> new Check.GaveUp(value);
      case "called" -> new Check.Called(value);
      default -> new Check.Printed(value);
    };
  }

  /**
   * What is wrong in a regular expression, in the errors bundle's words (the JDK's are English).
   */
  private static Object regexProblem(PatternSyntaxException e) {
    String d = e.getDescription();
    if (d.startsWith("Unclosed group")) {
      return msg("regex.unclosedGroup");
    } else if (d.startsWith("Unclosed character class")) {
      return msg("regex.unclosedClass");
    } else if (d.startsWith("Unmatched closing")) {
      return msg("regex.unmatched");
    } else if (d.startsWith("Dangling meta character")) {
      return msg("regex.dangling");
    } else if (d.startsWith("Illegal repetition") || d.startsWith("Unclosed counted closure")) {
      return msg("regex.repetition");
    } else if (d.contains("escape sequence") || d.startsWith("Unexpected internal error")) {
      return msg("regex.escape");
    }
    return msg("regex.other", d);
  }

  private static String baseName(String fileName) {
    String base =
        fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  private static Optional<String> resourceText(String resource) {
    try (InputStream in = LessonLoader.class.getResourceAsStream(resource)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
