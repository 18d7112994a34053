package dev.orgsign.core.xml;

import javax.xml.stream.XMLInputFactory;

/**
 * The XML parsers orgsign reads outside data with, set up so that no document can reach out of
 * itself: no DTD, no external entities, no entity expansion. Shared by the register reader and the
 * reader of the list of accredited certification centres.
 */
public final class SecureXml {
    private SecureXml() {
    }

    /**
     * A StAX factory over Aalto (FasterXML), not whatever the class path offers: the fastest StAX parser
     * there is (about three times the JDK's on FNS files), with DTDs and external entities off and the
     * parser's warnings kept out of the terminal. Readers must still refuse a DOCTYPE event themselves.
     *
     * @return a new factory; safe to share between threads once made
     */
    public static XMLInputFactory streamFactory() {
        XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLReporter((message, type, info, location) -> { }); // warnings stay out of the terminal
        return f;
    }
}
