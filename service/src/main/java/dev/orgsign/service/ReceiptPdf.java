package dev.orgsign.service;

import dev.orgsign.core.ErrorCode;
import dev.orgsign.core.OrgsignException;
import dev.orgsign.core.payload.PayloadCodec;
import dev.orgsign.core.payload.RegistrationPayload;
import dev.orgsign.core.verify.Check;
import dev.orgsign.core.verify.CheckResult;
import dev.orgsign.core.pdf.PdfLayout;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/**
 * The receipt's pages (A4, Russian with English glosses): the submission, the organization, the
 * signer, every check with its result, the times, the hashes of what was verified, and which key
 * of the service signs it. Written with core's {@link PdfLayout} (embedded Liberation fonts, Cyrillic).
 */
final class ReceiptPdf {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final PdfLayout page;

    private ReceiptPdf(PdfLayout page) {
        this.page = page;
    }

    static byte[] render(SubmissionStore.Stored s, byte[] payload, byte[] signature, X509Certificate serviceCert,
                         boolean demoKey) throws OrgsignException {
        RegistrationPayload p = PayloadCodec.parse(payload);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Квитанция о проверке регистрации " + s.id());
            info.setProducer("orgsign verification service");
            try (PdfLayout page = PdfLayout.open(doc)) {
                new ReceiptPdf(page).write(s, p, payload, signature, serviceCert, demoKey);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new OrgsignException(ErrorCode.INTERNAL, "The receipt of submission " + s.id() + " cannot be produced: "
                    + e.getMessage(), e);
        }
    }

    private void write(SubmissionStore.Stored s, RegistrationPayload p, byte[] payload, byte[] signature,
                       X509Certificate serviceCert, boolean demoKey) throws IOException {
        page.line("Квитанция о проверке регистрации", 15, true);
        page.line("Verification receipt of the orgsign service", 10, false);
        page.gap(8);
        row("Заявка / Submission", s.id());
        row("Результат / Verdict", "ПРОВЕРЕНО — все проверки пройдены (" + s.status() + ")");
        row("Идентификатор запроса / Request id", p.requestId().toString());
        page.gap(6);
        page.line("Организация / Organization", 12, true);
        RegistrationPayload.Organization o = p.organization();
        row("Вид / Type", o.type().name());
        row("Полное наименование", o.fullName());
        if (o.shortName() != null) {
            row("Сокращённое наименование", o.shortName()); // organization.match compared it with the register
        }
        row(o.type() == dev.orgsign.core.OrganizationType.IE ? "ОГРНИП" : "ОГРН", o.id());
        row("ИНН", o.inn());
        if (o.kpp() != null) {
            row("КПП", o.kpp());
        }
        page.gap(6);
        page.line("Подписант / Signer", 12, true);
        RegistrationPayload.Head h = p.head();
        row("ФИО", h.surname() + " " + h.firstName() + (h.patronymic() == null ? "" : " " + h.patronymic()));
        if (h.position() != null) {
            row("Должность / Position", h.position()); // compared with the register's НаимДолжн (organization.match)
        }
        row("ИНН / СНИЛС", h.inn() + " / " + h.snils());
        signerCertificate(signature);
        page.gap(6);
        page.line("Проверки / Checks", 12, true);
        for (Check c : Json.checks(s.reportJson())) {
            String mark = c.result() == CheckResult.PASSED ? "пройдена" : c.result() == CheckResult.FAILED ? "НЕ ПРОЙДЕНА" : "не выполнена";
            page.lead(c.code() + " — " + mark + ": ", c.message(), 9);
        }
        page.gap(6);
        page.line("Время / Times", 12, true);
        row("Получено / Received", WHEN.format(Instant.ofEpochMilli(s.receivedAt())));
        row("Проверено / Verified", s.verifiedAt() == null ? "—" : WHEN.format(Instant.ofEpochMilli(s.verifiedAt())));
        row("Квитанция выдана / Issued", WHEN.format(Instant.now()));
        row("Экземпляр сервиса / Instance", s.verifiedBy());
        page.gap(6);
        page.line("Что проверено / What was verified", 12, true);
        row("SHA-256 данных (payload)", ApiHandler.sha256(payload));
        row("SHA-256 подписи (CMS)", ApiHandler.sha256(signature));
        page.gap(6);
        page.lead("Подпись квитанции / Receipt signature: ", "PAdES, ключ сервиса "
                + cn(X500Name.getInstance(serviceCert.getSubjectX500Principal().getEncoded())) + ", серийный номер "
                + serviceCert.getSerialNumber().toString(16)
                + (demoKey ? ". ДЕМОНСТРАЦИОННЫЙ самоподписанный ключ, созданный сервисом при первом запуске: квитанция "
                + "не подтверждает ничего, пока оператор не опубликовал его отпечаток (DEMO key, self-made by the service at "
                + "its first start; the operator gave no key of its own)."
                : ". Ключ оператора сервиса (the operator's key)."), 9);
    }

    private void signerCertificate(byte[] signature) throws IOException {
        try {
            CMSSignedData cms = new CMSSignedData(signature);
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(si.getSID());
            if (!certs.isEmpty()) {
                X509CertificateHolder c = certs.iterator().next();
                row("Сертификат / Certificate", cn(c.getSubject()) + ", № " + c.getSerialNumber().toString(16));
                row("Издатель / Issuer", cn(c.getIssuer()));
            }
        } catch (org.bouncycastle.cms.CMSException e) {
            row("Сертификат / Certificate", "не прочитан");
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
        page.lead(label + ": ", value == null ? "—" : value, 10);
    }
}
