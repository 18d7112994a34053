package dev.orgsign.core.trust;

import dev.orgsign.core.authority.Reason;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Whether the certification centre that issued a certificate was accredited at the time that counts
 * (a verified timestamp's time, else the signing time) and when it issued the certificate, as the
 * list of accredited certification centres says; with the sentence that names the centre and its
 * status then, in Russian and English.
 *
 * @param centre        the issuing centre, or null when the list does not hold the certificate's issuer
 * @param issuerName    the readable name of the certificate's issuer (for an unlisted centre)
 * @param at            the time that counts
 * @param status        the centre's status at {@code at}, or null (not listed, or not yet accredited)
 * @param issuedAt      when the certificate was issued (its notBefore)
 * @param statusAtIssue the centre's status at {@code issuedAt}, or null
 */
public record Accreditation(AccreditedCentre centre, String issuerName, Instant at, AccreditationStatus status,
                            Instant issuedAt, AccreditationStatus statusAtIssue) {
    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);

    /**
     * Judges a centre at the two moments.
     *
     * @param centre     the issuing centre, or null when it is not in the list
     * @param issuerName the readable name of the certificate's issuer
     * @param at         the time that counts
     * @param issuedAt   the certificate's notBefore
     * @return the judgement
     */
    public static Accreditation of(AccreditedCentre centre, String issuerName, Instant at, Instant issuedAt) {
        return new Accreditation(centre, issuerName, at, centre == null ? null : centre.statusAt(at), issuedAt,
                centre == null ? null : centre.statusAt(issuedAt));
    }

    /** {@return whether the centre was accredited both when the certificate was issued and at the time that counts} */
    public boolean accredited() {
        return centre != null && status != null && status.accredited() && statusAtIssue != null && statusAtIssue.accredited();
    }

    /**
     * The judgement as a sentence with a stable code: {@code centre.accredited}, {@code centre.unlisted},
     * {@code centre.not-yet-accredited}, {@code centre.suspended}, {@code centre.not-accredited} or
     * {@code centre.not-accredited-at-issue}.
     *
     * @return the reason, in Russian and English
     */
    public Reason reason() {
        if (centre == null) {
            return new Reason("centre.unlisted", "The certification centre that issued the certificate ('" + issuerName
                    + "') is not in the list of accredited certification centres, so the certificate is not qualified.",
                    "Удостоверяющего центра, выдавшего сертификат («" + issuerName + "»), нет в перечне аккредитованных "
                            + "удостоверяющих центров, поэтому сертификат не является квалифицированным.");
        }
        String en = "The certification centre '" + centre.displayName() + "' that issued the certificate";
        String ru = "Удостоверяющий центр «" + centre.displayName() + "», выдавший сертификат,";
        String when = time(at);
        if (status == null) {
            String first = centre.history().isEmpty() ? null : day(centre.history().get(0).since());
            return new Reason("centre.not-yet-accredited", en + " was not yet accredited at the time of signing, " + when
                    + (first == null ? "" : ": its accreditation began on " + first) + ", so the certificate is not qualified.",
                    ru + " ещё не был аккредитован на момент подписания, " + when + (first == null ? "" : ": аккредитация получена "
                            + first) + ", поэтому сертификат не является квалифицированным.");
        }
        if (!status.accredited()) {
            String since = day(status.since());
            if (status.suspended()) {
                return new Reason("centre.suspended", en + " was not accredited at the time of signing, " + when
                        + ": its accreditation was suspended on " + since + " (status '" + status.status()
                        + "'), so the certificate is not qualified.", ru + " не был аккредитован на момент подписания, " + when
                        + ": аккредитация приостановлена " + since + " (статус «" + status.status()
                        + "»), поэтому сертификат не является квалифицированным.");
            }
            return new Reason("centre.not-accredited", en + " was not accredited at the time of signing, " + when
                    + ": its accreditation ended on " + since + " (status '" + status.status()
                    + "'), so the certificate is not qualified.", ru + " не был аккредитован на момент подписания, " + when
                    + ": аккредитация прекращена " + since + " (статус «" + status.status()
                    + "»), поэтому сертификат не является квалифицированным.");
        }
        String active = " (status '" + status.status() + "' since " + day(status.since()) + ")";
        String activeRu = " (статус «" + status.status() + "» с " + day(status.since()) + ")";
        if (statusAtIssue == null || !statusAtIssue.accredited()) {
            String then = statusAtIssue == null ? "not yet accredited" : "status '" + statusAtIssue.status() + "' since "
                    + day(statusAtIssue.since());
            String thenRu = statusAtIssue == null ? "ещё не аккредитован" : "статус «" + statusAtIssue.status() + "» с "
                    + day(statusAtIssue.since());
            return new Reason("centre.not-accredited-at-issue", en + " was accredited at the time of signing, " + when + active
                    + ", but not when it issued the certificate on " + time(issuedAt) + " (" + then
                    + "), so the certificate is not qualified.", ru + " был аккредитован на момент подписания, " + when + activeRu
                    + ", но не в день выдачи сертификата, " + time(issuedAt) + " (" + thenRu
                    + "), поэтому сертификат не является квалифицированным.");
        }
        return new Reason("centre.accredited", en + " was accredited at the time of signing, " + when + active + ".",
                ru + " был аккредитован на момент подписания, " + when + activeRu + ".");
    }

    /** A moment as ISO-8601 in UTC, whole seconds. */
    static String time(Instant t) {
        return dev.orgsign.core.IsoInstants.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** A status date: the day alone when it starts at midnight Moscow or UTC time (how the list gives them), else the moment. */
    static String day(Instant t) {
        if (t.atOffset(MOSCOW).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return t.atOffset(MOSCOW).toLocalDate().toString();
        }
        if (t.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return time(t);
    }

    /**
     * The sentence in the reader's language.
     *
     * @param locale Russian for "ru", English otherwise
     * @return the sentence
     */
    public String message(Locale locale) {
        return reason().message(locale);
    }
}
