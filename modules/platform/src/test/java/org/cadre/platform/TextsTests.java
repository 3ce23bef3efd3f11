package org.cadre.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** The text policy itself: what is refused (and where), what is removed, what is normalised. */
class TextsTests {

    @Test
    void aTextIsComposedTrimmedAndCleanedOfInvisibleMarks() {
        String decomposed = Normalizer.normalize("Nguyễn", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Nguyễn");
        assertThat(Texts.clean("name", decomposed)).isEqualTo("Nguyễn");
        assertThat(Texts.clean("name", " Nguyễn  ")).isEqualTo("Nguyễn");
        assertThat(Texts.clean("name", "\u00A0\u3000Nguyễn\t\n")).isEqualTo("Nguyễn");
        assertThat(Texts.clean("name", "Ngu\u200Byễn\uFEFF Văn\u200D\u200E An\u00AD")).isEqualTo("Nguyễn Văn An");
        // inner spaces and line breaks stay; every line end becomes a line feed
        assertThat(Texts.clean("reason", "a  b\r\nc\rd\u2028e")).isEqualTo("a  b\nc\nd\ne");
        assertThat(Texts.clean("reason", "tab\there")).isEqualTo("tab\there");
        assertThat(Texts.clean("name", "plain")).isEqualTo("plain");
        assertThat(Texts.clean("name", null)).isNull();
        assertThat(Texts.clean("name", "😀 emoji")).isEqualTo("😀 emoji");
    }

    @Test
    void controlsBidiOverridesLoneSurrogatesAndNoncharactersAreRefusedWithTheCharacterAndItsPosition() {
        assertFlaw("Lê\u0000A", 0x0000, 3);
        assertFlaw("\u0007", 0x0007, 1);
        assertFlaw("x\u007F", 0x007F, 2);
        assertFlaw("x\u0085", 0x0085, 2);
        assertFlaw("abc\u202Egnp.exe", 0x202E, 4);
        assertFlaw("\u2066x", 0x2066, 1);
        assertFlaw("a\uD800b", 0xD800, 2);
        assertFlaw("a\uDC00", 0xDC00, 2);
        assertFlaw("\uFFFE", 0xFFFE, 1);
        assertFlaw("\uFDD0", 0xFDD0, 1);
        // a character outside the BMP counts once: the position is the one a person counts
        assertFlaw("😀\u0000", 0x0000, 2);
        assertThatThrownBy(() -> Texts.clean("familyName", "Lê\u0000"))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(PlatformRefusal.CHARACTER_NOT_ALLOWED);
                    assertThat(refused.arguments()).containsSubsequence("U+0000", 3);
                    assertThat(refused.details()).containsEntry("field", "familyName");
                });
    }

    @Test
    void aPasswordIsTakenAsTyped() {
        assertThat(Texts.isSecret("newPassword")).isTrue();
        assertThat(Texts.clean("password", " s3cret\u200B ")).isEqualTo(" s3cret\u200B ");
    }

    private static void assertFlaw(String text, int codePoint, int position) {
        assertThat(Texts.flaw(text)).hasValue(new Texts.Flaw(codePoint, position));
    }
}
