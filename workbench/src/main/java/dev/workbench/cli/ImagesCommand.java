package dev.workbench.cli;

import dev.workbench.Workbench;
import dev.workbench.engine.BaseImages;
import dev.workbench.engine.Engine;
import dev.workbench.engine.EngineUnavailable;
import dev.workbench.lesson.Language;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "images",
    description =
        "Prepara todas as imagens base do curso (baixa de um registro ou constrói a partir do Debian).")
public final class ImagesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    try (Engine engine = new Engine(Workbench.defaultDataDir())) {
      if (!engine.available()) {
        throw new EngineUnavailable(engine.host().toString(), null);
      }
      List<String> names = BaseImages.names();
      ConsoleEvents console = new ConsoleEvents(System.out, false, Language.PT_BR);
      for (int i = 0; i < names.size(); i++) {
        long start = System.nanoTime();
        System.out.printf("[%d/%d] %s%n", i + 1, names.size(), names.get(i));
        engine.images().provide(names.get(i), console);
        System.out.printf("      pronta em %.1f s%n", (System.nanoTime() - start) / 1e9);
      }
      System.out.println("images: " + names.size() + " imagens base prontas");
      return 0;
    }
  }
}
