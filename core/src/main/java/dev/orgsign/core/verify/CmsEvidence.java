package dev.orgsign.core.verify;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A detached CMS SignedData (RFC 5652) read for verification: its one signer, the signer's
 * certificate, the bundled certificates and the signed attributes. The structure is taken apart
 * where it lies in the received bytes ({@link Der}); certificates are parsed once per DER
 * ({@link ParsedCertificates}). The signature is verified over the signed attributes exactly as
 * received, re-tagged as the SET OF that RFC 5652 §5.4 says is signed; since what is signed is
 * their DER encoding, signed attributes that are not DER are refused. Reading never throws; what
 * is wrong is kept as a sentence for the {@code signature.cms} check.
 */
final class CmsEvidence {
    /** Larger signatures are refused before parsing: a registration signature with its chain is a few KB. */
    static final int MAX_BYTES = 256 * 1024;

    private static final byte[] SIGNED_DATA = contents(CMSObjectIdentifiers.signedData);
    private static final byte[] DATA = contents(CMSObjectIdentifiers.data);
    private static final byte[] CONTENT_TYPE = contents(CMSAttributes.contentType);
    private static final byte[] MESSAGE_DIGEST = contents(CMSAttributes.messageDigest);
    private static final byte[] SIGNING_TIME = contents(CMSAttributes.signingTime);
    private static final byte[] COUNTER_SIGNATURE = contents(CMSAttributes.counterSignature);
    private static final byte[] ALGORITHM_PROTECTION = contents(CMSAttributes.cmsAlgorithmProtect);
    private static final byte[] SIGNING_CERTIFICATE = contents(PKCSObjectIdentifiers.id_aa_signingCertificate);
    private static final byte[] SIGNING_CERTIFICATE_V2 = contents(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
    private static final byte[] SET_TAG = {Der.SET};

    final String problem;
    final X509Certificate certificate;
    final List<X509Certificate> bundled;
    final Instant signingTime;
    private final Parts parts;
    /** The SHA-256 of the payload when {@link #verifyValue} computed it (the signer's digest), else null. */
    byte[] payloadSha256;

    /** Where the parts the signature check needs lie in the received bytes. */
    private record Parts(byte[] buf, byte[] payload, ParsedCertificates.Entry signer, Der.Element digestAlgorithm,
                         Der.Element signedAttributes, Der.Element signatureAlgorithm, Der.Element signatureValue,
                         Der.Element messageDigest, Der.Element essV2, Der.Element essV1) {
    }

    private CmsEvidence(String problem, Parts parts, List<X509Certificate> bundled, Instant signingTime) {
        this.problem = problem;
        this.parts = parts;
        this.certificate = parts == null ? null : parts.signer().certificate;
        this.bundled = bundled;
        this.signingTime = signingTime;
    }

    private static CmsEvidence bad(String problem) {
        return new CmsEvidence(problem, null, List.of(), null);
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
        if (signature == null || signature.length == 0) {
            return bad("The signature is empty.");
        }
        if (signature.length > MAX_BYTES) {
            return bad("The signature is " + signature.length + " bytes; a registration signature is at most " + MAX_BYTES + ".");
        }
        if (derLength(signature) != signature.length) {
            return bad("The signature is not one well-formed ASN.1 structure (it is truncated, padded or not CMS at all).");
        }
        try {
            return parse(signature, payload, claimedTime);
        } catch (Der.Malformed e) {
            return bad(e.getMessage());
        } catch (CertificateException e) {
            return bad(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return bad("The signature is not a readable CMS SignedData (" + e.getClass().getSimpleName() + ").");
        }
    }

    private static CmsEvidence parse(byte[] buf, byte[] payload, Instant claimedTime)
            throws Der.Malformed, CertificateException {
        Der contentInfo = new Der(buf, 0, buf.length).next(Der.SEQUENCE, "ContentInfo").open(buf);
        if (!Der.contentsEqual(buf, contentInfo.next(Der.OID, "content type"), SIGNED_DATA)) {
            return bad("The signature is a CMS structure but not a SignedData.");
        }
        Der wrapper = contentInfo.next(0xa0, "SignedData").open(buf);
        contentInfo.end("ContentInfo");
        Der signedData = wrapper.next(Der.SEQUENCE, "SignedData").open(buf);
        wrapper.end("SignedData");
        signedData.next(Der.INTEGER, "SignedData version");
        signedData.next(Der.SET, "digest algorithms");
        Der encapsulated = signedData.next(Der.SEQUENCE, "encapsulated content info").open(buf);
        boolean data = Der.contentsEqual(buf, encapsulated.next(Der.OID, "encapsulated content type"), DATA);
        if (encapsulated.hasMore()) {
            return bad("The signature embeds its content; a registration signature is detached (the content travels beside it).");
        }
        if (!data) {
            return bad("The signed content is not of the type id-data.");
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
            signedData.next("revocation information");
        }
        Der signerInfos = signedData.next(Der.SET, "signer infos").open(buf);
        signedData.end("SignedData");
        int signers = 0;
        Der.Element signerInfo = null;
        while (signerInfos.hasMore()) {
            signerInfo = signerInfos.next("signer info");
            signers++;
        }
        if (signers != 1) {
            return bad("The CMS SignedData has " + signers + " signers; a registration has exactly one.");
        }
        if (signerInfo.tag() != Der.SEQUENCE) {
            return bad("The signature's signer info is not where CMS puts it.");
        }
        return signer(buf, payload, claimedTime, signerInfo.open(buf), certificates);
    }

    private static CmsEvidence signer(byte[] buf, byte[] payload, Instant claimedTime, Der info,
                                      List<ParsedCertificates.Entry> certificates) throws Der.Malformed {
        info.next(Der.INTEGER, "signer info version");
        Der.Element sid = info.next("signer identifier");
        Der.Element digestAlgorithm = info.next(Der.SEQUENCE, "digest algorithm");
        if (info.peekTag() != 0xa0) {
            return bad("The signature has no signed attributes, so it is not CAdES-BES.");
        }
        Der.Element attributes = info.next("signed attributes");
        Der.Element signatureAlgorithm = info.next(Der.SEQUENCE, "signature algorithm");
        Der.Element value = info.next(Der.OCTET_STRING, "signature value");
        if (info.peekTag() == 0xa1) {
            info.next("unsigned attributes");
        }
        info.end("signer info");
        if (!Der.headerIsMinimal(buf, attributes) || !Der.isDer(buf, attributes.contents(), attributes.end())) {
            return bad("The signed attributes are not DER-encoded; what is signed is their DER encoding (RFC 5652), "
                    + "so the signature is refused.");
        }
        ParsedCertificates.Entry signer = signerCertificate(buf, sid, certificates);
        if (signer == null) {
            return bad("The signature does not include the signer's certificate.");
        }
        Der.Element contentType = null;
        Der.Element messageDigest = null;
        Der.Element time = null;
        Der.Element protection = null;
        Der.Element essV2 = null;
        Der.Element essV1 = null;
        Der attrs = attributes.open(buf);
        while (attrs.hasMore()) {
            Der attribute = attrs.next(Der.SEQUENCE, "signed attribute").open(buf);
            Der.Element type = attribute.next(Der.OID, "signed attribute type");
            Der values = attribute.next(Der.SET, "signed attribute values").open(buf);
            attribute.end("signed attribute");
            Der.Element v = values.next("signed attribute value");
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
                name = protection == null ? "CMS algorithm protection" : null;
                protection = v;
            } else if (Der.contentsEqual(buf, type, COUNTER_SIGNATURE)) {
                return bad("The signed attributes contain a counter-signature, which may only be an unsigned attribute.");
            } else {
                continue;
            }
            if (name == null) {
                return bad("A signed attribute appears twice; CMS allows each of content-type, message-digest, "
                        + "signing-time and signing-certificate once.");
            }
            if (!single) {
                return bad("The " + name + " signed attribute has more than one value.");
            }
        }
        if (contentType == null) {
            return bad("The signature lacks the content-type signed attribute that CAdES requires.");
        }
        if (messageDigest == null) {
            return bad("The signature lacks the message-digest signed attribute that CAdES requires.");
        }
        if (time == null && claimedTime == null) {
            return bad("The signature lacks the signing-time signed attribute that CAdES-BES requires.");
        }
        if (essV2 == null && essV1 == null) {
            return bad("The signature lacks the signing-certificate attribute that CAdES-BES requires.");
        }
        if (contentType.tag() != Der.OID || !Der.contentsEqual(buf, contentType, DATA)) {
            return bad("The content-type signed attribute does not name id-data, the type of the signed content.");
        }
        if (messageDigest.tag() != Der.OCTET_STRING) {
            return bad("The message-digest signed attribute is not an OCTET STRING.");
        }
        if (protection != null && !AlgorithmProtection.matches(buf, protection, digestAlgorithm, signatureAlgorithm)) {
            return bad("The CMS algorithm protection attribute names other algorithms than the signer info.");
        }
        Instant signingTime = time == null ? claimedTime : Der.time(buf, time);
        List<X509Certificate> bundled = new ArrayList<>(certificates.size());
        for (ParsedCertificates.Entry e : certificates) {
            bundled.add(e.certificate);
        }
        Parts parts = new Parts(buf, payload, signer, digestAlgorithm, attributes, signatureAlgorithm, value,
                messageDigest, essV2, essV1);
        return new CmsEvidence(null, parts, List.copyOf(bundled), signingTime);
    }

    /** The one bundled certificate the signer identifier names, or null. */
    private static ParsedCertificates.Entry signerCertificate(byte[] buf, Der.Element sid,
                                                             List<ParsedCertificates.Entry> certificates)
            throws Der.Malformed {
        ParsedCertificates.Entry found = null;
        if (sid.tag() == Der.SEQUENCE) {
            Der d = sid.open(buf);
            Der.Element issuer = d.next(Der.SEQUENCE, "signer's issuer name");
            Der.Element serial = d.next(Der.INTEGER, "signer's serial number");
            d.end("signer identifier");
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
            throw new Der.Malformed("The signature's signer identifier is neither an issuer and serial number nor a key identifier.");
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
     * The signature.value check: the digest of the payload against the message-digest attribute, the
     * signature over the signed attributes with the signer's key, the ESS signing-certificate hash.
     */
    Check verifyValue() {
        Parts p = parts;
        byte[] buf = p.buf();
        if (p.signer().publicKey == null) {
            return SignatureVerifier.fail("signature.value", "The signer's key algorithm is not supported.");
        }
        SignerAlgorithm algorithm = SignerAlgorithm.of(buf, p.digestAlgorithm(), p.signatureAlgorithm(), p.signer());
        if (algorithm.problem != null) {
            return SignatureVerifier.fail("signature.value", algorithm.problem);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm.digest, algorithm.digestProvider).digest(p.payload());
            if ("SHA-256".equals(algorithm.digest)) {
                payloadSha256 = digest;
            }
            if (!Der.contentsEqual(buf, p.messageDigest(), digest)) {
                return SignatureVerifier.fail("signature.value", "The payload differs from what was signed (its digest does not match).");
            }
            Signature s = algorithm.verifier(p.signer().publicKey);
            Der.Element attributes = p.signedAttributes();
            s.update(SET_TAG);
            s.update(buf, attributes.start() + 1, attributes.end() - attributes.start() - 1);
            boolean ok;
            try {
                ok = s.verify(buf, p.signatureValue().contents(), p.signatureValue().length());
            } catch (SignatureException e) {
                ok = false; // a malformed signature value
            }
            if (!ok) {
                return SignatureVerifier.fail("signature.value", "The signature value does not verify with the signer's certificate.");
            }
        } catch (GeneralSecurityException e) {
            return SignatureVerifier.fail("signature.value", "The signature value cannot be verified: " + e.getMessage());
        }
        String ess = essMismatch(p);
        return ess == null ? p.signer().signaturePassed : SignatureVerifier.fail("signature.value", ess);
    }

    /** Null when the ESS signing-certificate attribute names the signer's certificate, else why not. */
    private static String essMismatch(Parts p) {
        byte[] buf = p.buf();
        try {
            Der.Element id;
            Der.Element algorithm = null;
            String defaultDigest;
            Der.Element value = p.essV2() != null ? p.essV2() : p.essV1();
            if (value.tag() != Der.SEQUENCE) {
                return "The signing-certificate attribute cannot be read: it is not a SEQUENCE.";
            }
            if (p.essV2() != null) {
                id = p.essV2().open(buf).next(Der.SEQUENCE, "signing certificates").open(buf).next(Der.SEQUENCE, "ESS certificate id");
                Der d = id.open(buf);
                if (d.peekTag() == Der.SEQUENCE) {
                    algorithm = d.next("ESS hash algorithm");
                }
                id = d.next(Der.OCTET_STRING, "ESS certificate hash");
                defaultDigest = "SHA-256";
            } else {
                id = p.essV1().open(buf).next(Der.SEQUENCE, "signing certificates").open(buf).next(Der.SEQUENCE, "ESS certificate id")
                        .open(buf).next(Der.OCTET_STRING, "ESS certificate hash");
                defaultDigest = "SHA-1";
            }
            byte[] hash = p.signer().hash(buf, algorithm, defaultDigest);
            return Der.contentsEqual(buf, id, hash) ? null
                    : "The signing-certificate attribute names another certificate than the one that signed.";
        } catch (Der.Malformed | GeneralSecurityException | RuntimeException e) {
            return "The signing-certificate attribute cannot be read: " + e.getMessage();
        }
    }
}
