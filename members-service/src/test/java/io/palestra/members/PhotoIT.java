package io.palestra.members;

import io.palestra.test.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A member's photo through the API: uploaded in any of the accepted formats, served back resized as JPEG. */
class PhotoIT extends MembersIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private UUID organization;
    private String member;
    private String desk;

    @BeforeEach
    void aMember() {
        JsonNode club = createOrganization("Photo Club " + UUID.randomUUID(), "Nantes");
        organization = id(club);
        member = register(organization, siteId(club, 0), "Inès", "Moreau", "").json().get("id").asString();
        desk = staff(organization, "front-desk");
    }

    @Test
    void anUploadedJpegIsServedInTwoSizesWithAnEtag() {
        Http.Response uploaded = upload(jpeg(1200, 900), "portrait.jpg", "image/jpeg", desk);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        JsonNode photo = uploaded.json().get("photo");
        assertThat(photo.get("url").asString()).isEqualTo("/api/v1/members/" + member + "/photo");

        Http.Response large = http().get("/api/v1/members/" + member + "/photo").token(desk).send();
        Http.Response small = http().get("/api/v1/members/" + member + "/photo?size=small").token(desk).send();
        assertThat(large.status()).as(large.toString()).isEqualTo(200);
        assertThat(large.header("Content-Type")).contains("image/jpeg");
        assertThat(dimensions(large.bytes())).containsExactly(800, 600);
        assertThat(dimensions(small.bytes())).containsExactly(160, 120);

        String etag = large.header("ETag").orElseThrow();
        Http.Response unchanged = http().get("/api/v1/members/" + member + "/photo").header("If-None-Match", etag)
                .token(desk).send();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(small.header("ETag")).isNotEqualTo(large.header("ETag"));
    }

    @Test
    void pngAndWebpUploadsAreAccepted() {
        for (String fixture : new String[] {"two-colours.png", "two-colours.webp"}) {
            Http.Response uploaded = upload(fixture(fixture), fixture, "application/octet-stream", desk);
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);

            byte[] served = http().get("/api/v1/members/" + member + "/photo").token(desk).send().bytes();
            assertThat(dimensions(served)).as(fixture).containsExactly(64, 48);
        }
    }

    @Test
    void aNewPhotoReplacesTheOldOneInTheStore() {
        String first = upload(jpeg(300, 300), "a.jpg", "image/jpeg", desk).json().get("photo").get("id").asString();
        String second = upload(jpeg(200, 300), "b.jpg", "image/jpeg", desk).json().get("photo").get("id")
                .asString();

        assertThat(second).isNotEqualTo(first);
        await().untilAsserted(() -> assertThat(storedPhotos()).containsOnly(UUID.fromString(second)));
        assertThat(dimensions(http().get("/api/v1/members/" + member + "/photo").token(desk).send().bytes()))
                .containsExactly(200, 300);
    }

    @Test
    void aCoachSeesThePhotoButCannotChangeIt() {
        upload(jpeg(100, 100), "a.jpg", "image/jpeg", desk);
        String coach = staff(organization, "coach");

        assertThat(http().get("/api/v1/members/" + member + "/photo?size=small").token(coach).send().status())
                .isEqualTo(200);
        assertThat(upload(jpeg(100, 100), "b.jpg", "image/jpeg", coach).status()).isEqualTo(403);
        assertThat(http().delete("/api/v1/members/" + member + "/photo").token(coach).send().status())
                .isEqualTo(403);
    }

    @Test
    void aRemovedPhotoIsGoneFromTheRecordAndTheStore() {
        upload(jpeg(100, 100), "a.jpg", "image/jpeg", desk);

        Http.Response removed = http().delete("/api/v1/members/" + member + "/photo").token(desk).send();

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("photo").isNull()).isTrue();
        Http.Response missing = http().get("/api/v1/members/" + member + "/photo").token(desk).send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("photo-not-found");
        await().untilAsserted(() -> assertThat(storedPhotos()).isEmpty());
    }

    @Test
    void refusedUploadsChangeNothing() {
        upload(jpeg(100, 100), "a.jpg", "image/jpeg", desk);
        JsonNode before = http().get("/api/v1/members/" + member).token(desk).send().json();

        Http.Response gif = upload(gif(), "a.gif", "image/gif", desk);
        byte[] huge = Arrays.copyOf(jpeg(10, 10), 6 * 1024 * 1024);
        Http.Response tooLarge = upload(huge, "huge.jpg", "image/jpeg", desk);
        Http.Response garbage = upload(Arrays.copyOf(jpeg(400, 400), 200), "cut.jpg", "image/jpeg", desk);
        Http.Response badSize = http().get("/api/v1/members/" + member + "/photo?size=huge").token(desk).send();

        assertThat(gif.status()).as(gif.toString()).isEqualTo(415);
        assertThat(gif.json().get("code").asString()).isEqualTo("unsupported-media-type");
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asString()).isEqualTo("payload-too-large");
        assertThat(garbage.status()).as(garbage.toString()).isEqualTo(400);
        assertThat(garbage.json().get("errors").get(0).get("field").asString()).isEqualTo("photo");
        assertThat(badSize.status()).isEqualTo(400);
        JsonNode after = http().get("/api/v1/members/" + member).token(desk).send().json();
        assertThat(after.get("photo")).isEqualTo(before.get("photo"));
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(storedPhotos()).containsOnly(UUID.fromString(before.get("photo").get("id").asString()));
    }

    @Test
    void anotherOrganisationCanNeitherSeeNorChangeThePhoto() {
        upload(jpeg(100, 100), "a.jpg", "image/jpeg", desk);
        String stranger = staff(id(createOrganization("Elsewhere " + UUID.randomUUID(), "Brest")), "manager");

        assertThat(http().get("/api/v1/members/" + member + "/photo").token(stranger).send().status())
                .isEqualTo(404);
        assertThat(upload(jpeg(100, 100), "b.jpg", "image/jpeg", stranger).status()).isEqualTo(404);
        assertThat(http().delete("/api/v1/members/" + member + "/photo").token(stranger).send().status())
                .isEqualTo(404);
    }

    @Test
    void erasureDeletesThePhotos() {
        upload(jpeg(100, 100), "a.jpg", "image/jpeg", desk);
        String code = http().get("/api/v1/members/" + member).token(desk).send().json().get("memberCode").asString();

        Http.Response erased = http().post("/api/v1/members/" + member + "/anonymization",
                "{\"confirmation\": \"" + code + "\"}").token(staff(organization, "manager")).send();

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("photo").isNull()).isTrue();
        await().untilAsserted(() -> assertThat(storedPhotos()).isEmpty());
        assertThat(http().get("/api/v1/members/" + member + "/photo").token(desk).send().status()).isEqualTo(404);
    }

    private Http.Response upload(byte[] content, String fileName, String type, String token) {
        return http().upload("PUT", "/api/v1/members/" + member + "/photo", "photo", fileName, type, content)
                .token(token).send();
    }

    private List<UUID> storedPhotos() {
        return jdbc.sql("SELECT DISTINCT photo_id FROM member_photo WHERE member_id = ?")
                .param(UUID.fromString(member)).query(UUID.class).list();
    }

    private static byte[] jpeg(int width, int height) {
        return encoded(width, height, "jpeg");
    }

    private static byte[] gif() {
        return encoded(10, 10, "gif");
    }

    private static byte[] encoded(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.createGraphics().setColor(Color.ORANGE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int[] dimensions(byte[] image) {
        try {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
            assertThat(read).as("a readable image").isNotNull();
            return new int[] {read.getWidth(), read.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fixture(String name) {
        try (InputStream in = PhotoIT.class.getResourceAsStream("/photos/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
