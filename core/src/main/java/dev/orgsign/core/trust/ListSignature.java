package dev.orgsign.core.trust;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.crypto.Providers;
import dev.orgsign.core.crypto.Streebog;
import dev.orgsign.core.xml.StreamCanonicalizer;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the enveloped XML signature (XMLDSig) of a list of accredited certification centres
 * against the certificate the operator names. Only the profile an enveloped signature of a whole
 * document has is accepted: one {@code ds:Signature}, a child of the root; one {@code Reference}
 * with {@code URI=""}; transforms no other than enveloped-signature and canonicalization (without
 * comments). The document is never built as a DOM: it is streamed ({@link EnvelopedDocument}) to find
 * the signature and, in the same pass, canonicalized into the digest in the form the published list
 * uses (exclusive canonicalization, GOST R 34.11-2012 256); a list signed in another form is streamed
 * once more. That keeps a 12 MB list's check to a fraction of a second. {@code SignedInfo} is canonicalized by Apache Santuario; digests
 * and signature values are BouncyCastle's (GOST R 34.11-2012 orgsign's own {@link Streebog}, which
 * gives the same octets faster), GOST R 34.11/34.10-2012 (the CryptoPro URIs) as well as
 * RSA and ECDSA with SHA-2. The signature value is checked with the named certificate's key, never
 * with a key the document carries (KeyInfo is ignored).
 */
final class ListSignature {
    private static final Texts T = Texts.of(OrgsignException.class);
    private static final String DSIG = TrustListReader.DSIG;
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private static final Set<String> C14N = Set.of(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS, Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS);
    private static final String CP = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:";
    private static final String MORE = "http://www.w3.org/2001/04/xmldsig-more#";
    /** XMLDSig signature method URIs and BouncyCastle's names for them (ECDSA values are r||s, as XMLDSig writes them). */
    private static final Map<String, String> SIGNATURES = Map.of(
            CP + "gostr34102012-gostr34112012-256", "GOST3411-2012-256WITHECGOST3410-2012-256",
            CP + "gostr34102012-gostr34112012-512", "GOST3411-2012-512WITHECGOST3410-2012-512",
            MORE + "gostr34102001-gostr3411", "GOST3411WITHECGOST3410",
            MORE + "rsa-sha256", "SHA256withRSA",
            MORE + "rsa-sha512", "SHA512withRSA",
            MORE + "ecdsa-sha256", "SHA256withPLAIN-ECDSA",
            MORE + "ecdsa-sha384", "SHA384withPLAIN-ECDSA",
            MORE + "ecdsa-sha512", "SHA512withPLAIN-ECDSA");
    private static final Map<String, String> DIGESTS = Map.of(
            CP + "gostr34112012-256", "GOST3411-2012-256",
            CP + "gostr34112012-512", "GOST3411-2012-512",
            MORE + "gostr3411", "GOST3411",
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            MORE + "sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    static {
        org.apache.xml.security.Init.init();
    }

    private ListSignature() {
    }

    /**
     * The reading of a list in the form the published list is signed in (exclusive canonicalization, GOST R
     * 34.11-2012 256), to be fed alongside the list's own reading so that the list is parsed once.
     */
    static final class UsualReading implements AutoCloseable {
        private final DigestPipe digest = new DigestPipe(Streebog.of256()); // the digest beside the parsing
        final EnvelopedDocument.Reading reading = new EnvelopedDocument.Reading(StreamCanonicalizer.EXCLUSIVE, null, digest);

        /** Stops the digest's thread when the reading is abandoned (idempotent, never waits). */
        @Override
        public void close() {
            digest.close();
        }
    }

