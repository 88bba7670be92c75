package dev.workbench.web;

import dev.workbench.run.RunEvent;
import dev.workbench.run.StepResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire form of run events: an SSE event name and a flat JSON object the page reads. */
final class EventJson {
  private EventJson() {}

  static String name(RunEvent event) {
    if (event instanceof RunEvent.Started) return "started";
    if (event instanceof RunEvent.Output) return "output";
    if (event instanceof RunEvent.Progress) return "progress";
    if (event instanceof RunEvent.CheckDone) return "check";
    return "finished";
  }

  /** The event as the page reads it, an engine's refusal said in {@code texts}' language. */
  static Map<String, Object> data(RunEvent event, Texts texts) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("step", event.stepId());
    if (event instanceof RunEvent.Started s) {
      data.put("cli", s.cli());
    } else if (event instanceof RunEvent.Output o) {
      data.put("stream", o.stream());
      data.put("text", o.stream().equals("err") ? texts.engine(o.text()) : o.text());
    } else if (event instanceof RunEvent.Progress p) {
      data.put("label", p.label());
      data.put("current", p.current());
      data.put("total", p.total());
    } else if (event instanceof RunEvent.CheckDone c) {
      data.put("description", c.description());
      data.put("passed", c.passed());
      data.put("detail", c.detail());
    } else if (event instanceof RunEvent.Finished f) {
      data.putAll(result(f.result()));
      data.put("message", texts.engine(f.result().message()));
    }
    return data;
  }

  static Map<String, Object> result(StepResult result) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", result.status().name());
    data.put("passed", result.passed());
    data.put("exitCode", result.exitCode());
    data.put("message", result.message());
    data.put("tookMillis", result.took() == null ? null : result.took().toMillis());
    data.put("checks", checks(result.checks()));
    return data;
  }

  static List<Map<String, Object>> checks(List<StepResult.CheckResult> checks) {
    return checks.stream()
        .map(
            c -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("description", c.description());
              m.put("passed", c.passed());
              m.put("detail", c.detail());
              return m;
            })
        .toList();
  }
}
