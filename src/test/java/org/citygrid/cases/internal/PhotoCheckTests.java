package org.citygrid.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.citygrid.cases.internal.PhotoCheck.PhotoType;
import org.citygrid.platform.DomainException;
import org.citygrid.support.TestPhotos;
import org.junit.jupiter.api.Test;

/** Photos are recognised by their bytes and proved by decoding them; the thumbnail is a small JPEG. */
class PhotoCheckTests {

    private final PhotoCheck check = new PhotoCheck();

    @Test
    void jpegPngAndWebpAreRecognisedByTheirFirstBytes() {
        assertThat(PhotoCheck.detect(TestPhotos.jpeg(20, 10))).contains(PhotoType.JPEG);
        assertThat(PhotoCheck.detect(TestPhotos.png(20, 10))).contains(PhotoType.PNG);
        assertThat(PhotoCheck.detect(TestPhotos.webpLossy())).contains(PhotoType.WEBP);
        assertThat(PhotoCheck.detect(TestPhotos.webpLossless())).contains(PhotoType.WEBP);
    }

    @Test
    void gifPdfAndGarbageAreNotPhotosWeAccept() {
        assertThat(PhotoCheck.detect(TestPhotos.gif(20, 10))).isEmpty();
        assertThat(PhotoCheck.detect(TestPhotos.pdf())).isEmpty();
        assertThat(PhotoCheck.detect(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})).isEmpty();
        assertThat(PhotoCheck.detect(new byte[0])).isEmpty();
        for (var bytes : new byte[][] {TestPhotos.gif(20, 10), TestPhotos.pdf(), "hello".getBytes()}) {
            assertThatThrownBy(() -> check.check(bytes)).isInstanceOfSatisfying(DomainException.Invalid.class, e -> {
                assertThat(e.field()).isEqualTo("file");
                assertThat(e.messageKey()).isEqualTo("cases.attachment.type-unsupported");
            });
        }
    }

    @Test
    void lossyAndLosslessWebpAreDecoded() {
        for (var bytes : new byte[][] {TestPhotos.webpLossy(), TestPhotos.webpLossless()}) {
            var photo = check.check(bytes);
            assertThat(photo.type()).isEqualTo(PhotoType.WEBP);
            assertThat(photo.width()).isEqualTo(64);
            assertThat(photo.height()).isEqualTo(48);
        }
    }

    @Test
    void aJpegHeaderOnGarbageIsNotAPhoto() {
        assertThatThrownBy(() -> check.check(TestPhotos.jpegHeaderOnGarbage()))
                .isInstanceOfSatisfying(DomainException.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.messageKey()).isEqualTo("cases.attachment.not-an-image");
                });
    }

    @Test
    void aTruncatedPngIsNotAPhoto() {
        var png = TestPhotos.png(200, 100);
        var truncated = java.util.Arrays.copyOf(png, 40);
        assertThatThrownBy(() -> check.check(truncated)).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void theThumbnailIsAJpegOfAtMost320PixelsOnTheLongestSide() throws IOException {
        var photo = check.check(TestPhotos.png(1000, 500));
        assertThat(photo.width()).isEqualTo(1000);
        assertThat(photo.height()).isEqualTo(500);
        assertThat(PhotoCheck.detect(photo.thumbnail())).contains(PhotoType.JPEG);
        var thumb = ImageIO.read(new ByteArrayInputStream(photo.thumbnail()));
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(160);
    }

    @Test
    void aSmallPhotoIsNotEnlargedForItsThumbnail() throws IOException {
        var photo = check.check(TestPhotos.jpeg(100, 80));
        var thumb = ImageIO.read(new ByteArrayInputStream(photo.thumbnail()));
        assertThat(thumb.getWidth()).isEqualTo(100);
        assertThat(thumb.getHeight()).isEqualTo(80);
    }
}
