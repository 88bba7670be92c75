package dev.workbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workbench.step.Action;
import dev.workbench.step.Check;
import dev.workbench.step.ContainerSpec;
import dev.workbench.step.HttpTarget;
import dev.workbench.step.Limits;
import dev.workbench.step.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code do:} kind and every check key becomes the record the runner expects. */
class StepMappingTest {

  @TempDir Path lessons;

  private Step read(String keys) {
    return LessonParser.parse(LessonFiles.withStep(lessons, "id: s\ncli: docker x\n" + keys))
        .steps()
        .get(0);
  }

  private Action action(String keys) {
    return read(keys).action();
  }

  private Check check(String item) {
    return read("do: image.list\nexpect:\n  - " + item).expect().get(0);
  }

  @Test
  void the_do_table_covers_every_documented_kind() {
    assertThat(ActionReader.KINDS.keySet()).containsExactlyInAnyOrderElementsOf(Action.KINDS);
  }

  @Test
  void image_actions_map_to_their_records() {
    assertThat(action("do: image.provide\nimage: workbench/jre:17"))
        .isEqualTo(new Action.ProvideImage("workbench/jre:17"));
    assertThat(action("do: image.build\nimage: demo\ncontext: volumes-demo"))
        .isEqualTo(new Action.BuildImage("demo", "volumes-demo", "Dockerfile", Map.of()));
    assertThat(
            action(
                "do: image.build\nimage: demo\ncontext: d\ndockerfile: Other\nbuildArgs: {V: 1}"))
        .isEqualTo(new Action.BuildImage("demo", "d", "Other", Map.of("V", "1")));
    assertThat(action("do: image.history\nimage: demo")).isEqualTo(new Action.ImageHistory("demo"));
    assertThat(action("do: image.list")).isEqualTo(new Action.ListImages());
    assertThat(action("do: image.rm\nimage: demo")).isEqualTo(new Action.RemoveImage("demo"));
  }

  @Test
  void container_actions_map_to_their_records() {
    ContainerSpec spec =
        new ContainerSpec(
            "web", "workbench/nginx", List.of(), Map.of(), List.of(), null, List.of(), null, null);
    assertThat(action("do: container.create\nname: web\nimage: workbench/nginx"))
        .isEqualTo(new Action.CreateContainer(spec));
    assertThat(action("do: container.run\nname: web\nimage: workbench/nginx"))
        .isEqualTo(new Action.RunContainer(spec, false));
    assertThat(action("do: container.run\nname: web\nimage: workbench/nginx\ndetach: true"))
        .isEqualTo(new Action.RunContainer(spec, true));
    assertThat(action("do: container.run\nname: web\nimage: workbench/nginx\nremove: true"))
        .isEqualTo(new Action.RunContainer(spec, false, true));
    assertThatThrownBy(
            () ->
                action(
                    "do: container.run\nname: web\nimage: workbench/nginx\ndetach: true\nremove: true"))
        .hasMessageContaining("needs a step that waits");
    assertThat(action("do: container.start\nname: web"))
        .isEqualTo(new Action.StartContainer("web"));
    assertThat(action("do: container.stop\nname: web")).isEqualTo(new Action.StopContainer("web"));
    assertThat(action("do: container.rm\nname: web")).isEqualTo(new Action.RemoveContainer("web"));
    assertThat(action("do: container.exec\nname: web\ncommand: [ls, /]\nenv: {A: b}"))
        .isEqualTo(new Action.ExecInContainer("web", List.of("ls", "/"), Map.of("A", "b")));
    assertThat(action("do: container.commit\nname: web\nimage: minha"))
        .isEqualTo(new Action.CommitContainer("web", "minha"));
    assertThat(action("do: container.logs\nname: web")).isEqualTo(new Action.ContainerLogs("web"));
    assertThat(action("do: container.list")).isEqualTo(new Action.ListContainers());
  }

  @Test
  void volume_network_compose_http_and_jshell_actions_map_to_their_records() {
    assertThat(action("do: volume.create\nname: dados"))
        .isEqualTo(new Action.CreateVolume("dados"));
    assertThat(action("do: volume.rm\nname: dados")).isEqualTo(new Action.RemoveVolume("dados"));
    assertThat(action("do: network.create\nname: rede"))
        .isEqualTo(new Action.CreateNetwork("rede"));
    assertThat(action("do: network.rm\nname: rede")).isEqualTo(new Action.RemoveNetwork("rede"));
    assertThat(action("do: compose.up\nfile: lessons/06-x/compose.yaml"))
        .isEqualTo(new Action.ComposeUp("lessons/06-x/compose.yaml"));
    assertThat(action("do: compose.down\nfile: c.yaml"))
        .isEqualTo(new Action.ComposeDown("c.yaml"));
    assertThat(action("do: http.request\ncontainer: web\nport: 80"))
        .isEqualTo(new Action.HttpRequest(new HttpTarget("web", 80, "/"), "GET", ""));
    assertThat(
            action("do: http.request\ncontainer: web\nport: 80\npath: /x\nmethod: POST\nbody: oi"))
        .isEqualTo(new Action.HttpRequest(new HttpTarget("web", 80, "/x"), "POST", "oi"));
    assertThat(action("do: jshell\ncode: 1 + 1")).isEqualTo(new Action.JShellCell("1 + 1"));
  }

  @Test
  void limits_accept_sizes_and_keep_defaults_for_what_is_not_given() {
    Action run = action("do: container.run\nname: a\nimage: b\nlimits: {memory: 512M, pids: 100}");
    assertThat(((Action.RunContainer) run).spec().limits())
        .isEqualTo(new Limits(512L << 20, 1.0, 100));
  }

  @Test
  void every_check_key_maps_to_its_record_with_the_documented_defaults() {
    assertThat(check("exitCode: 3")).isEqualTo(new Check.ExitCode(3));
    assertThat(check("output: olá")).isEqualTo(new Check.OutputContains("olá"));
    assertThat(check("container: {name: web, state: running}"))
        .isEqualTo(new Check.ContainerState("web", "running"));
    assertThat(check("file: {container: web, path: /a, contains: x}"))
        .isEqualTo(new Check.FileInContainer("web", "/a", "x", false));
    assertThat(check("file: {container: web, path: /a, absent: true}"))
        .isEqualTo(new Check.FileInContainer("web", "/a", null, true));
    assertThat(check("hostFile: {path: a.txt, contains: x}"))
        .isEqualTo(new Check.HostFile("a.txt", "x"));
    assertThat(check("image: {name: demo}")).isEqualTo(new Check.ImageExists("demo", true));
    assertThat(check("volume: {name: dados}")).isEqualTo(new Check.VolumeExists("dados", true));
    assertThat(check("volume: {name: dados, exists: false}"))
        .isEqualTo(new Check.VolumeExists("dados", false));
    assertThat(check("network: {name: rede, containers: [a, b]}"))
        .isEqualTo(new Check.NetworkState("rede", true, List.of("a", "b")));
    assertThat(check("http: {container: web, port: 80}"))
        .isEqualTo(new Check.HttpAnswer(new HttpTarget("web", 80, "/"), 200, "", true));
    assertThat(
            check(
                "http: {container: web, port: 81, path: /s, status: 404, contains: x, reachable:"
                    + " false}"))
        .isEqualTo(new Check.HttpAnswer(new HttpTarget("web", 81, "/s"), 404, "x", false));
  }
}
