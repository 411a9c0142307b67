package org.citygrid.catalog.internal;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.catalog.HandleLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimeLimitTextTests {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            4个工作时                                    | 4  | WORK_HOURS
            2个工作日                                    | 2  | WORK_DAYS
            15工作日                                     | 15 | WORK_DAYS
            5工作时                                      | 5  | WORK_HOURS
            2小时                                        | 2  | NATURAL_HOURS
            30分钟                                       | 30 | NATURAL_MINUTES
            3天                                          | 3  | NATURAL_DAYS
            2个自然日                                     | 2  | NATURAL_DAYS
            90工作分钟                                    | 90 | WORK_MINUTES
            """)
    void readsAmountAndUnitOfASingleLimit(String text, int amount, TimeUnit unit) {
        assertThat(TimeLimitText.handlingLimit(text)).contains(new HandleLimit(amount, unit));
    }

    @Test
    void takesTheFirstStageOfAStagedLimit() {
        assertThat(TimeLimitText.handlingLimit("停工4个工作时；处罚7个工作日；拆除20个工作日"))
                .contains(new HandleLimit(4, TimeUnit.WORK_HOURS));
        assertThat(TimeLimitText.handlingLimit("建筑垃圾4个工作时；渣土堆2个工作日"))
                .contains(new HandleLimit(4, TimeUnit.WORK_HOURS));
        assertThat(TimeLimitText.handlingLimit("6小时；因作业条件限制的36小时"))
                .contains(new HandleLimit(6, TimeUnit.NATURAL_HOURS));
        assertThat(TimeLimitText.handlingLimit("接报3小时内补缺，最迟24小时内修复"))
                .contains(new HandleLimit(3, TimeUnit.NATURAL_HOURS));
    }

    @Test
    void skipsStagesThatTimeFilingDispatchOrArrival() {
        assertThat(TimeLimitText.handlingLimit("立案派遣≤30分钟；处置1个工作日"))
                .contains(new HandleLimit(1, TimeUnit.WORK_DAYS));
        assertThat(TimeLimitText.handlingLimit("立案派遣≤30分钟；1小时内到场制止；2小时内处理完毕"))
                .contains(new HandleLimit(2, TimeUnit.NATURAL_HOURS));
    }

    @Test
    void findsNoLimitInTextWithoutOneOrOutOfRange() {
        assertThat(TimeLimitText.handlingLimit("及时处理")).isEmpty();
        assertThat(TimeLimitText.handlingLimit("立案派遣≤30分钟")).isEmpty();
        assertThat(TimeLimitText.handlingLimit("")).isEmpty();
        assertThat(TimeLimitText.handlingLimit(null)).isEmpty();
        assertThat(TimeLimitText.handlingLimit("0个工作日")).isEmpty();
        assertThat(TimeLimitText.handlingLimit("20000工作日")).isEmpty();
    }
}