    /**
     * Verifies the list's signature after the usual reading was fed the whole list.
     *
     * @param xml    the list's bytes (read once more only when it is signed in another form)
     * @param usual  the usual reading, fed
     * @param signer the certificate the operator named
     * @param name   the file's name, for sentences
     * @return the signature method's URI
     * @throws OrgsignException INVALID_SIGNATURE when the list carries no signature, one of another shape, one
     *                          that does not verify with {@code signer}'s key, or when it was changed after signing;
     *                          IO when the reading was interrupted
     */
    static String verify(byte[] xml, UsualReading usual, X509Certificate signer, String name) throws OrgsignException {
        EnvelopedDocument.Signatures found;
        try {
            found = usual.reading.finish();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw interrupted(e) ? new OrgsignException(ErrorCode.IO, T.text("trustList.interrupted", name), e)
                    : refused(name, "unreadable");
        }
        if (found.signatures() == 0) {
            throw refused(name, "noSignature");
        }
        if (found.signatures() > 1) {
            throw refused(name, "signatures", found.signatures());
        }
        Element signature = found.signature();
        if (signature == null) {
            throw refused(name, "notChild");
        }
        Element signedInfo = only(signature, "SignedInfo", name);
        Element c14n = only(signedInfo, "CanonicalizationMethod", name);
        String c14nUri = algorithm(c14n, C14N, "canonicalization", name);
        String method = only(signedInfo, "SignatureMethod", name).getAttribute("Algorithm");
        String jceSignature = SIGNATURES.get(method);
        if (jceSignature == null) {
            throw refused(name, "method", method);
        }
        Element reference = only(signedInfo, "Reference", name);
        if (!reference.hasAttribute("URI") || !reference.getAttribute("URI").isEmpty()) {
            throw refused(name, "reference", reference.getAttribute("URI"));
        }
        String documentC14n = Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS; // a node-set becomes octets by c14n (XMLDSig 4.3.3.2)
        String documentPrefixes = null;
        boolean enveloped = false;
        for (Element t : children(childOrNull(reference, "Transforms"), "Transform")) {
            String uri = t.getAttribute("Algorithm");
            if (ENVELOPED.equals(uri)) {
                enveloped = true;
            } else if (C14N.contains(uri)) {
                documentC14n = uri;
                documentPrefixes = prefixes(t);
            } else {
                throw refused(name, "transform", uri);
            }
        }
        if (!enveloped) {
            throw refused(name, "notEnveloped");
        }
        String digestUri = only(reference, "DigestMethod", name).getAttribute("Algorithm");
        String jceDigest = DIGESTS.get(digestUri);
        if (jceDigest == null) {
            throw refused(name, "digestMethod", digestUri);
        }
        byte[] expectedDigest = base64(only(reference, "DigestValue", name), name);
        byte[] value = base64(only(signature, "SignatureValue", name), name);
        try {
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            canonicalize(signedInfo, c14nUri, prefixes(c14n), info);
            Signature s = Signature.getInstance(jceSignature, Providers.bouncyCastle());
            s.initVerify(signer.getPublicKey());
            s.update(info.toByteArray());
            boolean valueOk = s.verify(value);
            byte[] digest;
            if (StreamCanonicalizer.EXCLUSIVE.equals(documentC14n) && (documentPrefixes == null || documentPrefixes.isBlank())
                    && "GOST3411-2012-256".equals(jceDigest)) {
                digest = usual.digest.digest(); // the reading was finished above: every octet is in
            } else { // another form than the usual: read once more
                MessageDigest md = Streebog.forName(jceDigest);
                if (md == null) {
                    md = MessageDigest.getInstance(jceDigest, Providers.bouncyCastle());
                }
                EnvelopedDocument.read(xml, documentC14n, documentPrefixes, new DigestOutputStream(OutputStream.nullOutputStream(), md));
                digest = md.digest();
            }
            if (!MessageDigest.isEqual(digest, expectedDigest)) {
                throw refused(name, "changed");
            }
            if (!valueOk) {
                throw refused(name, "invalid");
            }
            return method;
        } catch (OrgsignException e) {
            throw e;
        } catch (javax.xml.stream.XMLStreamException e) {
            throw refused(name, "unreadable");
        } catch (java.io.InterruptedIOException e) {
            throw new OrgsignException(ErrorCode.IO, T.text("trustList.interrupted", name), e);
        } catch (java.security.InvalidKeyException e) {
            throw refused(name, "keyKind", method);
        } catch (Exception e) {
            throw refused(name, "error", e.getClass().getSimpleName());
        }
    }

    /** Santuario's canonical form of a subtree; a prefix list only for exclusive canonicalization. */
    private static void canonicalize(Element e, String algorithm, String prefixes, ByteArrayOutputStream out) throws Exception {
        Canonicalizer c = Canonicalizer.getInstance(algorithm);
        if (Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS.equals(algorithm)) {
            c.canonicalizeSubtree(e, prefixes, out);
        } else {
            c.canonicalizeSubtree(e, out); // the inclusive ones refuse the three-argument call
        }
    }

    /** Whether a failed reading was an interruption (of the digest's hand-off), not the document. */
    private static boolean interrupted(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** @param why the end of the key {@code trustList.why.*} of the reason, followed by its values */
    private static OrgsignException refused(String name, String why, Object... args) {
        return new OrgsignException(ErrorCode.INVALID_SIGNATURE, T.text("trustList.refused", name,
                T.text("trustList.why." + why, args)));
    }

    private static Element only(Element parent, String local, String name) throws OrgsignException {
        List<Element> found = children(parent, local);
        if (found.size() != 1) {
            throw refused(name, "elements", found.size(), local);
        }
        return found.get(0);
    }

    private static Element childOrNull(Element parent, String local) {
        List<Element> found = children(parent, local);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String algorithm(Element e, Set<String> allowed, String what, String name) throws OrgsignException {
        String uri = e.getAttribute("Algorithm");
        if (!allowed.contains(uri)) {
            throw refused(name, "algorithm", T.text("trustList.why.algorithm." + what), uri);
        }
        return uri;
    }

    /** The PrefixList of an exclusive canonicalization's InclusiveNamespaces, or null. */
    private static String prefixes(Element method) {
        for (Node n = method.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "InclusiveNamespaces".equals(e.getLocalName())) {
                return e.getAttribute("PrefixList");
            }
        }
        return null;
    }

    private static byte[] base64(Element e, String name) throws OrgsignException {
        try {
            return Base64.getMimeDecoder().decode(e.getTextContent().strip());
        } catch (IllegalArgumentException x) {
            throw refused(name, "notBase64", e.getLocalName());
        }
    }
}
