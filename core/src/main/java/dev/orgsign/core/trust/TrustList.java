package dev.orgsign.core.trust;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.crypto.Providers;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;

import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Ministry of Digital Development's list of accredited certification centres (TSL), read once:
 * every centre with its accreditation history, and every CA certificate it gives, indexed by subject
 * key identifier and by name. The list's self-signed certificates (the ministry's roots) are trust
 * anchors; the others complete chains and tell which centre issued a certificate. When the list
 * carries an enveloped XML signature it is checked against the certificate the operator names, and a
 * list whose signature fails is refused. Immutable and thread-safe once loaded.
 */
public final class TrustList {
    private static final Texts T = Texts.of(OrgsignException.class);
    /** Larger files are refused before reading (the published list is about 12 MB). */
    public static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final int MAX_CACHED = 4096;

    private final String source;
    private final Long version;
    private final Instant date;
    private final List<AccreditedCentre> centres;
    private final List<ListedCertificate> certificates;
    private final List<X509Certificate> roots;
    private final Map<String, List<ListedCertificate>> bySki = new HashMap<>();
    /** Made on first use: most verifications find the issuer by key identifier, and names cost to compare. */
    private volatile Map<X500Principal, List<ListedCertificate>> byName;
    private final String signatureMethod;
    private final String signer;
    private final int unreadable;
    private final dev.orgsign.core.Recurring<X509Certificate, Optional<ListedCertificate>> issuers =
            new dev.orgsign.core.Recurring<>(MAX_CACHED, cert -> Optional.ofNullable(findIssuer(cert)));

    private TrustList(String source, TrustListReader.Content content, String signatureMethod, String signer) {
        this.source = source;
        this.version = content.version();
        this.date = content.date();
        this.signatureMethod = signatureMethod;
        this.signer = signer;
        int unreadableNow = content.unreadable();
        List<AccreditedCentre> cs = new ArrayList<>();
        List<ListedCertificate> all = new ArrayList<>();
        List<X509Certificate> selfSigned = new ArrayList<>();
        for (TrustListReader.Entry e : content.entries()) {
            cs.add(e.centre());
            for (TrustListReader.Key k : e.keys()) {
                for (byte[] der : k.certificates()) {
                    ListedCertificate listed = ListedCertificate.read(der, e.centre(), k.crlAddresses());
                    if (listed == null) {
                        unreadableNow++;
                        continue;
                    }
                    all.add(listed);
                    String ski = listed.subjectKeyId();
                    if (ski == null && k.keyId() != null) {
                        ski = k.keyId().replaceAll("[^0-9A-Fa-f]", "").toLowerCase(java.util.Locale.ROOT);
                    }
                    if (ski != null) {
                        bySki.computeIfAbsent(ski, x -> new ArrayList<>(1)).add(listed);
                    }
                    if (listed.selfIssued()) { // only these are made into certificate objects now, to check their signature
                        X509Certificate c = listed.certificate();
                        if (c != null && verifies(c, c) && !selfSigned.contains(c)) {
                            selfSigned.add(c);
                        }
                    }
                }
            }
        }
        this.unreadable = unreadableNow;
        this.centres = List.copyOf(cs);
        this.certificates = List.copyOf(all);
        this.roots = List.copyOf(selfSigned);
    }

