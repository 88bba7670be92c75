package dev.workbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workbench.engine.Session;
import org.junit.jupiter.api.Test;

class CourseRunTest {
  @Test
  void aRunThatIsStillGoingIsNotAnOrphan() {
    Session mine = CourseRun.newSession();

    assertThat(mine.id()).startsWith(CourseRun.SESSION_PREFIX).hasSize(15);
    assertThat(CourseRun.orphaned(mine.id())).isFalse();
  }

  @Test
  void aRunWhoseProcessIsGoneIsAnOrphan() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    String pid = Long.toString(finished.pid(), 36);
    String id = CourseRun.SESSION_PREFIX + "0".repeat(5 - pid.length()) + pid + "abcd";

    assertThat(CourseRun.orphaned(id)).isTrue();
  }

  @Test
  void learnersSessionsAndTheOldFormatAreToldApart() {
    assertThat(CourseRun.orphaned("3fa9c2d1")).isFalse();
    assertThat(CourseRun.orphaned("verifyzz")).isTrue();
  }
}
