package org.citygrid.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.imageio.ImageIO;

/**
 * Pictures for tests, drawn at test time (JPEG, PNG, GIF) or read from the tiny committed WebP files
 * ({@code photos/lossy.webp} and {@code photos/lossless.webp}, 64×48, made with libwebp's cwebp).
 */
public final class TestPhotos {

    private TestPhotos() {
    }

    public static byte[] jpeg(int width, int height) {
        return draw("jpeg", width, height);
    }

    public static byte[] png(int width, int height) {
        return draw("png", width, height);
    }

    public static byte[] gif(int width, int height) {
        return draw("gif", width, height);
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The JPEG start-of-image marker followed by bytes that are no picture. */
    public static byte[] jpegHeaderOnGarbage() {
        var bytes = new byte[2048];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    public static byte[] webpLossy() {
        return resource("/photos/lossy.webp");
    }

    public static byte[] webpLossless() {
        return resource("/photos/lossless.webp");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] draw(String format, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (var in = TestPhotos.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
