package io.palestra.members.photo;

import io.palestra.members.member.MemberAccess;
import io.palestra.members.member.MemberQueries.MemberView;
import io.palestra.members.member.MemberRoles;
import io.palestra.members.member.PhotoMessages.ChangePhoto;
import io.palestra.members.member.PhotoMessages.RemovePhoto;
import io.palestra.platform.errors.ContentTooLargeException;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * The member's photo: uploaded as JPEG, PNG or WebP, served back as JPEG in two sizes, kept where
 * {@link PhotoStore} says.
 */
@RestController
@RequestMapping("/api/v1/members/{id}/photo")
@Tag(name = "Members")
class PhotoController {

    private final CommandGateway commands;
    private final MemberAccess members;
    private final PhotoStore store;
    private final long maxBytes;

    PhotoController(CommandGateway commands, MemberAccess members, PhotoStore store,
                    @Value("${palestra.members.photos.max-size:5MB}") DataSize maxSize) {
        this.commands = commands;
        this.members = members;
        this.store = store;
        this.maxBytes = maxSize.toBytes();
    }

    @PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Upload the member's photo (multipart part \"photo\": JPEG, PNG or WebP)",
            description = "At most palestra.members.photos.max-size (5 MB by default) and 40 megapixels. Served "
                    + "back as JPEG without metadata, 160 px (small) and 800 px (large) on the longer side.")
    ResponseEntity<MemberView> upload(@PathVariable UUID id, @RequestPart("photo") MultipartFile photo,
                                      Caller caller) throws IOException {
        members.active(caller, id);
        if (photo.isEmpty()) {
            throw InvalidInputException.of("photo", "must not be empty");
        }
        if (photo.getSize() > maxBytes) {
            throw new ContentTooLargeException("A photo is at most " + DataSize.ofBytes(maxBytes).toMegabytes()
                    + " MB; this one is " + photo.getSize() + " bytes.");
        }
        Map<PhotoSize, byte[]> renditions = PhotoProcessor.renditions(photo.getBytes());
        UUID photoId = UUID.randomUUID();
        store.save(id, photoId, renditions);
        try {
            commands.sendAndWait(new ChangePhoto(id, photoId));
        } catch (RuntimeException refused) {
            store.delete(id, photoId);
            throw refused;
        }
        return members.afterChange(caller, id);
    }

    @GetMapping(produces = MediaType.IMAGE_JPEG_VALUE)
    @PreAuthorize(MemberRoles.READERS)
    @Operation(summary = "The member's photo as JPEG; size small (160 px) or large (800 px, the default)")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @RequestParam(defaultValue = "large") String size,
                                 Caller caller, WebRequest request) {
        PhotoSize wanted;
        try {
            wanted = PhotoSize.of(size);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("size", e.getMessage());
        }
        MemberView member = members.visible(caller, id);
        if (member.photo() == null) {
            throw new NotFoundException("photo-not-found", "Member " + id + " has no photo.");
        }
        String etag = "\"" + member.photo().id() + "-" + wanted.value() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        byte[] content = store.load(id, member.photo().id(), wanted)
                .orElseThrow(() -> new NotFoundException("photo-not-found", "Member " + id + " has no photo."));
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(MediaType.IMAGE_JPEG).body(content);
    }

    @DeleteMapping
    @PreAuthorize(MemberRoles.EDITORS)
    @Operation(summary = "Remove the member's photo")
    ResponseEntity<MemberView> remove(@PathVariable UUID id, Caller caller) {
        members.active(caller, id);
        commands.sendAndWait(new RemovePhoto(id));
        return members.afterChange(caller, id);
    }
}
