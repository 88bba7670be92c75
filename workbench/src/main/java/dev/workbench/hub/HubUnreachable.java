package dev.workbench.hub;

/** The hub did not answer, or answered with something that is not the hub's; message in pt-BR. */
public final class HubUnreachable extends RuntimeException {
  public HubUnreachable(String message) {
    super(message, null, false, false);
  }
}
