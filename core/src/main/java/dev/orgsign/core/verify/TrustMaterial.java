package dev.orgsign.core.verify;

import static dev.orgsign.core.verify.Sentences.T;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.trust.TrustList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The trust anchors (the accredited root CAs), the CRLs and further CA certificates a verifier
 * uses, read once from PEM, DER or base64 files or folders of them, and the ministry's list of
 * accredited certification centres when one is given. The further CA certificates ({@code --ca})
 * are not trusted by themselves: they only supply a chain's missing links, which must still lead
 * to an anchor. The list's roots are anchors, its other CA certificates complete chains, and with a
 * list {@code certificate.qualified} also asks whether the issuing centre was accredited when the
 * certificate was used.
 *
 * @param anchors       the trusted root certificates (the list's roots among them)
 * @param crls          the CRLs known offline
 * @param intermediates CA certificates that may complete a chain (not trusted)
 * @param trustList     the list of accredited certification centres, or null
 */
public record TrustMaterial(List<X509Certificate> anchors, List<X509CRL> crls, List<X509Certificate> intermediates,
                            TrustList trustList) {
    /**
     * Copies the lists.
     *
     * @param anchors       the trusted root certificates
     * @param crls          the CRLs known offline
     * @param intermediates CA certificates that may complete a chain
     * @param trustList     the list of accredited certification centres, or null
     */
    public TrustMaterial {
        anchors = List.copyOf(anchors);
        crls = List.copyOf(crls);
        intermediates = List.copyOf(intermediates);
    }

    /**
     * Trust anchors, CRLs and CA certificates that complete chains; no list of accredited centres.
     *
     * @param anchors       the trusted root certificates
     * @param crls          the CRLs known offline
     * @param intermediates CA certificates that may complete a chain
     */
    public TrustMaterial(List<X509Certificate> anchors, List<X509CRL> crls, List<X509Certificate> intermediates) {
        this(anchors, crls, intermediates, null);
    }

    /**
     * This material with the list of accredited certification centres: its roots join the anchors.
     *
     * @param list the list
     * @return the material with the list
     */
    public TrustMaterial withTrustList(TrustList list) {
        List<X509Certificate> all = new ArrayList<>(anchors);
        for (X509Certificate root : list.roots()) {
            if (!all.contains(root)) {
                all.add(root);
            }
        }
        return new TrustMaterial(all, crls, intermediates, list);
    }

    /**
     * Reads the list of accredited certification centres, its signature checked against the certificate in
     * {@code signerFile} ({@code --trust-list FILE --trust-list-signer FILE}).
     *
     * @param listFile   the list
     * @param signerFile a file holding the one certificate of the list's signer, or null for a list without a signature
     * @return the list
     * @throws OrgsignException when a file cannot be read, the signer's file holds other than one certificate, or the
     *                          list is refused ({@link TrustList#load})
     */
    public static TrustList trustList(Path listFile, Path signerFile) throws OrgsignException {
        X509Certificate signer = null;
        if (signerFile != null) {
            List<X509Certificate> named = certificates(signerFile);
            if (named.size() != 1) {
                throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trustList.signerFile", signerFile, named.size()));
            }
            signer = named.get(0);
        }
        return TrustList.load(listFile, signer);
    }

    /**
     * Reads trust anchors and CRLs from files or folders, and the list of accredited certification centres.
     *
     * @param trust     a certificate file or folder of anchors, or null when the list's roots are the anchors
     * @param crls      CRL files or folders
     * @param trustList the list of accredited certification centres, or null
     * @return the trust material
     * @throws OrgsignException when a path cannot be read or holds no certificate / CRL, or when neither {@code trust}
     *                          nor the list gives an anchor
     */
    public static TrustMaterial load(Path trust, List<Path> crls, TrustList trustList) throws OrgsignException {
        if (trust != null) {
            TrustMaterial m = load(trust, crls);
            return trustList == null ? m : m.withTrustList(trustList);
        }
        if (trustList == null) {
            throw new OrgsignException(ErrorCode.USAGE, T.text("trust.none"));
        }
        if (trustList.roots().isEmpty()) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trustList.noRoot", trustList.source()));
        }
        return new TrustMaterial(List.of(), readCrls(crls), List.of()).withTrustList(trustList);
    }

    /**
     * Trust anchors and CRLs, no further CA certificates.
     *
     * @param anchors the trusted root certificates
     * @param crls    the CRLs known offline
     */
    public TrustMaterial(List<X509Certificate> anchors, List<X509CRL> crls) {
        this(anchors, crls, List.of());
    }

    /**
     * This material with CA certificates read from files or folders ({@code --ca}) to complete chains.
     *
     * @param caFiles certificate files or folders (PEM, DER, base64, PKCS#7)
     * @return the material with those certificates added as intermediates
     * @throws OrgsignException when a path does not exist or holds no certificate
     */
    public TrustMaterial withIntermediates(List<Path> caFiles) throws OrgsignException {
        List<X509Certificate> all = new ArrayList<>(intermediates);
        for (Path p : caFiles) {
            for (Path f : files(p, "CA certificates")) {
                all.addAll(certificates(f));
            }
        }
        return new TrustMaterial(anchors, crls, all, trustList);
    }

    /**
     * Reads trust anchors and CRLs from files or folders.
     *
     * @param trust a certificate file or a folder of them (PEM, DER or base64; a PEM file may hold several)
     * @param crls  CRL files (PEM or DER), or folders of them
     * @return the trust material
     * @throws OrgsignException when a path does not exist, a file cannot be read or holds no certificate / CRL
     */
    public static TrustMaterial load(Path trust, List<Path> crls) throws OrgsignException {
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path f : files(trust, "anchors")) {
            for (Object c : parse(f, false)) {
                anchors.add((X509Certificate) c);
            }
        }
        if (anchors.isEmpty()) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text("trust.noAnchor", trust));
        }
        return new TrustMaterial(anchors, readCrls(crls));
    }

    private static List<X509CRL> readCrls(List<Path> crls) throws OrgsignException {
        List<X509CRL> list = new ArrayList<>();
        for (Path p : crls) {
            for (Path f : files(p, "crls")) {
                for (Object c : parse(f, true)) {
                    list.add((X509CRL) c);
                }
            }
        }
        return list;
    }

    /** @param what {@code anchors} or {@code crls}, the end of the sentences' keys */
    private static List<Path> files(Path p, String what) throws OrgsignException {
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p, 2)) {
                return s.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new OrgsignException(ErrorCode.IO, T.text("trust.folder." + what, p), e);
            }
        }
        throw new OrgsignException(ErrorCode.IO, T.text("trust.missing." + what, p));
    }

    /**
     * The certificates in a file: DER, PEM (one or several), PKCS#7 certificates-only, or bare base64 of any of them.
     *
     * @param file the file
     * @return its certificates, at least one
     * @throws OrgsignException IO when the file cannot be read, INVALID_INPUT when it holds no certificate
     */
    public static List<X509Certificate> certificates(Path file) throws OrgsignException {
        List<X509Certificate> out = new ArrayList<>();
        for (Object c : parse(file, false)) {
            out.add((X509Certificate) c);
        }
        return List.copyOf(out);
    }

    private static Collection<?> parse(Path f, boolean crl) throws OrgsignException {
        try {
            byte[] bytes = Files.readAllBytes(f);
            Base64Text.Decoded text = Base64Text.decode(bytes);
            if (text != null && text.label() == null) {
                bytes = text.bytes(); // bare base64; PEM is read as it is
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509", Providers.bouncyCastle());
            Collection<?> out = crl ? cf.generateCRLs(new ByteArrayInputStream(bytes))
                    : cf.generateCertificates(new ByteArrayInputStream(bytes));
            if (out.isEmpty()) {
                throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text(crl ? "trust.noCrl" : "trust.noCertificate", f));
            }
            return out;
        } catch (IOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("trust.unreadable", f), e);
        } catch (CertificateException | java.security.cert.CRLException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.INVALID_INPUT, T.text(crl ? "trust.notCrl" : "trust.notCertificate", f), e);
        }
    }

}
