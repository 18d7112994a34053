package dev.orgsign.core.xml;

import dev.orgsign.testcerts.RealWorld;
import dev.orgsign.testcerts.TrustListFixtures;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.utils.XMLUtils;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streamed canonical form against Apache Santuario's (DOM) for every algorithm, on published files,
 * on documents written to be awkward and on generated ones; an enveloped {@code ds:Signature} under the
 * root is left out, as the enveloped-signature transform leaves it out.
 */
class StreamCanonicalizerTest {
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    /** Algorithm and prefix list. */
    private static final String[][] FORMS = {
            {StreamCanonicalizer.C14N_10, null}, {StreamCanonicalizer.C14N_11, null},
            {StreamCanonicalizer.EXCLUSIVE, null}, {StreamCanonicalizer.EXCLUSIVE, "#default a xsi"}};

    static {
        org.apache.xml.security.Init.init();
    }

    private static byte[] streamed(byte[] xml, String algorithm, String prefixList) throws XMLStreamException {
        XMLStreamReader r = SecureXml.streamFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamCanonicalizer c14n = StreamCanonicalizer.of(algorithm, prefixList, out);
        int depth = 0;
        int skipping = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (skipping > 0) {
                skipping += event == XMLStreamReader.START_ELEMENT ? 1 : event == XMLStreamReader.END_ELEMENT ? -1 : 0;
                continue;
            }
            if (event == XMLStreamReader.START_ELEMENT) {
                if (depth == 1 && "Signature".equals(r.getLocalName()) && DSIG.equals(r.getNamespaceURI())) {
                    skipping = 1;
                    continue;
                }
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
            c14n.event(r);
        }
        c14n.finish();
        return out.toByteArray();
    }

    private static byte[] santuario(byte[] xml, String algorithm, String prefixList) throws Exception {
        Document doc = XMLUtils.read(new ByteArrayInputStream(xml), true);
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                doc.getDocumentElement().removeChild(e);
                break;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer c = Canonicalizer.getInstance(algorithm);
        if (prefixList != null) {
            c.canonicalizeSubtree(doc, prefixList, out);
        } else {
            c.canonicalizeSubtree(doc, out);
        }
        return out.toByteArray();
    }

    private static void assertSameAsSantuario(byte[] xml, String what) throws Exception {
        for (String[] form : FORMS) {
            byte[] expected = santuario(xml, form[0], form[1]);
            byte[] actual = streamed(xml, form[0], form[1]);
            int at = 0;
            while (at < Math.min(expected.length, actual.length) && expected[at] == actual[at]) {
                at++;
            }
            if (at < expected.length || at < actual.length) {
                int from = Math.max(0, at - 80);
                assertEquals(new String(expected, from, Math.min(expected.length - from, 200), StandardCharsets.UTF_8),
                        new String(actual, from, Math.min(actual.length - from, 200), StandardCharsets.UTF_8),
                        what + ", " + form[0] + " " + form[1] + ": differs at octet " + at);
            }
        }
    }

