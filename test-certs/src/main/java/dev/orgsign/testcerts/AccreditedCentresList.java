package dev.orgsign.testcerts;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.utils.XMLUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A list of accredited certification centres in the element structure the Ministry of Digital
 * Development publishes ({@code АккредитованныеУдостоверяющиеЦентры}, see
 * {@code ../shared/realworld/tsl/format-skeleton.xml}), made at test time: centres with their
 * accreditation history and CA certificates, optionally with an enveloped XMLDSig (GOST R 34.10-2012
 * 256, the CryptoPro URIs; exclusive canonicalization and GOST R 34.11-2012 256 as the published list
 * has it, or another {@link Form}). The
 * signature is assembled here from Santuario's canonicalization and BouncyCastle's GOST, apart from
 * the verifier's code, so that the two meet only in the format.
 */
public final class AccreditedCentresList {
    /** A status of a centre's accreditation history. */
    public record Status(String status, Instant since) {
    }

    /** A key of a centre: its CA certificates and where its CRLs are published. */
    public record Key(List<X509Certificate> certificates, List<String> crlAddresses) {
    }

    /** A centre: names, identifiers, history (oldest first; the last is the current status) and keys. */
    public record Centre(String name, String shortName, String ogrn, String inn, String registryNumber, List<Status> history,
                         List<Key> keys) {
    }

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String CP = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:";

    static {
        org.apache.xml.security.Init.init();
    }

    private final long version;
    private final Instant date;
    private final List<Centre> centres = new ArrayList<>();

    /**
     * @param version the list's version
     * @param date    the list's date
     */
    public AccreditedCentresList(long version, Instant date) {
        this.version = version;
        this.date = date;
    }

    /** Adds a centre. @param c the centre @return this */
    public AccreditedCentresList centre(Centre c) {
        centres.add(c);
        return this;
    }

