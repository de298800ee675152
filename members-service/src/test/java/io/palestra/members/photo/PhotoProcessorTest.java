package io.palestra.members.photo;

import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.UnsupportedContentException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoProcessorTest {

    @Test
    void aLargeJpegIsServedInTwoSizesKeepingItsProportions() {
        Map<PhotoSize, byte[]> renditions = PhotoProcessor.renditions(encoded(image(2000, 1000), "jpeg"));

        assertThat(dimensions(renditions.get(PhotoSize.LARGE))).containsExactly(800, 400);
        assertThat(dimensions(renditions.get(PhotoSize.SMALL))).containsExactly(160, 80);
    }

    @Test
    void aSmallPhotoIsNeverEnlarged() {
        Map<PhotoSize, byte[]> renditions = PhotoProcessor.renditions(encoded(image(120, 90), "png"));

        assertThat(dimensions(renditions.get(PhotoSize.LARGE))).containsExactly(120, 90);
        assertThat(dimensions(renditions.get(PhotoSize.SMALL))).containsExactly(120, 90);
    }

    @Test
    void pngAndWebpAreReadAndServedAsJpegWithTheirColours() {
        for (String fixture : new String[] {"two-colours.png", "two-colours.webp"}) {
            BufferedImage served = decoded(PhotoProcessor.renditions(fixture(fixture)).get(PhotoSize.LARGE));

            assertThat(served.getWidth()).as(fixture).isEqualTo(64);
            assertThat(served.getHeight()).as(fixture).isEqualTo(48);
            assertThat(new Color(served.getRGB(8, 24)).getBlue()).as(fixture + " left half").isGreaterThan(200);
            assertThat(new Color(served.getRGB(56, 24)).getRed()).as(fixture + " right half").isGreaterThan(200);
        }
    }

    @Test
    void theFormatIsReadFromTheBytesNotFromWhatTheClientSays() {
        assertThat(PhotoProcessor.formatOf(encoded(image(4, 4), "jpeg"))).isEqualTo("jpeg");
        assertThat(PhotoProcessor.formatOf(fixture("two-colours.png"))).isEqualTo("png");
        assertThat(PhotoProcessor.formatOf(fixture("two-colours.webp"))).isEqualTo("webp");
    }

    @Test
    void otherFormatsAreUnsupported() {
        assertThatThrownBy(() -> PhotoProcessor.renditions(encoded(image(4, 4), "gif")))
                .isInstanceOf(UnsupportedContentException.class);
        assertThatThrownBy(() -> PhotoProcessor.renditions("not an image at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedContentException.class);
    }

    @Test
    void aTruncatedImageIsInvalid() {
        byte[] png = encoded(image(300, 300), "png");
        byte[] truncated = Arrays.copyOf(png, 60);

        assertThatThrownBy(() -> PhotoProcessor.renditions(truncated))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anImageOfTooManyPixelsIsRefusedBeforeItIsDecoded() {
        // A valid PNG header declaring 10000 x 5000 pixels: refused from the header, the pixels are never read.
        byte[] header = pngHeader(10_000, 5_000);

        assertThatThrownBy(() -> PhotoProcessor.renditions(header))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pixels");
    }

    private static BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, x < width / 2 ? Color.BLUE.getRGB() : Color.RED.getRGB());
            }
        }
        return image;
    }

    private static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, bytes)).as("a writer for " + format).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static BufferedImage decoded(byte[] jpeg) {
        assertThat(PhotoProcessor.formatOf(jpeg)).isEqualTo("jpeg");
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] dimensions(byte[] jpeg) {
        BufferedImage image = decoded(jpeg);
        return new int[] {image.getWidth(), image.getHeight()};
    }

    static byte[] fixture(String name) {
        try (InputStream in = PhotoProcessorTest.class.getResourceAsStream("/photos/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signature and IHDR chunk of a PNG, with a correct CRC, and nothing after. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
