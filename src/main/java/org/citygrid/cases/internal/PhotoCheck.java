package org.citygrid.cases.internal;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;

import org.citygrid.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * Proves that uploaded bytes are a photo: the type comes from the leading bytes (never from the name or the
 * declared content type), then the image is decoded, and a JPEG thumbnail is drawn from it.
 */
@Component
public class PhotoCheck {

    /** Longest side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_SIZE = 320;
    /** Decoding bigger pictures would take too much memory (a small file can claim a huge size). */
    public static final long MAX_PIXELS = 50_000_000L;

    /** The photo types accepted, each with its signature. */
    public enum PhotoType {
        JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

        private final String contentType;
        private final String extension;

        PhotoType(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    /** A decoded photo: its type, size in pixels and thumbnail (JPEG bytes). */
    public record Photo(PhotoType type, int width, int height, byte[] thumbnail) {
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    public PhotoCheck() {
        // plug-ins (WebP) on the class path of an app server or a fat jar are found only after a scan
        ImageIO.scanForPlugins();
    }

    /** The type the bytes start like, if it is one of ours. */
    public static Optional<PhotoType> detect(byte[] bytes) {
        if (startsWith(bytes, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return Optional.of(PhotoType.JPEG);
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PhotoType.PNG);
        }
        if (startsWith(bytes, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F')
                && startsWith(bytes, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P')) {
            return Optional.of(PhotoType.WEBP);
        }
        return Optional.empty();
    }

    /** Checks and decodes the bytes: 422 on {@code file} for another type or for bytes that are not a picture. */
    public Photo check(byte[] bytes) {
        var type = detect(bytes).orElseThrow(() -> new DomainException.Invalid("file",
                "cases.attachment.type-unsupported"));
        var image = decode(bytes, type);
        return new Photo(type, image.getWidth(), image.getHeight(), thumbnail(image));
    }

    private static BufferedImage decode(byte[] bytes, PhotoType type) {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReadersByFormatName(type.name().toLowerCase());
            if (in == null || !readers.hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new DomainException.Invalid("file", "cases.attachment.too-many-pixels", MAX_PIXELS / 1_000_000);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException de) {
                throw de;
            }
            throw new DomainException.Invalid("file", "cases.attachment.not-an-image", type.name());
        }
    }

    /** At most {@value #THUMBNAIL_SIZE} px on the longest side, on white (JPEG has no transparency). */
    static byte[] thumbnail(BufferedImage image) {
        double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        var thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return jpeg(thumb);
    }

    private static byte[] jpeg(BufferedImage image) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("writing a JPEG to memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte... prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
