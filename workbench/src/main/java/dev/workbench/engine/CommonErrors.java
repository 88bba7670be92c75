package dev.workbench.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's common refusals, which Docker words in English, said to the learner in pt-BR with
 * the command that fixes them; Docker's own words follow in parentheses, so nothing is hidden. A
 * taken name has its own type ({@link NameInUse}), because the page offers to fix it in one click.
 * Names still carry the session's prefix here; the runner takes it off before a learner reads them.
 */
final class CommonErrors {
  private CommonErrors() {}

  private record Known(Pattern words, Function<Matcher, String> explain) {}

  private static final List<Known> KNOWN = List.of(
      new Known(Pattern.compile("No such container: ?(\\S+)", Pattern.CASE_INSENSITIVE),
          m -> "O contêiner " + m.group(1) + " não existe: ainda não foi criado, ou já foi removido."
              + " Veja os que existem com `docker ps -a` e rode antes o passo que o cria."),
      new Known(Pattern.compile("No such image: ?(\\S+)|pull access denied for ([^,\\s]+)",
              Pattern.CASE_INSENSITIVE),
          m -> "A imagem " + (m.group(1) != null ? m.group(1) : m.group(2)) + " não existe nesta"
              + " máquina. Construa-a ou providencie-a antes (o passo da lição com `docker build` ou"
              + " `docker pull`); veja as que existem com `docker images`."),
      new Known(Pattern.compile("port is already allocated|address already in use",
              Pattern.CASE_INSENSITIVE),
          m -> "A porta pedida já está em uso no hospedeiro, por outro contêiner ou programa. Veja"
              + " quem a publica com `docker ps` e pare-o com `docker stop NOME`, ou publique outra"
              + " porta."),
      new Known(Pattern.compile("no space left on device", Pattern.CASE_INSENSITIVE),
          m -> "O disco do Docker está cheio. Veja o que ocupa espaço com `docker system df` e remova"
              + " o que não usa mais (`docker container prune` para contêineres parados,"
              + " `docker image prune` para imagens sem nome); reiniciar uma lição também libera o"
              + " que ela fez."));

  /** The pt-BR explanation of what the engine said, when it is one of the common refusals. */
  static Optional<String> explain(String said) {
    for (Known known : KNOWN) {
      Matcher m = known.words().matcher(said);
      if (m.find()) {
        return Optional.of(known.explain().apply(m) + " (o Docker disse: " + said + ")");
      }
    }
    return Optional.empty();
  }
}
