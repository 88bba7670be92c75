package dev.workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerTest {
  @Test
  void this_process_is_not_gone() {
    assertThat(Owner.gone(Owner.current())).isFalse();
  }

  @Test
  void a_process_that_ended_is_gone() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    String namespace = Owner.current().split(":")[0];

    assertThat(Owner.gone(namespace + ":" + ended.pid() + ":1")).isTrue();
  }

  @Test
  void a_reused_pid_is_not_the_owner() {
    String[] me = Owner.current().split(":");

    assertThat(Owner.gone(me[0] + ":" + me[1] + ":" + (Long.parseLong(me[2]) - 3600))).isTrue();
  }

  @Test
  void an_owner_in_another_pid_namespace_or_unreadable_is_never_taken_for_dead() {
    assertThat(Owner.gone("1:999999:1")).isFalse();
    assertThat(Owner.gone("not an owner")).isFalse();
    assertThat(Owner.gone(null)).isFalse();
  }
}
