package dev.orgsign.core.registry;

import java.time.LocalDate;

/**
 * The end of a legal entity ({@code СвПрекрЮЛ} with {@code @ДатаПрекрЮЛ} and {@code СпПрекрЮЛ}) or of
 * an entrepreneur's activity ({@code СвПрекращ/СвСтатус} with {@code @ДатаПрекращ}, {@code @КодСтатус},
 * {@code @НаимСтатус}).
 *
 * @param date the date of the termination, or null when the extract omits it
 * @param code the register's code of the way it ended, or null
 * @param name the register's wording of the way it ended, or null
 */
public record Termination(LocalDate date, String code, String name) {
}
