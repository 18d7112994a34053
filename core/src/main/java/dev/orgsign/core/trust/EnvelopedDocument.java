package dev.orgsign.core.trust;

import dev.orgsign.core.xml.SecureXml;
import dev.orgsign.core.xml.StreamCanonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A document with an enveloped XML signature, read by streaming, never as a whole DOM: one pass finds
 * its {@code ds:Signature} elements, keeps the one under the root as a small DOM (with the root's
 * namespace declarations and {@code xml:} attributes around it, all that the canonical form of
 * {@code SignedInfo} depends on) and writes the canonical form of the document less that signature
 * (the enveloped-signature transform, then canonicalization) to a digest. It uses the same secure
 * StAX parser as the list's reader, so what is digested is what is indexed.
 */
final class EnvelopedDocument {
    private static final String DSIG = TrustListReader.DSIG;
    private static final XMLInputFactory FACTORY = SecureXml.streamFactory();

    private EnvelopedDocument() {
    }

    /**
     * What the first pass found.
     *
     * @param signatures how many {@code ds:Signature} elements the document has, at any depth
     * @param signature  the first of them, when it is a child of the root, else null
     */
    record Signatures(int signatures, Element signature) {
    }

    /**
     * Reads the document once: finds its signatures and writes the canonical form of the document less the
     * signature that is a child of the root (the enveloped-signature transform, then canonicalization). The
     * canonicalization is given before the signature that names it is read: a caller guesses the usual one and
     * reads again when the signature names another.
     *
     * @param xml        the document
     * @param algorithm  one of {@link StreamCanonicalizer#ALGORITHMS}
     * @param prefixList the exclusive canonicalization's prefix list, or null
     * @param out        where the octets go
     * @return the signatures found
     * @throws XMLStreamException when the document is not well-formed, has a DOCTYPE or an entity reference, or the
     *                            output fails
     */
    static Signatures read(byte[] xml, String algorithm, String prefixList, OutputStream out) throws XMLStreamException {
        Reading reading = new Reading(algorithm, prefixList, out);
        XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        try {
            while (r.hasNext()) {
                r.next();
                reading.event(r);
            }
        } finally {
            r.close();
        }
        return reading.finish();
    }

    /**
     * One reading fed event by event, by {@link #read} or by another reader of the same stream (the list's
     * reader, so that the list is parsed once for its index and its digest).
     */
    static final class Reading {
        private final StreamCanonicalizer c14n;
        private int depth;
        private int count;
        private Element root;
        private Element first;
        /** While the enveloped signature is read: its open elements, innermost first. */
        private Deque<Node> capturing;
        private XMLStreamException failure;

        /**
         * @param algorithm  one of {@link StreamCanonicalizer#ALGORITHMS}
         * @param prefixList the exclusive canonicalization's prefix list, or null
         * @param out        where the canonical octets go
         */
        Reading(String algorithm, String prefixList, OutputStream out) {
            this.c14n = StreamCanonicalizer.of(algorithm, prefixList, out);
        }

        /**
         * Takes the reader's current event (any after the start of the document).
         *
         * @param r the reader
         * @throws XMLStreamException on a DOCTYPE or an entity reference, or when the output fails
         */
        void event(XMLStreamReader r) throws XMLStreamException {
            int event = r.getEventType();
            if (capturing != null) {
                capture(r, event);
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 0) {
                    root = rootContext(r);
                }
                if (isSignature(r)) {
                    count++;
                    if (depth == 1 && count == 1) { // the enveloped signature: kept, and left out of the canonical form
                        first = element(root.getOwnerDocument(), r, false);
                        root.appendChild(first);
                        capturing = new ArrayDeque<>();
                        capturing.push(first);
                        return;
                    }
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
            c14n.event(r); // refuses a DOCTYPE and entity references
        }

        /**
         * Takes the reader's current event, keeping a failure instead of throwing it (for a reader fed alongside
         * another); nothing more is taken after one.
         *
         * @param r the reader
         */
        void take(XMLStreamReader r) {
            if (failure == null) {
                try {
                    event(r);
                } catch (XMLStreamException e) {
                    failure = e;
                }
            }
        }

        /**
         * Ends the reading.
         *
         * @return the signatures found
         * @throws XMLStreamException when the output failed, or what {@link #take} kept
         */
        Signatures finish() throws XMLStreamException {
            if (failure != null) {
                throw failure;
            }
            c14n.finish();
            return new Signatures(count, first);
        }

        /** An event inside the enveloped signature, added to its DOM. */
        private void capture(XMLStreamReader r, int event) throws XMLStreamException {
            refuseEntities(r, event);
            Document doc = root.getOwnerDocument();
            Node at = capturing.peek();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    count += isSignature(r) ? 1 : 0;
                    Element e = element(doc, r, false);
                    at.appendChild(e);
                    capturing.push(e);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    capturing.pop();
                    if (capturing.isEmpty()) {
                        capturing = null;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        at.appendChild(doc.createTextNode(r.getText()));
                case XMLStreamConstants.COMMENT -> at.appendChild(doc.createComment(r.getText()));
                case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                        at.appendChild(doc.createProcessingInstruction(r.getPITarget(), r.getPIData()));
                default -> {
                }
            }
        }
    }

    private static boolean isSignature(XMLStreamReader r) {
        return "Signature".equals(r.getLocalName()) && DSIG.equals(r.getNamespaceURI());
    }

    private static void refuseEntities(XMLStreamReader r, int event) throws XMLStreamException {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("a DOCTYPE or an entity reference is not accepted", r.getLocation());
        }
    }

    /** An empty copy of the root element: its name, its namespace declarations and its {@code xml:} attributes. */
    private static Element rootContext(XMLStreamReader r) {
        Document doc = newDocument();
        Element root = element(doc, r, true);
        doc.appendChild(root);
        return root;
    }

    /** The element the reader is on, its namespace declarations as {@code xmlns} attributes, as a parsed DOM has them. */
    private static Element element(Document doc, XMLStreamReader r, boolean onlyXmlAttributes) {
        String prefix = r.getPrefix() == null ? "" : r.getPrefix();
        String uri = r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty() ? null : r.getNamespaceURI();
        Element e = doc.createElementNS(uri, prefix.isEmpty() ? r.getLocalName() : prefix + ':' + r.getLocalName());
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i);
            String u = r.getNamespaceURI(i) == null ? "" : r.getNamespaceURI(i);
            e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, p.isEmpty() ? "xmlns" : "xmlns:" + p, u);
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i) == null || r.getAttributeNamespace(i).isEmpty() ? null : r.getAttributeNamespace(i);
            if (onlyXmlAttributes && !XMLConstants.XML_NS_URI.equals(ns)) {
                continue;
            }
            String p = r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i);
            String local = r.getAttributeLocalName(i);
            e.setAttributeNS(ns, p.isEmpty() ? local : p + ':' + local, r.getAttributeValue(i));
        }
        return e;
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument(); // built, never parsed
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
