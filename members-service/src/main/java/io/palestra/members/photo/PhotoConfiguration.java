package io.palestra.members.photo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

/** Chooses where photos live: {@code palestra.members.photos.folder} when set, else the database. */
@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

    @Bean
    PhotoStore photoStore(@Value("${palestra.members.photos.folder:}") String folder, JdbcClient jdbc) {
        return folder.isBlank() ? new JdbcPhotoStore(jdbc) : new FolderPhotoStore(Path.of(folder));
    }
}