    /**
     * Reads a list from a file.
     *
     * @param file   the list (XML, root {@code АккредитованныеУдостоверяющиеЦентры})
     * @param signer the certificate the operator names as the list's signer, or null for a list that carries no signature
     * @return the list
     * @throws OrgsignException IO when the file cannot be read; INVALID_INPUT when it is too large, not well-formed, has
     *                          a DOCTYPE, is not such a list or holds no centre; INVALID_SIGNATURE when it is signed and
     *                          no signer was named, or its signature fails with the named signer's certificate
     */
    public static TrustList load(Path file, X509Certificate signer) throws OrgsignException {
        byte[] xml;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trustList.tooLarge", file,
                        MAX_BYTES / (1024 * 1024)));
            }
            xml = Files.readAllBytes(file); // once: the signature is checked over the very bytes that are indexed
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("trustList.unreadable", file), e);
        }
        return read(xml, file.toString(), signer);
    }

    /**
     * Reads a list from its bytes.
     *
     * @param xml    the list
     * @param name   what to call it in sentences (its file name)
     * @param signer the certificate the operator names as the list's signer, or null for a list that carries no signature
     * @return the list
     * @throws OrgsignException as {@link #load(Path, X509Certificate)}
     */
    public static TrustList read(byte[] xml, String name, X509Certificate signer) throws OrgsignException {
        // One parse: the list's reader hands every event to the signature's reading (canonical form and digest).
        TrustListReader.Content content;
        String method = null;
        if (signer != null) {
            try (ListSignature.UsualReading usual = new ListSignature.UsualReading()) {
                content = TrustListReader.read(xml, name, usual.reading);
                method = ListSignature.verify(xml, usual, signer, name);
            }
        } else {
            content = TrustListReader.read(xml, name);
        }
        if (signer == null && content.signatures() > 0) {
            throw new OrgsignException(ErrorCode.INVALID_SIGNATURE, T.text("trustList.signerNeeded", name));
        }
        if (content.entries().isEmpty()) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trustList.empty", name));
        }
        return new TrustList(name, content, method, signer == null ? null : signerName(signer));
    }

    /** {@return where the list was read from} */
    public String source() {
        return source;
    }

    /** {@return the list's version ({@code Версия}), or null when it gives none} */
    public Long version() {
        return version;
    }

    /** {@return the list's date ({@code Дата}), or null when it gives none} */
    public Instant date() {
        return date;
    }

    /** {@return every centre, in the list's order} */
    public List<AccreditedCentre> centres() {
        return centres;
    }

    /**
     * How many centres were accredited at a moment.
     *
     * @param at the moment (now, for an operator's overview)
     * @return the number of centres whose status then was {@value AccreditationStatus#ACTIVE}
     */
    public int accreditedAt(Instant at) {
        int n = 0;
        for (AccreditedCentre c : centres) {
            n += c.accreditedAt(at) ? 1 : 0;
        }
        return n;
    }

    /** {@return every CA certificate the list gives, with its centre and CRL addresses} */
    public List<ListedCertificate> certificates() {
        return certificates;
    }

    /** {@return the list's self-signed certificates: the ministry's roots, which are trust anchors} */
    public List<X509Certificate> roots() {
        return roots;
    }

    /** {@return the signature method URI of the list's verified signature, or null for a list taken unsigned} */
    public String signatureMethod() {
        return signatureMethod;
    }

    /** {@return the readable name of the certificate the list's signature was verified with, or null} */
    public String signer() {
        return signer;
    }

    /** {@return how many certificates in the list could not be read (they are left out)} */
    public int unreadableCertificates() {
        return unreadable;
    }

    /**
     * The list's CA certificates with a given subject name.
     *
     * @param subject the name
     * @return those certificates, possibly none
     */
    public List<X509Certificate> withSubject(X500Principal subject) {
        List<ListedCertificate> found = byName().get(subject);
        return found == null ? List.of()
                : found.stream().map(ListedCertificate::certificate).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The listed CA certificate that issued {@code cert}: found by its authority key identifier, else by
     * its issuer's name, and taken only when its key verifies {@code cert}'s signature. Decided once per
     * certificate.
     *
     * @param cert a certificate (a signer's)
     * @return the issuer as the list gives it, or empty when the list does not hold it
     */
    public Optional<ListedCertificate> issuerOf(X509Certificate cert) {
        return issuers.get(cert);
    }

    /**
     * The CRL addresses the list gives for a CA certificate's key.
     *
     * @param ca a CA certificate
     * @return its CRL addresses (http or https), possibly none
     */
    public List<URI> crlAddresses(X509Certificate ca) {
        byte[] ski = keyId(ca, Extension.subjectKeyIdentifier);
        ListedCertificate found = ski == null ? null : same(ca, bySki.get(HexFormat.of().formatHex(ski)));
        if (found == null) {
            found = same(ca, byName().get(ca.getSubjectX500Principal())); // the name index only when needed
        }
        return found == null ? List.of() : found.crlAddresses();
    }

    private static ListedCertificate same(X509Certificate ca, List<ListedCertificate> candidates) {
        if (candidates != null) {
            for (ListedCertificate l : candidates) {
                if (ca.equals(l.certificate())) {
                    return l;
                }
            }
        }
        return null;
    }

    /**
     * Whether the centre that issued {@code cert} was accredited at {@code at} and when it issued the certificate.
     *
     * @param cert       the signer's certificate
     * @param issuerName the readable name of its issuer, for the sentence when the list does not hold it
     * @param at         the time that counts: a verified timestamp's, else the signing time
     * @return the judgement with its sentence
     */
    public Accreditation accreditation(X509Certificate cert, String issuerName, Instant at) {
        AccreditedCentre centre = issuerOf(cert).map(ListedCertificate::centre).orElse(null);
        return Accreditation.of(centre, issuerName, at, cert.getNotBefore().toInstant());
    }

    /**
     * As {@link #accreditation(X509Certificate, String, Instant)}, the issuer named by its common name.
     *
     * @param cert the signer's certificate
     * @param at   the time that counts
     * @return the judgement with its sentence
     */
    public Accreditation accreditation(X509Certificate cert, Instant at) {
        return accreditation(cert, commonName(cert.getIssuerX500Principal()), at);
    }

    private ListedCertificate findIssuer(X509Certificate cert) {
        byte[] aki = authorityKeyId(cert);
        List<ListedCertificate> candidates = aki == null ? null : bySki.get(HexFormat.of().formatHex(aki));
        ListedCertificate found = verifying(cert, candidates);
        return found != null ? found : verifying(cert, byName().get(cert.getIssuerX500Principal()));
    }

    private static ListedCertificate verifying(X509Certificate cert, List<ListedCertificate> candidates) {
        if (candidates == null) {
            return null;
        }
        for (ListedCertificate c : candidates) {
            X509Certificate ca = c.certificate();
            if (ca != null && ca.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && !ca.equals(cert)
                    && verifies(cert, ca)) {
                return c;
            }
        }
        return null;
    }

    private Map<X500Principal, List<ListedCertificate>> byName() {
        Map<X500Principal, List<ListedCertificate>> names = byName;
        if (names == null) {
            names = new HashMap<>();
            for (ListedCertificate l : certificates) {
                if (l.subject() != null) {
                    names.computeIfAbsent(l.subject(), x -> new ArrayList<>(1)).add(l);
                }
            }
            byName = names; // made twice at worst, the same each time
        }
        return names;
    }

    private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey(), Providers.bouncyCastle());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] authorityKeyId(X509Certificate c) {
        return keyId(c, Extension.authorityKeyIdentifier);
    }

    /** The key identifier of a certificate's authority or subject key identifier extension, or null. */
    private static byte[] keyId(X509Certificate c, org.bouncycastle.asn1.ASN1ObjectIdentifier extension) {
        byte[] ext = c.getExtensionValue(extension.getId());
        if (ext == null) {
            return null;
        }
        try {
            byte[] octets = ASN1OctetString.getInstance(ext).getOctets();
            return extension.equals(Extension.authorityKeyIdentifier)
                    ? AuthorityKeyIdentifier.getInstance(octets).getKeyIdentifier()
                    : org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(octets).getKeyIdentifier();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String signerName(X509Certificate c) {
        return commonName(c.getSubjectX500Principal());
    }

    private static String commonName(X500Principal p) {
        try {
            org.bouncycastle.asn1.x500.X500Name n = org.bouncycastle.asn1.x500.X500Name.getInstance(p.getEncoded());
            org.bouncycastle.asn1.x500.RDN[] cn = n.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
            return cn.length > 0 ? cn[0].getFirst().getValue().toString() : n.toString();
        } catch (RuntimeException e) {
            return p.getName();
        }
    }
}
