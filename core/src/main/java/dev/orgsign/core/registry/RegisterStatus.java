package dev.orgsign.core.registry;

import java.time.LocalDate;

/**
 * A status the register records for an organization ({@code СвЮЛ/СвСтатус/СвСтатус} with
 * {@code КодСтатусЮЛ}, {@code НаимСтатусЮЛ}) or a farm's head ({@code СвИП/СвСтатус/СвСтатус} with
 * {@code КодСтатус}, {@code НаимСтатус}): liquidation, an upcoming exclusion, a reorganization...
 *
 * @param code       the status code as the register gives it (e.g. "101")
 * @param name       the register's wording, quoted to the user as it stands
 * @param recordedOn the date of the register entry ({@code ГРНДата/@ДатаЗаписи}), or null
 */
public record RegisterStatus(String code, String name, LocalDate recordedOn) {
}
