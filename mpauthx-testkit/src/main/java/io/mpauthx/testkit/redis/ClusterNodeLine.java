package io.mpauthx.testkit.redis;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One line of {@code CLUSTER NODES}: {@code <id> <ip:port@cport> <flags> <primary> <ping> <pong> <epoch> <link>
 * <slot ranges>...}.
 *
 * @param id the node's id
 * @param flags such as {@code myself}, {@code master}, {@code slave}, {@code fail}, {@code handshake}
 * @param slots the slot ranges it serves, as Redis writes them ({@code 0-5460}, {@code 42}); importing and
 *     migrating markers ({@code [42->-id]}) are left out
 */
record ClusterNodeLine(String id, Set<String> flags, List<String> slots) {

    static List<ClusterNodeLine> parse(String clusterNodes) {
        return clusterNodes.lines().filter(line -> !line.isBlank()).map(ClusterNodeLine::parseLine).toList();
    }

    private static ClusterNodeLine parseLine(String line) {
        String[] fields = line.trim().split(" ");
        List<String> slots = Arrays.stream(fields).skip(8).filter(range -> !range.startsWith("[")).toList();
        return new ClusterNodeLine(fields[0], Set.of(fields[2].split(",")), slots);
    }

    boolean isServingPrimary() {
        return flags.contains("master") && !flags.contains("fail") && !slots.isEmpty();
    }

    boolean isHandshaking() {
        return flags.contains("handshake") || flags.contains("noaddr");
    }

    boolean serves(int slot) {
        for (String range : slots) {
            int dash = range.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
            if (slot >= first && slot <= last) {
                return true;
            }
        }
        return false;
    }
}
