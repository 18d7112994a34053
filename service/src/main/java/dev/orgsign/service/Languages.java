package dev.orgsign.service;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.List;
import java.util.Locale;

/**
 * The language a client reads, from its {@code Accept-Language}: Russian or English. The API's
 * answers (errors, the checks of a status) default to English, as programs expect; a submission
 * keeps the language it was sent in, by default Russian (the service registers Russian
 * organizations, and a Russian accountant reads its mail and receipt), and the verdict's mail and
 * the receipt are written in it.
 */
final class Languages {
    /** Russian. */
    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final List<Locale> SPOKEN = List.of(RUSSIAN, Locale.ENGLISH);

    private Languages() {
    }

    /**
     * @param request a request
     * @return the language of the answer: Russian or English as its {@code Accept-Language}
     *         prefers; English without one
     */
    static Locale of(Request request) {
        Locale asked = asked(request);
        return asked == null ? Locale.ENGLISH : asked;
    }

    /**
     * @param request a submission's request
     * @return the language its mail and receipt are written in: as its {@code Accept-Language}
     *         prefers; Russian without one
     */
    static Locale ofSubmission(Request request) {
        Locale asked = asked(request);
        return asked == null ? RUSSIAN : asked;
    }

    private static Locale asked(Request request) {
        String header = request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank() || header.length() > 200) {
            return null;
        }
        try {
            return Locale.lookup(Locale.LanguageRange.parse(header), SPOKEN);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param stored a submission's stored language ("ru", "en"), or null for one stored before languages were kept
     * @return the language
     */
    static Locale stored(String stored) {
        return "en".equals(stored) ? Locale.ENGLISH : RUSSIAN;
    }
}
