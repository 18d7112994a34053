package dev.orgsign.core.xml;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random namespace-well-formed documents for comparing canonicalizers: prefixes bound, rebound and
 * shadowed, the default namespace set and undeclared, attributes in several namespaces (two prefixes
 * for one namespace among them), escapes and character references in text and attributes, CDATA,
 * comments, processing instructions inside and outside the root, and sometimes an enveloped
 * {@code ds:Signature} under the root.
 */
final class GeneratedXml {
    private static final List<String> PREFIXES = List.of("", "a", "b", "xsi");
    private static final List<String> URIS = List.of("urn:one", "urn:two", "http://example.org/ns#", "urn:one");
    private static final List<String> NAMES = List.of("e", "f", "Элемент", "g");
    private static final List<String> ATTRIBUTES = List.of("x", "y", "id", "Имя");
    private static final List<String> PIECES = List.of("plain", " ", "&amp;", "&lt;", "&gt;", "'", "&#9;", "&#10;",
            "&#13;", "\t", "\n", "\r\n", "é", "Ж", "😀", "&#x1F600;", "]]&gt;", "  two  spaces ");

    private GeneratedXml() {
    }

    static String document(Random r) {
        return document(r, r.nextInt(3) == 0);
    }

    /** @param signature whether an enveloped {@code ds:Signature} may come under the root */
    static String document(Random r, boolean signature) {
        StringBuilder x = new StringBuilder();
        if (r.nextBoolean()) {
            x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        misc(x, r, true);
        Map<String, String> scope = new HashMap<>();
        scope.put("", "");
        element(x, r, scope, 0, new boolean[] {signature});
        misc(x, r, false); // Santuario 4.0.4 leaves out processing instructions after the root (xmllint does not)
        return x.toString();
    }

    private static void misc(StringBuilder x, Random r, boolean instructions) {
        for (int i = r.nextInt(3); i > 0; i--) {
            int kind = r.nextInt(3);
            x.append(switch (kind == 1 && !instructions ? 2 : kind) {
                case 0 -> "<!-- note -->";
                case 1 -> "<?target " + (r.nextBoolean() ? "" : "data  here ") + "?>";
                default -> "\n  ";
            });
        }
    }

    private static void element(StringBuilder x, Random r, Map<String, String> outer, int depth, boolean[] signature) {
        Map<String, String> scope = new HashMap<>(outer);
        StringBuilder declarations = new StringBuilder();
        for (int i = r.nextInt(3); i > 0; i--) {
            String p = PREFIXES.get(r.nextInt(PREFIXES.size()));
            String uri = p.isEmpty() && r.nextInt(3) == 0 ? "" : URIS.get(r.nextInt(URIS.size()));
            if (declarations.indexOf(" xmlns" + (p.isEmpty() ? "=" : ":" + p + "=")) >= 0) {
                continue;
            }
            declarations.append(" xmlns").append(p.isEmpty() ? "" : ":" + p).append("=\"").append(uri).append('"');
            scope.put(p, uri);
        }
        List<String> bound = scope.keySet().stream().filter(p -> !p.isEmpty()).sorted().toList();
        String prefix = bound.isEmpty() || r.nextBoolean() ? "" : bound.get(r.nextInt(bound.size()));
        String name = (prefix.isEmpty() ? "" : prefix + ":") + NAMES.get(r.nextInt(NAMES.size()));
        x.append('<').append(name).append(declarations);
        Set<String> expanded = new HashSet<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            String p = bound.isEmpty() || r.nextBoolean() ? "" : bound.get(r.nextInt(bound.size()));
            String local = r.nextInt(8) == 0 ? "lang" : ATTRIBUTES.get(r.nextInt(ATTRIBUTES.size()));
            if (local.equals("lang")) {
                p = "xml";
            }
            String uri = p.isEmpty() ? "" : p.equals("xml") ? "xml" : scope.get(p);
            if (!expanded.add(uri + " " + local)) {
                continue;
            }
            x.append(' ').append(p.isEmpty() ? "" : p + ":").append(local).append("=\"").append(text(r, true)).append('"');
        }
        if (depth >= 4 || r.nextInt(5) == 0) {
            x.append("/>");
            return;
        }
        x.append('>');
        for (int i = r.nextInt(5); i > 0; i--) {
            switch (r.nextInt(7)) {
                case 0, 1 -> x.append(text(r, false));
                case 2 -> x.append("<![CDATA[").append("<not a tag> & ]] >").append("]]>");
                case 3 -> x.append("<!-- c -->");
                case 4 -> x.append("<?pi ").append(r.nextBoolean() ? "" : "d ").append("?>");
                default -> {
                    if (depth == 0 && signature[0]) {
                        signature[0] = false;
                        x.append("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/></ds:Signature>");
                    } else {
                        element(x, r, scope, depth + 1, signature);
                    }
                }
            }
        }
        x.append("</").append(name).append('>');
    }

    private static String text(Random r, boolean attribute) {
        StringBuilder t = new StringBuilder();
        for (int i = r.nextInt(4); i > 0; i--) {
            String piece = PIECES.get(r.nextInt(PIECES.size()));
            t.append(attribute && piece.equals("]]&gt;") ? "&quot;" : piece);
        }
        return t.toString();
    }
}
