package org.citygrid.catalog.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.HandleLimit;

/**
 * Reads the handling limit out of a local standard's time-limit text (“4个工作时”, “15工作日”,
 * “停工4个工作时；处罚7个工作日；拆除20个工作日”, “立案派遣≤30分钟；处置1个工作日”).
 *
 * <p>The text is split into stages at ；;，,. Stages that time another step of the loop — filing and dispatch
 * (立案, 派遣), verification (核实, 核查) or arrival on site (到场, 响应) — are skipped. The limit is the first remaining
 * stage: the first thing the department must have resolved (stop the works, fill the missing cover). Later stages
 * (penalty, demolition, full repair) take longer than a HANDLE clock should run unnoticed; a department that needs
 * them asks for an extension (延期), which the workflow provides.
 */
final class TimeLimitText {

    private static final Pattern OTHER_STEP = Pattern.compile("立案|派遣|核实|核查|到场|响应");
    private static final Pattern STAGE_SEPARATOR = Pattern.compile("[；;，,]");
    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d{1,9})\\s*个?\\s*(工作日|工作小时|工作时|工作分钟|自然日|小时|分钟|天|日)");

    private TimeLimitText() {
    }

    static Optional<HandleLimit> handlingLimit(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (var stage : STAGE_SEPARATOR.split(text)) {
            if (OTHER_STEP.matcher(stage).find()) {
                continue;
            }
            var m = AMOUNT.matcher(stage);
            if (m.find()) {
                int amount = Integer.parseInt(m.group(1));
                return amount < HandleLimit.MIN_AMOUNT || amount > HandleLimit.MAX_AMOUNT ? Optional.empty()
                        : Optional.of(new HandleLimit(amount, unit(m.group(2))));
            }
        }
        return Optional.empty();
    }

    private static TimeUnit unit(String word) {
        return switch (word) {
            case "工作日" -> TimeUnit.WORK_DAYS;
            case "工作时", "工作小时" -> TimeUnit.WORK_HOURS;
            case "工作分钟" -> TimeUnit.WORK_MINUTES;
            case "小时" -> TimeUnit.NATURAL_HOURS;
            case "分钟" -> TimeUnit.NATURAL_MINUTES;
            default -> TimeUnit.NATURAL_DAYS;
        };
    }
}
