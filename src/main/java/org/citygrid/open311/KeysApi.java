package org.citygrid.open311;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.citygrid.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The API keys of Open311 client systems (ADMIN): issue (the key is shown once), list, revoke. */
@RestController
@RequestMapping("/api/v1/open311/keys")
@Tag(name = "open311", description = "API keys of Open311 GeoReport v2 clients")
class KeysApi {

    private final ApiKeys keys;

    KeysApi(ApiKeys keys) {
        this.keys = keys;
    }

    record NewKeyRequest(@NotBlank @Size(max = 100) String name) {
    }

    record IssuedView(long id, String name, String apiKey) {
    }

    record KeyView(long id, String name, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy,
                   boolean active) {
        static KeyView of(ApiKeys.Key k) {
            return new KeyView(k.id(), k.name(), k.createdAt(), k.createdBy(), k.revokedAt(), k.revokedBy(),
                    k.active());
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Issue a key for one client system (ADMIN); the key is in this answer only")
    ResponseEntity<IssuedView> issue(@Valid @RequestBody NewKeyRequest r, @AuthenticationPrincipal CurrentUser me) {
        var issued = keys.issue(r.name(), me.username());
        return ResponseEntity.created(URI.create("/api/v1/open311/keys/" + issued.id()))
                .body(new IssuedView(issued.id(), issued.name(), issued.apiKey()));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "All keys, active first (ADMIN); never the keys themselves")
    List<KeyView> list() {
        return keys.list().stream().map(KeyView::of).toList();
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Revoke a key (ADMIN); POSTs with it get 403 from then on. Revoking twice changes nothing")
    KeyView revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
        return KeyView.of(keys.revoke(id, me.username()));
    }
}
