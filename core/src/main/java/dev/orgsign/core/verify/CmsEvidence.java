package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.Text;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CMS SignedData (RFC 5652) read for verification: its one signer, the signer's certificate, the
 * bundled certificates, the signed attributes and the content signed. A DER signature is taken
 * apart where it lies in the received bytes ({@link Der}) — the fast path a registration takes;
 * certificates are parsed once per DER ({@link ParsedCertificates}). Anything else that is a valid
 * signature — BER, content attached, signed attributes not in DER, base64 or PEM text — is first
 * written again as a detached DER SignedData ({@link CmsReader}) and then read the same way, so
 * both ways meet the same checks; {@link SignatureValue} verifies it. Reading never throws; what is
 * wrong is kept as a sentence for the {@code signature.cms} check.
 */
final class CmsEvidence {
    /** Larger registration signatures are refused before parsing: a registration signature with its chain is a few KB. */
    static final int MAX_BYTES = 256 * 1024;

    /**
     * How a signature is read.
     *
     * @param maxBytes     the largest signature accepted (binary; text may be twice as large)
     * @param maxContent   the largest content accepted inside an attached signature
     * @param essRequired  whether the ESS signing-certificate attribute must be present (CAdES-BES)
     * @param timeRequired whether the signing-time attribute must be present (unless a time is claimed outside)
     * @param noun         what the signature is called in sentences ("a registration signature")
     */
    record Rules(int maxBytes, int maxContent, boolean essRequired, boolean timeRequired, Text noun) {
        /** A registration's (or a PDF's) CAdES-BES signature. */
        static final Rules CADES_BES = new Rules(MAX_BYTES, 64 * 1024, true, true, T.text("cms.noun.registration"));
        /**
         * Any CMS signature a person checks — a contract, a receipt, a document from the tax service: the
         * content may be large, the ESS attribute and the signing time (a timestamp may give it) may be absent.
         */
        static final Rules DOCUMENT = new Rules(64 * 1024 * 1024, 64 * 1024 * 1024, false, false, T.text("cms.noun.document"));
    }

    private static final byte[] SIGNED_DATA = contents(CMSObjectIdentifiers.signedData);
    private static final byte[] DATA = contents(CMSObjectIdentifiers.data);
    private static final byte[] CONTENT_TYPE = contents(CMSAttributes.contentType);
    private static final byte[] MESSAGE_DIGEST = contents(CMSAttributes.messageDigest);
    private static final byte[] SIGNING_TIME = contents(CMSAttributes.signingTime);
    private static final byte[] COUNTER_SIGNATURE = contents(CMSAttributes.counterSignature);
    private static final byte[] ALGORITHM_PROTECTION = contents(CMSAttributes.cmsAlgorithmProtect);
    private static final byte[] SIGNING_CERTIFICATE = contents(PKCSObjectIdentifiers.id_aa_signingCertificate);
    private static final byte[] SIGNING_CERTIFICATE_V2 = contents(PKCSObjectIdentifiers.id_aa_signingCertificateV2);

    final Text problem;
    final X509Certificate certificate;
    final List<X509Certificate> bundled;
    final Instant signingTime;
    /** How the signature was written when it did not take the DER fast path (phrases), else empty. */
    final List<Text> notes;
    /** The signed attributes in the order received when that is not DER (verified over their DER re-encoding first), or null. */
    final byte[] receivedAttributes;
    /** Whether the signature carried its content. */
    final boolean attached;
    /** Whether {@link #problem} is one of encoding that the normalizing path may overcome. */
    private final boolean encodingProblem;
    final Parts parts;
    /** The SHA-256 of the payload when {@link #verifyValue} computed it (the signer's digest), else null. */
    byte[] payloadSha256;

    /** Where the parts the signature check needs lie in the received bytes. */
    record Parts(byte[] buf, byte[] payload, ParsedCertificates.Entry signer, Der.Element digestAlgorithm,
                         Der.Element signedAttributes, Der.Element signatureAlgorithm, Der.Element signatureValue,
                         Der.Element messageDigest, Der.Element essV2, Der.Element essV1, Der.Element unsignedAttributes) {
    }

    private CmsEvidence(Text problem, Parts parts, List<X509Certificate> bundled, Instant signingTime) {
        this(problem, false, parts, bundled, signingTime, List.of(), null, false);
    }

