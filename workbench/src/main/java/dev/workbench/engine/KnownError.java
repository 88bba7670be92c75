package dev.workbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the engine's refusals a learner meets often, said in pt-BR with the command that fixes it.
 * This is the one place that reads Docker's own words (its API answers, a build's error, compose's
 * output) and says them again: {@link #in}. A page in another language finds the problem and its
 * values back in the sentence with {@link Problem#read} and says it from its own words.
 */
public sealed class KnownError extends EngineError permits NameInUse {
  /**
   * The problems, each with the sentence a learner reads ({@code {0}}, {@code {1}}: the values read
   * from Docker's words) and the key of the same sentence in the site's word bundles.
   */
  public enum Problem {
    NAME_IN_USE(
        "engine_name_in_use",
        "Já existe um contêiner chamado {0} (de uma execução anterior?). O"
            + " Docker não deixa dois contêineres com o mesmo nome: remova o antigo com `docker rm -f {0}` e"
            + " rode de novo."),
    NO_SUCH_CONTAINER(
        "engine_no_such_container",
        "O contêiner {0} não existe: ainda não foi criado, ou já"
            + " foi removido. Rode antes o passo que o cria; `docker ps -a` lista os contêineres que existem."),
    NO_SUCH_IMAGE(
        "engine_no_such_image",
        "A imagem {0} não existe neste Docker. Rode antes o passo que a"
            + " constrói ou providencia (no terminal: `docker build -t {0} PASTA`, ou `docker pull {0}` com"
            + " um registro); `docker image ls` lista as imagens que existem."),
    PORT_TAKEN(
        "engine_port_taken",
        "A porta {0} do hospedeiro já está ocupada, por outro contêiner ou"
            + " outro programa. Veja quem a publicou com `docker ps --filter publish={1}`, pare-o com"
            + " `docker stop NOME`, ou publique noutra porta (`-p 127.0.0.1::PORTA` deixa o Docker escolher"
            + " uma livre)."),
    NO_SPACE(
        "engine_no_space",
        "Acabou o espaço em disco do Docker. Veja o que ocupa com `docker system"
            + " df` e libere o que não usa mais: `docker container prune` e `docker image prune` (ou reinicie"
            + " as lições que já terminou).");

    private final String key;
    private final String sentence;
    private final Pattern said;

    Problem(String key, String sentence) {
      this.key = key;
      this.sentence = sentence;
      this.said = pattern(sentence);
    }

    /** The key of this sentence in the site's word bundles. */
    public String key() {
      return key;
    }

    /** The pt-BR sentence with its values in place. */
    public String say(List<String> values) {
      String text = sentence;
      for (int i = 0; i < values.size(); i++) {
        text = text.replace("{" + i + "}", values.get(i));
      }
      return text;
    }

    /**
     * The problem and values of a sentence {@link #say} wrote (whole, as a step's failure keeps
     * it), for a page that says it in another language; empty for any other text.
     */
    public static Optional<Said> read(String text) {
      if (text == null) {
        return Optional.empty();
      }
      for (Problem problem : values()) {
        Matcher m = problem.said.matcher(text.strip());
        if (m.matches()) {
          List<String> values = new ArrayList<>();
          for (int i = 0; problem.sentence.contains("{" + i + "}"); i++) {
            values.add(m.group("v" + i));
          }
          return Optional.of(new Said(problem, List.copyOf(values)));
        }
      }
      return Optional.empty();
    }

    /**
     * The sentence as a pattern: its words literally, each value once as a group, then the same.
     */
    private static Pattern pattern(String sentence) {
      StringBuilder regex = new StringBuilder();
      List<Integer> seen = new ArrayList<>();
      Matcher value = Pattern.compile("\\{(\\d)}").matcher(sentence);
      int at = 0;
      while (value.find()) {
        regex.append(Pattern.quote(sentence.substring(at, value.start())));
        int i = Integer.parseInt(value.group(1));
        regex.append(seen.contains(i) ? "\\k<v" + i + ">" : "(?<v" + i + ">.+?)");
        seen.add(i);
        at = value.end();
      }
      regex.append(Pattern.quote(sentence.substring(at)));
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
  }

  /** A problem found in a sentence, with its values in order. */
  public record Said(Problem problem, List<String> values) {}

  // Docker's words, as engines 20.10 to 29 write them (API answers, the classic builder, BuildKit,
  // compose)
  private static final Pattern NAME_IN_USE =
      Pattern.compile("container name \"/?([^\"]+)\" is already in use");
  private static final Pattern NO_SUCH_CONTAINER =
      Pattern.compile("No such container: ?([\\w.\\-/]+)");
  private static final Pattern NO_SUCH_IMAGE =
      Pattern.compile(
          "No such image: ?([\\w.\\-/:@]+)"
              + "|pull access denied for ([\\w.\\-/:@]+?), repository does not exist"
              + "|failed to resolve source metadata for (?:docker\\.io/library/|docker\\.io/)?([\\w.\\-/:@]+?): "
              + "|manifest for ([\\w.\\-/:@]+) not found"
              + "|repository ([\\w.\\-/:@]+) not found");
  private static final Pattern PORT_TAKEN =
      Pattern.compile(
          "Bind for ([\\d.:\\[\\]a-f]*?:(\\d+)) failed: port is already allocated"
              + "|listen tcp[46]? ([\\d.:\\[\\]a-f]*?:(\\d+)): bind: address already in use");
  private static final Pattern REGISTRY_AWAY =
      Pattern.compile(
          "Get \"?https?://[^\\s\"]+/v2/\"?: (dial tcp|net/http|context deadline)|no such host|i/o timeout");
  private static final Pattern NO_SPACE =
      Pattern.compile("no space left on device", Pattern.CASE_INSENSITIVE);

  private final Problem problem;
  private final List<String> values;

  KnownError(Problem problem, List<String> values, Throwable cause) {
    super(problem.say(values), cause);
    this.problem = problem;
    this.values = List.copyOf(values);
  }

  public Problem problem() {
    return problem;
  }

  /**
   * The values the sentence names (the container, the image, the port), as the engine knows them.
   */
  public List<String> values() {
    return values;
  }

  /** The image named {@code image} is not in the engine (the workbench looked before creating). */
  static KnownError noSuchImage(String image) {
    return new KnownError(Problem.NO_SUCH_IMAGE, List.of(image), null);
  }

  /** The container named {@code name} is not in the engine. */
  static KnownError noSuchContainer(String name) {
    return new KnownError(Problem.NO_SUCH_CONTAINER, List.of(name), null);
  }

  /**
   * What a failed build said, read as {@link #in} reads it; and when the builder went to a registry
   * for the image of a {@code FROM} that is not here, and no registry answered (a classroom
   * offline), that image is the problem: Docker's words name only the registry it tried.
   *
   * @param lastFrom the image of the last {@code FROM} the build reached; null when none
   */
  public static Optional<KnownError> inBuild(String dockerSaid, String lastFrom, Throwable cause) {
    Optional<KnownError> known = in(dockerSaid, cause);
    if (known.isPresent() || lastFrom == null || lastFrom.contains("$") || dockerSaid == null) {
      return known;
    }
    return REGISTRY_AWAY.matcher(dockerSaid).find()
        ? Optional.of(new KnownError(Problem.NO_SUCH_IMAGE, List.of(lastFrom), cause))
        : Optional.empty();
  }

  /**
   * The known problem in what Docker said, if there is one: the one place where the engine's words
   * (any of its answers, a build's error, compose's output) become a sentence for a learner.
   */
  public static Optional<KnownError> in(String dockerSaid, Throwable cause) {
    if (dockerSaid == null || dockerSaid.isBlank()) {
      return Optional.empty();
    }
    Matcher m;
    if ((m = NAME_IN_USE.matcher(dockerSaid)).find()) {
      return Optional.of(new NameInUse(m.group(1), cause));
    }
    if (NO_SPACE.matcher(dockerSaid).find()) {
      return Optional.of(new KnownError(Problem.NO_SPACE, List.of(), cause));
    }
    if ((m = PORT_TAKEN.matcher(dockerSaid)).find()) {
      String address = m.group(1) != null ? m.group(1) : m.group(3);
      String port = m.group(2) != null ? m.group(2) : m.group(4);
      return Optional.of(new KnownError(Problem.PORT_TAKEN, List.of(address, port), cause));
    }
    if ((m = NO_SUCH_CONTAINER.matcher(dockerSaid)).find()) {
      return Optional.of(new KnownError(Problem.NO_SUCH_CONTAINER, List.of(m.group(1)), cause));
    }
    if ((m = NO_SUCH_IMAGE.matcher(dockerSaid)).find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          return Optional.of(new KnownError(Problem.NO_SUCH_IMAGE, List.of(m.group(g)), cause));
        }
      }
    }
    return Optional.empty();
  }
}
