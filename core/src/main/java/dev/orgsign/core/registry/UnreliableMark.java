package dev.orgsign.core.registry;

import java.time.LocalDate;

/**
 * The register's mark that its data about a person or a managing organization are unreliable
 * ({@code СвНедДанДолжнФЛ} with {@code ПризнНедДанДолжнФЛ} and {@code ТекстНедДанДолжнФЛ};
 * {@code СвНедДанУпрОрг} likewise), e.g. «сведения недостоверны (результаты проверки
 * достоверности содержащихся в ЕГРЮЛ сведений о юридическом лице)».
 *
 * @param code       the register's sign of unreliability (1, 2 or 3), or null
 * @param text       the register's text, quoted to the user as it stands
 * @param recordedOn the date of the register entry, or null
 */
public record UnreliableMark(String code, String text, LocalDate recordedOn) {
}