    private CmsEvidence(Text problem, boolean encodingProblem, Parts parts, List<X509Certificate> bundled,
                        Instant signingTime, List<Text> notes, byte[] receivedAttributes, boolean attached) {
        this.problem = problem;
        this.encodingProblem = encodingProblem;
        this.parts = parts;
        this.certificate = parts == null ? null : parts.signer().certificate;
        this.bundled = bundled;
        this.signingTime = signingTime;
        this.notes = notes;
        this.receivedAttributes = receivedAttributes;
        this.attached = attached;
    }

    static CmsEvidence bad(Text problem) {
        return new CmsEvidence(problem, null, List.of(), null);
    }

    /** A problem of encoding only: the normalizing path may read the signature all the same. */
    static CmsEvidence encoding(Text problem) {
        return new CmsEvidence(problem, true, null, List.of(), null, List.of(), null, false);
    }

    /** Whether {@link #problem} is one of encoding only, which the normalizing path may overcome. */
    boolean encodingProblem() {
        return encodingProblem;
    }

    /** This evidence as read through the normalizing path: how it was written, the attributes as received. */
    CmsEvidence withReading(List<Text> notes, byte[] receivedAttributes, boolean attached) {
        return new CmsEvidence(problem, false, parts, bundled, signingTime, notes, receivedAttributes, attached);
    }

