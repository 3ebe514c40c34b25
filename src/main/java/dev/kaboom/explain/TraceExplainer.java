package dev.kaboom.explain;

import dev.kaboom.engine.TraceEvent;
import dev.kaboom.otp.Client;
import dev.kaboom.scenario.TraceRunner;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * {@code trace --explain}: after each trace line it explains, a line {@code # } + the sentence (in
 * column 0, so that a trace comparison drops it). A call's sentence waits for its {@code = } line;
 * an exit signal that changed nothing gets its line where it happened.
 */
public final class TraceExplainer implements TraceRunner.Annotator {
  private final Narrator narrator = new Narrator();
  private final ResourceBundle bundle;
  private Narration pendingReply;

  public TraceExplainer(Locale locale) {
    this.bundle = Narration.bundle(locale);
  }

  @Override
  public void event(TraceEvent e, Consumer<String> out) {
    for (Narration n : narrator.apply(e)) {
      if (e instanceof TraceEvent.CallReplied) {
        pendingReply = n;
      } else {
        out.accept("# " + n.render(bundle));
      }
    }
  }

  private dev.kaboom.scenario.Command lastCommand;

  @Override
  public void command(dev.kaboom.scenario.Command c) {
    lastCommand = c;
  }

  @Override
  public void rootStartFailed(String root, dev.kaboom.engine.Term r, Consumer<String> out) {
    out.accept("# " + Narrator.rootStartFailed(root, r).render(bundle));
  }

  @Override
  public void result(String path, Client.CallResult result, Consumer<String> out) {
    Narration n;
    if (result == null) {
      n = Narrator.noproc(path);
    } else if (result instanceof Client.CallResult.Failed f) {
      n = narrator.callFailed(path, f.reason());
    } else {
      n = pendingReply;
      if (n == null && result instanceof Client.CallResult.Replied r) {
        n = narrator.unanswered(path, lastCommand, r.value());
      }
    }
    pendingReply = null;
    if (n != null) {
      out.accept("# " + n.render(bundle));
    }
  }
}
