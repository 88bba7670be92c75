package dev.workbench.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a class hub bound beyond loopback answers to, and the one it tells learners to use. A
 * hub checks the {@code Host} of every request (a page that rebinds a name to the hub's address
 * would otherwise reach it); the names it accepts are the bind address itself or, for a wildcard
 * bind, this machine's own addresses and name, plus any given with {@code --allow-host}.
 */
final class ClassAddress {
  private ClassAddress() {}

  static Set<String> namesOf(String bind) {
    Set<String> names = new LinkedHashSet<>();
    if (!wildcard(bind)) {
      names.add(bind.contains(":") ? "[" + bind + "]" : bind);
      return names;
    }
    for (InetAddress address : ownAddresses()) {
      String text = address.getHostAddress();
      int zone = text.indexOf('%');
      text = zone < 0 ? text : text.substring(0, zone);
      names.add(address instanceof Inet4Address ? text : "[" + text + "]");
    }
    try {
      names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
    } catch (java.io.IOException e) {
      // no name: the addresses are enough
    }
    return names;
  }

  /**
   * What learners type: the first --allow-host, else the bind address, else this machine's LAN
   * address.
   */
  static String forLearners(String bind, List<String> allowHosts) {
    if (!allowHosts.isEmpty()) {
      return allowHosts.get(0);
    }
    if (!wildcard(bind)) {
      return bind.contains(":") ? "[" + bind + "]" : bind;
    }
    return ownAddresses().stream()
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .findFirst()
        .orElse("127.0.0.1");
  }

  private static boolean wildcard(String bind) {
    return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
  }

  private static List<InetAddress> ownAddresses() {
    List<InetAddress> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp()) {
          addresses.addAll(Collections.list(nic.getInetAddresses()));
        }
      }
    } catch (SocketException e) {
      // none listed: the learners are told 127.0.0.1 and the instructor adds --allow-host
    }
    return addresses;
  }
}
