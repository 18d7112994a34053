package dev.orgsign.testcerts;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OCSP responder for the test FNS CA (RFC 6960 over HTTP POST), on a JDK HTTP server on an
 * ephemeral loopback port: it signs with the CA's own key, answers GOOD for every serial it was
 * not told is revoked, gives a 10-minute nextUpdate and echoes the request's nonce. Certificates
 * that name it come from {@link TestPki#issue(PersonData, KeyKind, String, String)}.
 */
public final class OcspResponder implements AutoCloseable {
    private final TestPki pki;
    private final HttpServer server;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private OcspResponder(TestPki pki) throws IOException {
        this.pki = pki;
        server = LoopbackHttp.start(exchange -> {
            requests.incrementAndGet();
            byte[] body;
            try {
                body = answer(new OCSPReq(exchange.getRequestBody().readAllBytes()));
            } catch (Exception e) {
                body = null;
            }
            LoopbackHttp.answer(exchange, body == null ? 400 : 200, "application/ocsp-response", body);
        });
    }

    /** Starts a responder for {@code pki}'s FNS CA. */
    public static OcspResponder start(TestPki pki) throws IOException {
        return new OcspResponder(pki);
    }

    /** The URL to name in certificates. */
    public String url() {
        return LoopbackHttp.url(server, "/ocsp");
    }

    /** From now on answers that the certificate with {@code serial} was revoked at {@code at} (key compromise). */
    public void revoke(BigInteger serial, Instant at) {
        revoked.put(serial, at);
    }

    /** How many requests arrived. */
    public int requests() {
        return requests.get();
    }

    private byte[] answer(OCSPReq req) throws Exception {
        Instant now = Instant.now();
        var b = new JcaBasicOCSPRespBuilder(pki.fnsCa().getPublicKey(),
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
        for (Req one : req.getRequestList()) {
            Instant at = revoked.get(one.getCertID().getSerialNumber());
            CertificateStatus status = at == null ? CertificateStatus.GOOD : new RevokedStatus(Date.from(at), CRLReason.keyCompromise);
            b.addResponse(one.getCertID(), status, Date.from(now), Date.from(now.plus(Duration.ofMinutes(10))), null);
        }
        Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            b.setResponseExtensions(new Extensions(nonce));
        }
        BasicOCSPResp basic = b.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(CertificateFactoryBC.BC).build(pki.fnsCaKeys().getPrivate()),
                new X509CertificateHolder[0], Date.from(now));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
