package dev.orgsign.core.registry;

/**
 * The legal forms orgsign tells apart, from the OKOPF code (ОК 028-2012). State and municipal
 * bodies are registered as institutions founded by the Russian Federation (751xx), by a
 * constituent entity (752xx) or by a municipality (754xx) — e.g. 75104 federal, 75204 regional,
 * 75404 municipal state-funded ("казенные") institutions, the form of ministries, inspectorates
 * and administrations. Everything else is treated as not a government body (fail closed).
 */
public enum LegalForm {
    /** 12300 and 12267: limited liability company. */
    LIMITED_LIABILITY_COMPANY,
    /** 751xx, 752xx, 754xx: an institution of the state or a municipality. */
    STATE_OR_MUNICIPAL_BODY,
    /** 50102: individual entrepreneur. */
    ENTREPRENEUR,
    /** Any other form, or a code orgsign does not know. */
    OTHER;

    /**
     * Classifies an OKOPF code; null or malformed codes are {@link #OTHER}.
     *
     * @param okopf the five-digit OKOPF code ({@code КодОПФ})
     * @return the form
     */
    public static LegalForm of(String okopf) {
        if (okopf == null || okopf.length() != 5) {
            return OTHER;
        }
        for (int i = 0; i < 5; i++) { // five ASCII digits, without compiling a regular expression per call
            if (okopf.charAt(i) < '0' || okopf.charAt(i) > '9') {
                return OTHER;
            }
        }
        if (okopf.equals("12300") || okopf.equals("12267")) {
            return LIMITED_LIABILITY_COMPANY;
        }
        if (okopf.startsWith("751") || okopf.startsWith("752") || okopf.startsWith("754")) {
            return STATE_OR_MUNICIPAL_BODY;
        }
        if (okopf.equals("50102")) {
            return ENTREPRENEUR;
        }
        return OTHER;
    }
}
