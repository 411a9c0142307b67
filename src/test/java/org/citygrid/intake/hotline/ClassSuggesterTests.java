package org.citygrid.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The class suggester on descriptions as callers give them (the wording of 12345 tickets): the class an operator would
 * pick is among the three suggestions, usually first, with the words that made it.
 */
@SpringBootTest
@ActiveProfiles("demo")
class ClassSuggesterTests {

    @Autowired
    ClassSuggester suggester;

    private List<String> top(String text) {
        return suggester.suggest(text, ClassSuggester.TOP).stream().map(ClassSuggester.Suggestion::code).toList();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            我家楼下马路边的路灯坏了好几天了，晚上一片漆黑 | 01037
            小区门口天天有人占道经营卖水果，堵得车都过不去 | 09006
            楼下饭店油烟太大，熏得窗户都不敢开 | 06027
            附近工地夜间施工扰民，机器声音很大睡不着 | 08001
            人行道上乱七八糟停了很多共享单车，挡住了盲道 | 09011
            电线杆上贴满了非法小广告，有办证的有贷款的 | 07001
            河道污染严重，水都发黑发臭了 | 06026
            下雪后道路积雪结冰没人清理，老人摔倒了 | 10001
            """)
    void theOperatorsClassComesFirst(String description, String code) {
        assertThat(top(description)).first().isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} → {1} in the top 3")
    @CsvSource(delimiter = '|', textBlock = """
            东单路口有个污水井盖被人偷了，只剩一个黑洞，很危险 | 01002
            路边有人乱倒建筑垃圾，堆了一大堆渣土 | 06011
            小区门口机动车乱停放，消防车都进不来 | 09009
            """)
    void theOperatorsClassIsAmongTheThree(String description, String code) {
        assertThat(top(description)).contains(code);
    }

    @Test
    void theMatchedWordsExplainTheSuggestion() {
        var first = suggester.suggest("人行道上停了很多共享单车", 3).getFirst();
        assertThat(first.code()).isEqualTo("09011");
        assertThat(first.matched()).contains("共享单车").doesNotContain("单车");
    }

    @Test
    void aComponentAndItsMirrorMatterAreOneSuggestion() {
        var suggestions = suggester.suggest("路灯不亮", 3);
        assertThat(suggestions).extracting(ClassSuggester.Suggestion::code).doesNotHaveDuplicates();
    }

    @Test
    void aDescriptionWithoutAnyClassWordGetsNoSuggestion() {
        assertThat(suggester.suggest("你好，我想咨询一下社保怎么办理", 3)).isEmpty();
        assertThat(suggester.suggest("  ", 3)).isEmpty();
    }
}