    /** {@return the list without a signature, UTF-8} */
    public byte[] unsigned() {
        StringBuilder x = new StringBuilder(4096 + centres.size() * 4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<АккредитованныеУдостоверяющиеЦентры xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        leaf(x, 1, "Версия", Long.toString(version));
        leaf(x, 1, "Дата", date.toString());
        for (Centre c : centres) {
            centre(x, c);
        }
        x.append("</АккредитованныеУдостоверяющиеЦентры>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void centre(StringBuilder x, Centre c) {
        open(x, 1, "УдостоверяющийЦентр");
        leaf(x, 2, "Название", c.name());
        leaf(x, 2, "ЭлектроннаяПочта", "ca@" + c.ogrn() + ".test");
        leaf(x, 2, "КраткоеНазвание", c.shortName());
        leaf(x, 2, "АдресСИнформациейПоУЦ", "http://ca-" + c.ogrn() + ".test/");
        leaf(x, 2, "АдресСИнформациейПоРеестрамСертификатов", "http://ca-" + c.ogrn() + ".test/reestr");
        open(x, 2, "Адрес");
        leaf(x, 3, "Страна", "RU");
        open(x, 3, "Регион");
        leaf(x, 4, "Код", "77");
        leaf(x, 4, "Название", "г. Москва");
        close(x, 3, "Регион");
        leaf(x, 3, "Индекс", "101000");
        leaf(x, 3, "УлицаДом", "ул. Тестовая, д. 1");
        leaf(x, 3, "Город", "Москва");
        close(x, 2, "Адрес");
        open(x, 2, "ПрограммноАппаратныеКомплексы");
        open(x, 3, "ПрограммноАппаратныйКомплекс");
        leaf(x, 4, "Псевдоним", c.shortName() + " ПАК");
        leaf(x, 4, "КлассСредствЭП", "КС2");
        leaf(x, 4, "Адрес", "г. Москва");
        leaf(x, 4, "СредстваУЦ", "Тестовый УЦ");
        open(x, 4, "КлючиУполномоченныхЛиц");
        for (Key k : c.keys()) {
            key(x, k);
        }
        close(x, 4, "КлючиУполномоченныхЛиц");
        close(x, 3, "ПрограммноАппаратныйКомплекс");
        close(x, 2, "ПрограммноАппаратныеКомплексы");
        leaf(x, 2, "ИНН", c.inn());
        leaf(x, 2, "ОГРН", c.ogrn());
        leaf(x, 2, "РеестровыйНомер", c.registryNumber());
        status(x, 2, c.history().get(c.history().size() - 1));
        open(x, 2, "ИсторияСтатусовАккредитации");
        for (Status s : c.history()) {
            status(x, 3, s);
        }
        close(x, 2, "ИсторияСтатусовАккредитации");
        x.append("    <ПолномочияПереданыУЦсОГРН xsi:nil=\"true\"/>\n");
        close(x, 1, "УдостоверяющийЦентр");
    }

    private static void key(StringBuilder x, Key k) {
        open(x, 5, "Ключ");
        X509Certificate first = k.certificates().get(0);
        byte[] ski = first.getExtensionValue("2.5.29.14");
        leaf(x, 6, "ИдентификаторКлюча", ski == null ? "" : HexFormat.of().formatHex(ski, 4, ski.length));
        open(x, 6, "АдресаСписковОтзыва");
        for (String a : k.crlAddresses()) {
            leaf(x, 7, "Адрес", a);
        }
        close(x, 6, "АдресаСписковОтзыва");
        open(x, 6, "Сертификаты");
        for (X509Certificate c : k.certificates()) {
            open(x, 7, "ДанныеСертификата");
            try {
                leaf(x, 8, "Отпечаток", HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(c.getEncoded())));
                leaf(x, 8, "КемВыдан", c.getIssuerX500Principal().getName());
                leaf(x, 8, "КомуВыдан", c.getSubjectX500Principal().getName());
                leaf(x, 8, "СерийныйНомер", c.getSerialNumber().toString(16));
                leaf(x, 8, "ПериодДействияС", c.getNotBefore().toInstant().toString());
                leaf(x, 8, "ПериодДействияДо", c.getNotAfter().toInstant().toString());
                leaf(x, 8, "Данные", Base64.getEncoder().encodeToString(c.getEncoded()));
            } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            close(x, 7, "ДанныеСертификата");
        }
        close(x, 6, "Сертификаты");
        close(x, 5, "Ключ");
    }

    private static void status(StringBuilder x, int depth, Status s) {
        open(x, depth, "СтатусАккредитации");
        leaf(x, depth + 1, "Статус", s.status());
        leaf(x, depth + 1, "ДействуетС", s.since().toString());
        close(x, depth, "СтатусАккредитации");
    }

    private static void open(StringBuilder x, int depth, String name) {
        x.append("  ".repeat(depth)).append('<').append(name).append(">\n");
    }

    private static void close(StringBuilder x, int depth, String name) {
        x.append("  ".repeat(depth)).append("</").append(name).append(">\n");
    }

    private static void leaf(StringBuilder x, int depth, String name, String text) {
        x.append("  ".repeat(depth)).append('<').append(name).append('>');
        for (char ch : (text == null ? "" : text).toCharArray()) {
            switch (ch) {
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '&' -> x.append("&amp;");
                default -> x.append(ch);
            }
        }
        x.append("</").append(name).append(">\n");
    }

    /**
     * How the list is signed: the canonicalization of the document (the last transform) and of
     * {@code SignedInfo}, exclusive canonicalization's prefix list, and the digest method.
     *
     * @param canonicalization a canonicalization URI without comments
     * @param prefixList       for exclusive canonicalization, an {@code InclusiveNamespaces PrefixList}, or null
     * @param digestMethod     the digest method's URI: GOST R 34.11-2012 256 or 512 (CryptoPro URIs) or SHA-256
     */
    public record Form(String canonicalization, String prefixList, String digestMethod) {
        /** The form the published list takes: exclusive canonicalization, GOST R 34.11-2012 256. */
        public static final Form USUAL = new Form(EXC_C14N, null, CP + "gostr34112012-256");

        String jceDigest() {
            return switch (digestMethod) {
                case CP + "gostr34112012-256" -> "GOST3411-2012-256";
                case CP + "gostr34112012-512" -> "GOST3411-2012-512";
                case "http://www.w3.org/2001/04/xmlenc#sha256" -> "SHA-256";
                default -> throw new IllegalArgumentException("digest method " + digestMethod);
            };
        }
    }

    /**
     * The list with an enveloped XML signature by {@code signer}, a GOST R 34.10-2012 256 key, in the
     * {@linkplain Form#USUAL usual form}: the document digested after exclusive canonicalization, the
     * signature placed last in the root, the signer's certificate in KeyInfo.
     *
     * @param signer the list's signer
     * @return the signed list, UTF-8
     */
    public byte[] signed(Credential signer) {
        return signed(signer, Form.USUAL);
    }

    /**
     * The list with an enveloped XML signature by {@code signer} (a GOST R 34.10-2012 256 key) in the given form.
     *
     * @param signer the list's signer
     * @param form   the canonicalization and digest
     * @return the signed list, UTF-8
     */
    public byte[] signed(Credential signer, Form form) {
        try {
            byte[] unsigned = unsigned();
            ByteArrayOutputStream canonical = new ByteArrayOutputStream();
            canonicalize(XMLUtils.read(new ByteArrayInputStream(unsigned), true), form, canonical);
            String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance(form.jceDigest(), CertificateFactoryBC.BC)
                    .digest(canonical.toByteArray()));
            String placeholder = "SIGNATURE-VALUE";
            String signature = "<ds:Signature xmlns:ds=\"" + DSIG + "\"><ds:SignedInfo>"
                    + method("CanonicalizationMethod", form)
                    + "<ds:SignatureMethod Algorithm=\"" + CP + "gostr34102012-gostr34112012-256\"/>"
                    + "<ds:Reference URI=\"\"><ds:Transforms>"
                    + "<ds:Transform Algorithm=\"" + DSIG + "enveloped-signature\"/>"
                    + method("Transform", form) + "</ds:Transforms>"
                    + "<ds:DigestMethod Algorithm=\"" + form.digestMethod() + "\"/>"
                    + "<ds:DigestValue>" + digest + "</ds:DigestValue></ds:Reference></ds:SignedInfo>"
                    + "<ds:SignatureValue>" + placeholder + "</ds:SignatureValue>"
                    + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                    + Base64.getEncoder().encodeToString(signer.certificate().getEncoded())
                    + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>";
            String text = new String(unsigned, StandardCharsets.UTF_8);
            int end = text.lastIndexOf("</АккредитованныеУдостоверяющиеЦентры>");
            String withPlaceholder = text.substring(0, end) + signature + text.substring(end);
            Document doc = XMLUtils.read(new ByteArrayInputStream(withPlaceholder.getBytes(StandardCharsets.UTF_8)), true);
            Element signedInfo = (Element) doc.getElementsByTagNameNS(DSIG, "SignedInfo").item(0);
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            canonicalize(signedInfo, form, info);
            Signature s = Signature.getInstance("GOST3411-2012-256WITHECGOST3410-2012-256", CertificateFactoryBC.BC);
            s.initSign(signer.privateKey());
            s.update(info.toByteArray());
            String value = Base64.getEncoder().encodeToString(s.sign());
            return withPlaceholder.replace(placeholder, value).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("The list cannot be signed: " + e, e);
        }
    }

    /** A {@code ds:} element naming the form's canonicalization, with its prefix list when it has one. */
    private static String method(String element, Form form) {
        String start = "<ds:" + element + " Algorithm=\"" + form.canonicalization() + "\"";
        return form.prefixList() == null ? start + "/>" : start + "><ec:InclusiveNamespaces xmlns:ec=\"" + EXC_C14N
                + "\" PrefixList=\"" + form.prefixList() + "\"/></ds:" + element + ">";
    }

    /** A new canonicalizer each time: Santuario's inclusive ones keep the namespaces they rendered. */
    private static void canonicalize(org.w3c.dom.Node node, Form form, ByteArrayOutputStream out) throws Exception {
        Canonicalizer c14n = Canonicalizer.getInstance(form.canonicalization());
        if (form.prefixList() != null) {
            c14n.canonicalizeSubtree(node, form.prefixList(), out);
        } else {
            c14n.canonicalizeSubtree(node, out);
        }
    }
}
