package org.citygrid.org.web;

import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.citygrid.org.internal.Accounts;
import org.citygrid.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who am I: the signed-in account, and changing its password. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me")
class MeApi {

    private final Accounts accounts;

    MeApi(Accounts accounts) {
        this.accounts = accounts;
    }

    record Me(String username, String displayName, Set<String> roles, String departmentCode) {
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 128) String newPassword) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The signed-in account: username, display name, roles, department")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        return new Me(user.username(), user.displayName(), new TreeSet<>(user.roles()), user.departmentCode());
    }

    @PostMapping("/password")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change my password (needs the current one)")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal CurrentUser user,
                                        @Valid @RequestBody PasswordChange change) {
        accounts.changePassword(user.username(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }
}
