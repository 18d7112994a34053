package dev.orgsign.service;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.MoscowTime;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.Texts;
import dev.orgsign.core.identifier.Identifiers;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.pdf.PdfLayout;
import dev.orgsign.core.pdf.SignatureStamp;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;

/**
 * The receipt's pages (A4), entirely in the submitter's language (Russian, or English for a
 * submission sent in English): the submission, the organization, the signer, every check with its
 * result in that language, the times in Moscow time with the zone named, the hashes of what was
 * verified, which key of the service signs it, and the signature stamp of that key ("Документ
 * подписан электронной подписью": certificate serial, owner, validity). Written with core's
 * {@link PdfLayout} (embedded Liberation fonts, Cyrillic).
 */
final class ReceiptPdf {
    private static final Texts T = ApiHandler.T;

    private final PdfLayout page;
    private final Locale l;

    private ReceiptPdf(PdfLayout page, Locale language) {
        this.page = page;
        this.l = language;
    }

    static byte[] render(SubmissionStore.Stored s, byte[] payload, byte[] signature, X509Certificate serviceCert,
                         boolean demoKey) throws OrgsignException {
        RegistrationPayload p = PayloadCodec.parse(payload);
        Locale language = s.language();
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(T.format(language, "receipt.title") + " " + s.id());
            info.setProducer("orgsign verification service");
            try (PdfLayout page = PdfLayout.open(doc)) {
                new ReceiptPdf(page, language).write(s, p, payload, signature, serviceCert, demoKey);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.INTERNAL, T.text("receipt.failed", s.id(), String.valueOf(e.getMessage())), e);
        }
    }

    private void write(SubmissionStore.Stored s, RegistrationPayload p, byte[] payload, byte[] signature,
                       X509Certificate serviceCert, boolean demoKey) throws IOException {
        page.line(T.format(l, "receipt.title"), 15, true);
        page.gap(8);
        row("receipt.submission", s.id());
        row("receipt.verdict", T.format(l, "receipt.verdict." + s.status().name()));
        row("receipt.requestId", p.requestId().toString());
        page.gap(6);
        page.line(T.format(l, "receipt.organization"), 12, true);
        RegistrationPayload.Organization o = p.organization();
        row("receipt.kind", T.format(l, "receipt.type." + o.type().name()));
        row("receipt.fullName", o.fullName());
        if (o.shortName() != null) {
            row("receipt.shortName", o.shortName()); // organization.match compared it with the register
        }
        boolean ie = o.type() == dev.orgsign.core.OrganizationType.IE;
        row(ie ? "receipt.ogrnip" : "receipt.ogrn", o.id());
        row("receipt.inn", o.inn());
        if (o.kpp() != null) {
            row("receipt.kpp", o.kpp());
        }
        page.gap(6);
        page.line(T.format(l, "receipt.signer"), 12, true);
        RegistrationPayload.Head h = p.head();
        row("receipt.name", h.surname() + " " + h.firstName() + (h.patronymic() == null ? "" : " " + h.patronymic()));
        if (h.position() != null) {
            row("receipt.position", h.position()); // compared with the register's НаимДолжн (organization.match)
        }
        row("receipt.inn", h.inn());
        row("receipt.snils", Identifiers.formatSnils(h.snils()));
        signerCertificate(signature);
        page.gap(6);
        page.line(T.format(l, "receipt.checks"), 12, true);
        for (Check c : Json.checks(s.reportJson())) {
            page.lead(c.code() + " — " + T.format(l, "receipt.result." + c.result().name()) + ": ", c.message(l), 9);
        }
        page.gap(6);
        page.line(T.format(l, "receipt.times"), 12, true);
        row("receipt.received", MoscowTime.dateTime(Instant.ofEpochMilli(s.receivedAt()), l));
        row("receipt.verified", s.verifiedAt() == null ? "—" : MoscowTime.dateTime(Instant.ofEpochMilli(s.verifiedAt()), l));
        row("receipt.issued", MoscowTime.dateTime(Instant.now(), l));
        row("receipt.instance", s.verifiedBy());
        page.gap(6);
        page.line(T.format(l, "receipt.what"), 12, true);
        row("receipt.payloadHash", ApiHandler.sha256(payload));
        row("receipt.signatureHash", ApiHandler.sha256(signature));
        page.gap(6);
        page.lead(T.format(l, "receipt.sealed") + " ", T.format(l, demoKey ? "receipt.demoKey" : "receipt.operatorKey",
                cn(X500Name.getInstance(serviceCert.getSubjectX500Principal().getEncoded())),
                serviceCert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT)), 9);
        page.stamp(SignatureStamp.of(serviceCert), l);
    }

    private void signerCertificate(byte[] signature) throws IOException {
        try {
            CMSSignedData cms = new CMSSignedData(signature);
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(si.getSID());
            if (!certs.isEmpty()) {
                X509CertificateHolder c = certs.iterator().next();
                row("receipt.certificate", T.format(l, "receipt.certificateValue", cn(c.getSubject()),
                        c.getSerialNumber().toString(16).toUpperCase(Locale.ROOT)));
                row("receipt.issuer", cn(c.getIssuer()));
            }
        } catch (org.bouncycastle.cms.CMSException e) {
            row("receipt.certificate", T.format(l, "receipt.unreadable"));
        }
    }

    private static String cn(X500Name name) {
        RDN[] cn = name.getRDNs(BCStyle.CN);
        if (cn.length == 0) {
            return name.toString();
        }
        return cn[0].getFirst().getValue() instanceof org.bouncycastle.asn1.ASN1String s ? s.getString()
                : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    private void row(String label, String value) throws IOException {
        page.lead(T.format(l, label) + ": ", value == null ? "—" : value, 10);
    }
}
