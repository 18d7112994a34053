package dev.orgsign.core.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canonical XML without comments, written from a StAX reader's events as they come: Canonical XML
 * 1.0 and 1.1 (inclusive) and Exclusive XML Canonicalization 1.0 (with an optional
 * {@code InclusiveNamespaces} prefix list), of a whole document, or of a whole document less the
 * subtrees its caller leaves out (what XMLDSig's enveloped-signature transform does).
 *
 * <p>Why not Santuario's canonicalizer: it canonicalizes a DOM, and building the DOM of a 12 MB list
 * was most of the time it took to load. For a whole document (every node in the node-set but
 * comments and the left-out subtrees, whose removal touches no other element's namespaces or
 * attributes), inclusive 1.0 and 1.1 give the same octets, and each element's parent is its nearest
 * output ancestor, which keeps the rules short. Tests compare the octets with Santuario's on
 * generated lists, the published files in {@code ../shared/realworld} and generated documents that
 * redeclare namespaces, undeclare the default, sort attributes across prefixes and carry
 * processing instructions, CDATA and character references.
 *
 * <p>The caller hands over every event after the document's start: {@link #event(XMLStreamReader)}.
 * A DOCTYPE or an unexpanded entity reference is refused (the reader must not resolve entities).
 */
public final class StreamCanonicalizer {
    /** Canonical XML 1.0 without comments. */
    public static final String C14N_10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    /** Canonical XML 1.1 without comments. */
    public static final String C14N_11 = "http://www.w3.org/2006/12/xml-c14n11";
    /** Exclusive XML Canonicalization 1.0 without comments. */
    public static final String EXCLUSIVE = "http://www.w3.org/2001/10/xml-exc-c14n#";
    /** The algorithms this canonicalizer implements. */
    public static final Set<String> ALGORITHMS = Set.of(C14N_10, C14N_11, EXCLUSIVE);

    private static final Comparator<String[]> BY_NAMESPACE_THEN_NAME = Comparator
            .<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1]);

    private final boolean exclusive;
    private final Set<String> inclusivePrefixes;
    private final Utf8Sink out;
    private Element current;
    private boolean rootSeen;

    /**
     * For each prefix ("" for the default namespace), the namespaces bound to it by the open elements, innermost
     * last: lookups cost the same at any depth (a walk up the ancestors made a deeply nested document quadratic).
     */
    private final Map<String, ArrayDeque<String>> bound = new HashMap<>();
    /** For each prefix, the namespaces the open output elements rendered for it, innermost last (exclusive only). */
    private final Map<String, ArrayDeque<String>> renderedAbove = new HashMap<>();

    /** An open element: its name, the namespaces it declares and those rendered on it (prefix, uri, prefix, uri…). */
    private record Element(Element parent, String qname, String[] declared, String[] rendered) {
    }

    private StreamCanonicalizer(boolean exclusive, Set<String> inclusivePrefixes, OutputStream out) {
        this.exclusive = exclusive;
        this.inclusivePrefixes = inclusivePrefixes;
        this.out = new Utf8Sink(out);
    }

    /**
     * A canonicalizer for one document.
     *
     * @param algorithm  one of {@link #ALGORITHMS}
     * @param prefixList for exclusive canonicalization, the {@code InclusiveNamespaces PrefixList} (prefixes separated
     *                   by white space, {@code #default} for the default namespace), or null
     * @param out        where the canonical octets go; written in blocks, flushed by {@link #finish()}
     * @return the canonicalizer
     * @throws IllegalArgumentException for another algorithm
     */
    public static StreamCanonicalizer of(String algorithm, String prefixList, OutputStream out) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("not a canonicalization without comments: " + algorithm);
        }
        boolean exclusive = EXCLUSIVE.equals(algorithm);
        Set<String> prefixes = Set.of();
        if (exclusive && prefixList != null && !prefixList.isBlank()) {
            prefixes = new java.util.HashSet<>();
            for (String p : prefixList.strip().split("\\s+")) {
                prefixes.add("#default".equals(p) ? "" : p);
            }
        }
        return new StreamCanonicalizer(exclusive, prefixes, out);
    }

    /**
     * Writes the reader's current event.
     *
     * @param r a reader on any event after the start of the document
     * @throws XMLStreamException on a DOCTYPE, an entity reference, when the output fails, or what the reader throws
     */
    public void event(XMLStreamReader r) throws XMLStreamException {
        try {
            write(r);
        } catch (UncheckedIOException e) {
            throw new XMLStreamException(e.getCause());
        }
    }

    private void write(XMLStreamReader r) throws XMLStreamException {
        switch (r.getEventType()) {
            case XMLStreamConstants.START_ELEMENT -> start(r);
            case XMLStreamConstants.END_ELEMENT -> end();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (current != null) { // white space outside the document element is not in the model
                    out.text(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
            }
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> processingInstruction(r.getPITarget(), r.getPIData());
            case XMLStreamConstants.DTD -> throw new XMLStreamException("a DOCTYPE is not accepted", r.getLocation());
            case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new XMLStreamException("an entity reference is not accepted", r.getLocation());
            default -> {
                // comments (this is canonicalization without them), the end of the document
            }
        }
    }

    /**
     * Writes the octets still held.
     *
     * @throws XMLStreamException when the output fails
     */
    public void finish() throws XMLStreamException {
        try {
            out.flush();
        } catch (UncheckedIOException e) {
            throw new XMLStreamException(e.getCause());
        }
    }

    private void start(XMLStreamReader r) {
        int count = r.getNamespaceCount();
        String[] declared = new String[count * 2];
        for (int i = 0; i < count; i++) {
            declared[2 * i] = orEmpty(r.getNamespacePrefix(i));
            declared[2 * i + 1] = orEmpty(r.getNamespaceURI(i));
        }
        String prefix = orEmpty(r.getPrefix());
        String qname = prefix.isEmpty() ? r.getLocalName() : prefix + ':' + r.getLocalName();
        int attributes = r.getAttributeCount();
        String[][] sorted = new String[attributes][];
        for (int i = 0; i < attributes; i++) {
            String p = orEmpty(r.getAttributePrefix(i));
            String local = r.getAttributeLocalName(i);
            sorted[i] = new String[] {orEmpty(r.getAttributeNamespace(i)), local,
                    p.isEmpty() ? local : p + ':' + local, r.getAttributeValue(i)};
        }
        if (attributes > 1) {
            Arrays.sort(sorted, BY_NAMESPACE_THEN_NAME);
        }
        String[] namespaces;
        if (exclusive) {
            push(bound, declared);
            namespaces = exclusiveNamespaces(prefix, sorted);
            push(renderedAbove, namespaces);
        } else {
            namespaces = inclusiveNamespaces(declared);
            push(bound, declared);
        }
        Element e = new Element(current, qname, declared, namespaces);
        out.raw('<');
        out.name(qname);
        for (int i = 0; i < namespaces.length; i += 2) {
            out.raw(' ');
            out.name(namespaces[i].isEmpty() ? "xmlns" : "xmlns:" + namespaces[i]);
            out.raw('=');
            out.raw('"');
            out.attribute(namespaces[i + 1]);
            out.raw('"');
        }
        for (String[] a : sorted) {
            out.raw(' ');
            out.name(a[2]);
            out.raw('=');
            out.raw('"');
            out.attribute(a[3]);
            out.raw('"');
        }
        out.raw('>');
        current = e;
        rootSeen = true;
    }

    private void end() {
        out.raw('<');
        out.raw('/');
        out.name(current.qname());
        out.raw('>');
        pop(bound, current.declared());
        if (exclusive) {
            pop(renderedAbove, current.rendered());
        }
        current = current.parent();
    }

    private static void push(Map<String, ArrayDeque<String>> stacks, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            stacks.computeIfAbsent(pairs[i], k -> new ArrayDeque<>()).addLast(pairs[i + 1]);
        }
    }

    private static void pop(Map<String, ArrayDeque<String>> stacks, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            stacks.get(pairs[i]).removeLast();
        }
    }

    /** The namespace the prefix is bound to in the open elements ("" for the default when none), or null when unbound. */
    private String inScope(String prefix) {
        ArrayDeque<String> uris = bound.get(prefix);
        return uris == null || uris.isEmpty() ? (prefix.isEmpty() ? "" : null) : uris.peekLast();
    }

    /** Inclusive: what the element declares differently from its parent's scope (an empty default only over a set one). */
    private String[] inclusiveNamespaces(String[] declared) {
        List<String[]> out = new ArrayList<>(declared.length / 2);
        for (int i = 0; i < declared.length; i += 2) {
            String prefix = declared[i];
            String uri = declared[i + 1];
            if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
                continue; // the xml namespace is never rendered
            }
            if (!uri.equals(inScope(prefix))) { // called before the element's own declarations are pushed
                out.add(new String[] {prefix, uri});
            }
        }
        return sortedPairs(out);
    }

    /**
     * Exclusive: the namespaces the element visibly uses (its own prefix, or the default when it has none, and its
     * attributes' prefixes) and those of the prefix list, where the nearest output ancestor did not render the same.
     */
    private String[] exclusiveNamespaces(String prefix, String[][] attributes) {
        List<String> used = new ArrayList<>(2 + attributes.length + inclusivePrefixes.size());
        used.add(prefix);
        for (String[] a : attributes) {
            int colon = a[2].indexOf(':');
            if (colon > 0) {
                String p = a[2].substring(0, colon);
                if (!used.contains(p)) {
                    used.add(p);
                }
            }
        }
        for (String p : inclusivePrefixes) {
            if (!used.contains(p) && inScope(p) != null) {
                used.add(p);
            }
        }
        List<String[]> out = new ArrayList<>(used.size());
        for (String p : used) {
            if (XMLConstants.XML_NS_PREFIX.equals(p)) {
                continue;
            }
            String uri = inScope(p); // called after the element's own declarations are pushed
            ArrayDeque<String> above = renderedAbove.get(p);
            String before = above == null || above.isEmpty() ? (p.isEmpty() ? "" : null) : above.peekLast();
            if (uri != null && !uri.equals(before)) { // no default rendered above means the empty one
                out.add(new String[] {p, uri});
            }
        }
        return sortedPairs(out);
    }

    private static String[] sortedPairs(List<String[]> pairs) {
        if (pairs.size() > 1) {
            pairs.sort(Comparator.comparing(a -> a[0]));
        }
        String[] flat = new String[pairs.size() * 2];
        for (int i = 0; i < pairs.size(); i++) {
            flat[2 * i] = pairs.get(i)[0];
            flat[2 * i + 1] = pairs.get(i)[1];
        }
        return flat;
    }

    /** Outside the document element a processing instruction is set off by a line feed. */
    private void processingInstruction(String target, String data) {
        boolean after = current == null && rootSeen;
        if (after) {
            out.raw('\n');
        }
        out.raw('<');
        out.raw('?');
        out.name(target);
        if (data != null && !data.isEmpty()) {
            out.raw(' ');
            out.name(data);
        }
        out.raw('?');
        out.raw('>');
        if (current == null && !after) {
            out.raw('\n');
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** UTF-8 octets into a block, with canonical XML's escapes. */
    private static final class Utf8Sink {
        private final OutputStream target;
        private final byte[] block = new byte[1 << 16];
        private int used;

        Utf8Sink(OutputStream target) {
            this.target = target;
        }

        void raw(char c) {
            if (used == block.length) {
                drain();
            }
            block[used++] = (byte) c;
        }

        /** Names, processing instructions: no escapes. */
        void name(String s) {
            for (int i = 0; i < s.length(); i++) {
                i = encode(s, i);
            }
        }

        /** An attribute value: {@code & < "} and tab, line feed and carriage return as references. */
        void attribute(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> ascii("&amp;");
                    case '<' -> ascii("&lt;");
                    case '"' -> ascii("&quot;");
                    case '\t' -> ascii("&#x9;");
                    case '\n' -> ascii("&#xA;");
                    case '\r' -> ascii("&#xD;");
                    default -> i = encode(s, i);
                }
            }
        }

        /** Text: {@code & < >} and carriage return as references. */
        void text(char[] chars, int start, int length) {
            for (int i = start, end = start + length; i < end; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    switch (c) {
                        case '&' -> ascii("&amp;");
                        case '<' -> ascii("&lt;");
                        case '>' -> ascii("&gt;");
                        case '\r' -> ascii("&#xD;");
                        default -> raw(c);
                    }
                } else if (Character.isHighSurrogate(c) && i + 1 < end) {
                    codePoint(Character.toCodePoint(c, chars[++i]));
                } else {
                    codePoint(c);
                }
            }
        }

        private int encode(String s, int i) {
            char c = s.charAt(i);
            if (c < 0x80) {
                raw(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                codePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else {
                codePoint(c);
            }
            return i;
        }

        private void ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                raw(s.charAt(i));
            }
        }

        private void codePoint(int cp) {
            if (used + 4 > block.length) {
                drain();
            }
            if (cp < 0x800) {
                block[used++] = (byte) (0xC0 | cp >> 6);
            } else if (cp < 0x10000) {
                block[used++] = (byte) (0xE0 | cp >> 12);
                block[used++] = (byte) (0x80 | cp >> 6 & 0x3F);
            } else {
                block[used++] = (byte) (0xF0 | cp >> 18);
                block[used++] = (byte) (0x80 | cp >> 12 & 0x3F);
                block[used++] = (byte) (0x80 | cp >> 6 & 0x3F);
            }
            block[used++] = (byte) (0x80 | cp & 0x3F);
        }

        private void drain() {
            try {
                target.write(block, 0, used);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            used = 0;
        }

        void flush() {
            drain();
        }
    }
}