    @Test
    void publishedFilesComeOutAsSantuarioWritesThem() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(RealWorld.path("tsl/format-skeleton.xml"));
        for (String folder : new String[] {"xsd", "registers"}) {
            try (Stream<Path> s = Files.list(RealWorld.path(folder))) {
                s.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".xsd")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 9, files.toString());
        for (Path f : files) {
            assertSameAsSantuario(Files.readAllBytes(f), f.getFileName().toString());
        }
    }

    @Test
    void aSignedListComesOutAsSantuarioWritesIt() throws Exception {
        TrustListFixtures f = TrustListFixtures.get();
        assertSameAsSantuario(f.list().signed(f.listSigner()), "the signed list");
    }

    @Test
    void awkwardDocumentsComeOutAsSantuarioWritesThem() throws Exception {
        String awkward = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?before   data with  spaces  ?>
                <!-- a comment before -->
                <?empty?>
                <r:root xmlns:r="urn:r" xmlns="urn:default" xmlns:p="urn:p" b="2" a="1" p:z="3" xml:lang="ru">
                  <child attr="tab&#9;lf&#10;cr&#13;literal	tab
                newline" amp="&amp;&lt;&gt;&quot;'">text &amp; &lt; &gt; &#13; ]]&gt; <![CDATA[cdata <&> ]]></child>
                  <inner xmlns="">none <deeper xmlns="urn:other"><x/><p:y xmlns:p="urn:p"/><q:z xmlns:q="urn:q" q:k="v"/></deeper></inner>
                  <p:same xmlns:p="urn:p" xmlns:s="urn:s"><s:t/><t xmlns="urn:default"/></p:same>
                  <!-- inside --><?pi inside?>
                  <supplementary>𝔘 Ёлка &#x1D518; 😀 — «кавычки»</supplementary>
                  <attributes z="1" y:a="2" xmlns:y="urn:a" x:a="3" xmlns:x="urn:b" a="4" xml:space="preserve"/>
                  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>
                  <after xmlns:r="urn:r2"><r:e r:a="1"/></after>
                  <a:used xmlns:a="urn:a2"><plain/></a:used>
                </r:root>
                <!-- after --><?after data?>
                """;
        assertSameAsSantuario(awkward.getBytes(StandardCharsets.UTF_8), "awkward");
        assertSameAsSantuario("<a xmlns=\"\"><b xmlns=\"urn:b\"><c xmlns=\"\"/></b></a>".getBytes(StandardCharsets.UTF_8), "defaults");
        assertSameAsSantuario("<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\" xml:base=\"http://x/\"><b xml:id=\"i\"/></a>"
                .getBytes(StandardCharsets.UTF_8), "the xml prefix");
        assertSameAsSantuario("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a t=\"caf\u00e9\">d\u00e9j\u00e0</a>"
                .getBytes(StandardCharsets.ISO_8859_1), "latin-1");
    }

    @Test
    void generatedDocumentsComeOutAsSantuarioWritesThem() throws Exception {
        Random random = new Random(20010315);
        for (int i = 0; i < 300; i++) {
            String doc = GeneratedXml.document(random);
            assertSameAsSantuario(doc.getBytes(StandardCharsets.UTF_8), "generated document " + i + ":\n" + doc);
        }
    }

    @Test
    void aDeeplyNestedDocumentComesOutAsSantuarioWritesIt() throws Exception {
        StringBuilder deep = new StringBuilder();
        int levels = 3000;
        for (int i = 0; i < levels; i++) { // namespaces declared, rebound and undeclared on the way down
            deep.append(switch (i % 4) {
                case 0 -> "<p:e xmlns:p=\"urn:p" + (i % 8) + "\" a=\"" + i + "\">";
                case 1 -> "<e xmlns=\"urn:d\">";
                case 2 -> "<e xmlns=\"\" xmlns:q=\"urn:q\" q:b=\"x\">";
                default -> "<p:e>";
            });
        }
        for (int i = levels - 1; i >= 0; i--) {
            deep.append(i % 4 == 0 || i % 4 == 3 ? "</p:e>" : "</e>");
        }
        assertSameAsSantuario(deep.toString().getBytes(StandardCharsets.UTF_8), "3000 levels");
    }

    /** libxml2's canonicalizer, the real {@code xmllint}: a second implementation, where Santuario has a gap. */
    @Test
    void xmllintWritesTheSameOctets(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Random random = new Random(20020718);
        List<String> docs = new ArrayList<>();
        docs.add("<g></g><?target x?><?empty?>"); // right after the root's end tag: Santuario 4.0.4 leaves these out
        for (int i = 0; i < 60; i++) {
            docs.add(GeneratedXml.document(random, false).replaceAll("<!--[^>]*-->", "")); // xmllint keeps comments
        }
        for (int i = 0; i < docs.size(); i++) {
            Path file = Files.writeString(dir.resolve("doc" + i + ".xml"), docs.get(i));
            for (String[] form : new String[][] {{"--c14n", StreamCanonicalizer.C14N_10}, {"--c14n11", StreamCanonicalizer.C14N_11},
                    {"--exc-c14n", StreamCanonicalizer.EXCLUSIVE}}) {
                Process p = new ProcessBuilder("xmllint", form[0], file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] expected = p.getInputStream().readAllBytes();
                assertEquals(0, p.waitFor(), "xmllint (Debian package libxml2-utils, scripts/setup installs it) " + form[0]);
                assertEquals(new String(expected, StandardCharsets.UTF_8),
                        new String(streamed(docs.get(i).getBytes(StandardCharsets.UTF_8), form[1], null), StandardCharsets.UTF_8),
                        form[0] + " of:\n" + docs.get(i));
            }
        }
    }

    @Test
    void aDoctypeOrAnEntityIsRefused() {
        byte[] doctype = "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>".getBytes(StandardCharsets.UTF_8);
        assertThrows(XMLStreamException.class, () -> streamed(doctype, StreamCanonicalizer.C14N_10, null));
        assertThrows(IllegalArgumentException.class,
                () -> StreamCanonicalizer.of("http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", null,
                        new ByteArrayOutputStream()));
    }
}
