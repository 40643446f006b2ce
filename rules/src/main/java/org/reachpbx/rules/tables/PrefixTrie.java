package org.reachpbx.rules.tables;

/**
 * Longest-prefix index over decimal digits. Built once when a table version is compiled, then only
 * read: a lookup walks at most one node per digit and allocates nothing.
 * <p>
 * Lookups run over a "digit view" of the input: {@code zeros} virtual leading {@code '0'}s followed
 * by {@code number} from index {@code from}. That lets {@link CompiledTables#classify} normalise
 * {@code +31…}, {@code 0031…} and {@code +…} without building a new string.
 */
final class PrefixTrie {

    private static final class Node {
        private final Node[] next = new Node[10];
        private DestinationClass value;
    }

    private final Node root = new Node();
    private int size;

    /** Adds or replaces the value of a prefix of digits. */
    void put(String digits, DestinationClass value) {
        Node node = root;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit prefix: " + digits);
            }
            Node child = node.next[d];
            if (child == null) {
                child = new Node();
                node.next[d] = child;
            }
            node = child;
        }
        if (node.value == null) {
            size++;
        }
        node.value = value;
    }

    int size() {
        return size;
    }

    /**
     * The value of the longest prefix of the digit view that has one, or null. The view is
     * {@code zeros} times '0' followed by {@code number.substring(from)}; the caller has checked that
     * it holds only digits.
     */
    DestinationClass longest(String number, int from, int zeros) {
        Node node = root;
        DestinationClass best = null;
        for (int i = 0; i < zeros; i++) {
            node = node.next[0];
            if (node == null) {
                return best;
            }
            if (node.value != null) {
                best = node.value;
            }
        }
        for (int i = from; i < number.length(); i++) {
            node = node.next[number.charAt(i) - '0'];
            if (node == null) {
                return best;
            }
            if (node.value != null) {
                best = node.value;
            }
        }
        return best;
    }
}