    private static byte[] contents(ASN1ObjectIdentifier oid) {
        try {
            byte[] der = oid.getEncoded();
            return Arrays.copyOfRange(der, 2, der.length);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CmsEvidence read(byte[] signature, byte[] payload) {
        return read(signature, payload, null);
    }

    /**
     * @param claimedTime the signing time claimed outside the CMS (a PDF signature dictionary's M), which
     *                    makes the signing-time attribute optional (PAdES leaves it out); null for CAdES-BES
     */
    static CmsEvidence read(byte[] signature, byte[] payload, Instant claimedTime) {
        return read(signature, payload, claimedTime, Rules.CADES_BES);
    }

    /**
     * @param content     the signed content given beside the signature, or null to take the content it carries
     * @param claimedTime the signing time claimed outside the CMS, or null
     * @param rules       size limits and what the signer must include
     */
    static CmsEvidence read(byte[] signature, byte[] content, Instant claimedTime, Rules rules) {
        return CmsReader.read(signature, content, claimedTime, rules);
    }

    /**
     * The DER of each RFC 3161 signature timestamp token among the unsigned attributes (CAdES-T), or an
     * empty list; read only when the signer info has unsigned attributes.
     */
    List<byte[]> timestampTokens() {
        Der.Element unsigned = parts.unsignedAttributes();
        if (unsigned == null) {
            return List.of();
        }
        List<byte[]> tokens = new ArrayList<>(1);
        try {
            byte[] set = unsigned.bytes(parts.buf());
            set[0] = Der.SET; // [1] IMPLICIT SET OF Attribute
            for (org.bouncycastle.asn1.ASN1Encodable e : org.bouncycastle.asn1.ASN1Set.getInstance(set)) {
                org.bouncycastle.asn1.cms.Attribute a = org.bouncycastle.asn1.cms.Attribute.getInstance(e);
                if (PKCSObjectIdentifiers.id_aa_signatureTimeStampToken.equals(a.getAttrType())) {
                    for (org.bouncycastle.asn1.ASN1Encodable v : a.getAttrValues()) {
                        tokens.add(v.toASN1Primitive().getEncoded());
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            tokens.add(new byte[0]); // unreadable unsigned attributes: what they hold cannot be trusted to be absent
        }
        return tokens;
    }

    /** The contents of the signer's signature value (what a signature timestamp is over). */
    byte[] signatureValue() {
        return parts.signatureValue().value(parts.buf());
    }

    /** The content that was signed: the one given, or the one the signature carried. */
    byte[] content() {
        return parts.payload();
    }

    /**
     * What the {@code signature.cms} check says of a readable signature.
     *
     * @param what the kind of signature, e.g. "CAdES-BES SignedData"
     */
    Text description(String what) {
        String kind = attached ? "cms.attached" : "cms.detached";
        return notes.isEmpty() ? T.text(kind, what) : T.text(kind + ".notes", what, Text.join(", ", notes));
    }

    static CmsEvidence parse(byte[] buf, byte[] payload, Instant claimedTime, Rules rules)
            throws Der.Malformed, CertificateException {
        Der contentInfo = new Der(buf, 0, buf.length).next(Der.SEQUENCE, "contentInfo").open(buf);
        if (!Der.contentsEqual(buf, contentInfo.next(Der.OID, "contentType"), SIGNED_DATA)) {
            return bad(T.text("cms.notSignedData"));
        }
        Der wrapper = contentInfo.next(0xa0, "signedData").open(buf);
        contentInfo.end("contentInfo");
        Der signedData = wrapper.next(Der.SEQUENCE, "signedData").open(buf);
        wrapper.end("signedData");
        signedData.next(Der.INTEGER, "signedDataVersion");
        signedData.next(Der.SET, "digestAlgorithms");
        Der encapsulated = signedData.next(Der.SEQUENCE, "encapsulatedContentInfo").open(buf);
        boolean data = Der.contentsEqual(buf, encapsulated.next(Der.OID, "encapsulatedContentType"), DATA);
        if (encapsulated.hasMore()) {
            return encoding(T.text("cms.embedded")); // taken out by the normalizing path
        }
        if (payload == null) {
            return bad(T.text("cms.detachedWithout"));
        }
        if (!data) {
            return bad(T.text("cms.notData"));
        }
        List<ParsedCertificates.Entry> certificates = new ArrayList<>(4);
        if (signedData.peekTag() == 0xa0) {
            Der set = signedData.next("certificates").open(buf);
            while (set.hasMore()) {
                Der.Element c = set.next("certificate");
                if (c.tag() == Der.SEQUENCE) { // other choices (attribute certificates) are not used
                    certificates.add(ParsedCertificates.entry(buf, c));
                }
            }
        }
        if (signedData.peekTag() == 0xa1) {
            signedData.next("revocationInformation");
        }
        Der signerInfos = signedData.next(Der.SET, "signerInfos").open(buf);
        signedData.end("signedData");
        int signers = 0;
        Der.Element signerInfo = null;
        while (signerInfos.hasMore()) {
            signerInfo = signerInfos.next("signerInfo");
            signers++;
        }
        if (signers != 1) {
            return bad(T.text("cms.signers", signers));
        }
        if (signerInfo.tag() != Der.SEQUENCE) {
            return bad(T.text("der.misplaced", T.text("der.field.signerInfo")));
        }
        return signer(buf, payload, claimedTime, rules, signerInfo.open(buf), certificates);
    }

    private static CmsEvidence signer(byte[] buf, byte[] payload, Instant claimedTime, Rules rules, Der info,
                                      List<ParsedCertificates.Entry> certificates) throws Der.Malformed {
        info.next(Der.INTEGER, "signerInfoVersion");
        Der.Element sid = info.next("signerIdentifier");
        Der.Element digestAlgorithm = info.next(Der.SEQUENCE, "digestAlgorithm");
        if (info.peekTag() != 0xa0) {
            return bad(T.text("cms.noSignedAttributes"));
        }
        Der.Element attributes = info.next("signedAttributes");
        Der.Element signatureAlgorithm = info.next(Der.SEQUENCE, "signatureAlgorithm");
        Der.Element value = info.next(Der.OCTET_STRING, "signatureValue");
        Der.Element unsigned = info.peekTag() == 0xa1 ? info.next("unsignedAttributes") : null;
        info.end("signerInfo");
        if (!Der.headerIsMinimal(buf, attributes) || !Der.isDer(buf, attributes.contents(), attributes.end())) {
            return encoding(T.text("cms.attributesNotDer")); // the normalizing path re-encodes them
        }
        ParsedCertificates.Entry signer = signerCertificate(buf, sid, certificates);
        if (signer == null) {
            return bad(T.text("cms.noSignerCertificate"));
        }
        Der.Element contentType = null;
        Der.Element messageDigest = null;
        Der.Element time = null;
        Der.Element protection = null;
        Der.Element essV2 = null;
        Der.Element essV1 = null;
        Der attrs = attributes.open(buf);
        while (attrs.hasMore()) {
            Der attribute = attrs.next(Der.SEQUENCE, "signedAttribute").open(buf);
            Der.Element type = attribute.next(Der.OID, "signedAttributeType");
            Der values = attribute.next(Der.SET, "signedAttributeValues").open(buf);
            attribute.end("signedAttribute");
            Der.Element v = values.next("signedAttributeValue");
            boolean single = !values.hasMore();
            String name;
            if (Der.contentsEqual(buf, type, CONTENT_TYPE)) {
                name = contentType == null ? "content-type" : null;
                contentType = v;
            } else if (Der.contentsEqual(buf, type, MESSAGE_DIGEST)) {
                name = messageDigest == null ? "message-digest" : null;
                messageDigest = v;
            } else if (Der.contentsEqual(buf, type, SIGNING_TIME)) {
                name = time == null ? "signing-time" : null;
                time = v;
            } else if (Der.contentsEqual(buf, type, SIGNING_CERTIFICATE_V2)) {
                name = essV2 == null ? "signing-certificate-v2" : null;
                essV2 = v;
            } else if (Der.contentsEqual(buf, type, SIGNING_CERTIFICATE)) {
                name = essV1 == null ? "signing-certificate" : null;
                essV1 = v;
            } else if (Der.contentsEqual(buf, type, ALGORITHM_PROTECTION)) {
                name = protection == null ? "CMSAlgorithmProtection" : null;
                protection = v;
            } else if (Der.contentsEqual(buf, type, COUNTER_SIGNATURE)) {
                return bad(T.text("cms.counterSignature"));
            } else {
                continue;
            }
            if (name == null) {
                return bad(T.text("cms.attributeTwice"));
            }
            if (!single) {
                return bad(T.text("cms.attributeValues", name));
            }
        }
        if (contentType == null) {
            return bad(T.text("cms.lacks.cades", "content-type"));
        }
        if (messageDigest == null) {
            return bad(T.text("cms.lacks.cades", "message-digest"));
        }
        if (time == null && claimedTime == null && rules.timeRequired()) {
            return bad(T.text("cms.lacks.signingTime"));
        }
        if (essV2 == null && essV1 == null && rules.essRequired()) {
            return bad(T.text("cms.lacks.signingCertificate"));
        }
        if (contentType.tag() != Der.OID || !Der.contentsEqual(buf, contentType, DATA)) {
            return bad(T.text("cms.contentType"));
        }
        if (messageDigest.tag() != Der.OCTET_STRING) {
            return bad(T.text("cms.messageDigest"));
        }
        if (protection != null && !AlgorithmProtection.matches(buf, protection, digestAlgorithm, signatureAlgorithm)) {
            return bad(T.text("cms.algorithmProtection"));
        }
        Instant signingTime = time == null ? claimedTime : Der.time(buf, time);
        List<X509Certificate> bundled = new ArrayList<>(certificates.size());
        for (ParsedCertificates.Entry e : certificates) {
            bundled.add(e.certificate);
        }
        Parts parts = new Parts(buf, payload, signer, digestAlgorithm, attributes, signatureAlgorithm, value,
                messageDigest, essV2, essV1, unsigned);
        return new CmsEvidence(null, parts, List.copyOf(bundled), signingTime);
    }

    /** The one bundled certificate the signer identifier names, or null. */
    private static ParsedCertificates.Entry signerCertificate(byte[] buf, Der.Element sid,
                                                             List<ParsedCertificates.Entry> certificates)
            throws Der.Malformed {
        ParsedCertificates.Entry found = null;
        if (sid.tag() == Der.SEQUENCE) {
            Der d = sid.open(buf);
            Der.Element issuer = d.next(Der.SEQUENCE, "signerIssuerName");
            Der.Element serial = d.next(Der.INTEGER, "signerSerialNumber");
            d.end("signerIdentifier");
            for (ParsedCertificates.Entry e : certificates) {
                if (e.isNamedBy(buf, issuer, serial)) {
                    if (found != null && found != e) {
                        return null;
                    }
                    found = e;
                }
            }
        } else if (sid.tag() == 0x80) {
            for (ParsedCertificates.Entry e : certificates) {
                if (e.subjectKeyId != null && Der.contentsEqual(buf, sid, e.subjectKeyId)) {
                    if (found != null && found != e) {
                        return null;
                    }
                    found = e;
                }
            }
        } else {
            throw new Der.Malformed(T.text("cms.signerIdentifier"));
        }
        return found;
    }

    /**
     * The length the outer DER element's header announces (header included), or -1 when the header
     * is not that of a definite-length SEQUENCE. The CMS parser would ignore bytes after the element.
     */
    static long derLength(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return -1;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2L + first;
        }
        int n = first & 0x7f;
        if (n == 0 || n > 4 || der.length < 2 + n) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < n; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        return 2L + n + length;
    }

    /**
     * The signature.value check ({@link SignatureValue}): the digest of the content against the message-digest
     * attribute, the signature over the signed attributes with the signer's key, the ESS signing-certificate hash.
     */
    Check verifyValue() {
        return SignatureValue.check(this);
    }
}
