package org.citygrid.catalog.internal;

import org.citygrid.catalog.CatalogClass;
import org.citygrid.catalog.ClassKind;
import org.citygrid.catalog.HandleLimit;
import org.citygrid.org.OrgDirectory;
import org.citygrid.platform.DomainException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What an administrator may change about a class, with the rules that keep it consistent. */
@Service
public class CatalogAdministration {

    private final CaseClassRepository repository;
    private final CatalogReadModel readModel;
    private final OrgDirectory org;

    CatalogAdministration(CaseClassRepository repository, CatalogReadModel readModel, OrgDirectory org) {
        this.repository = repository;
        this.readModel = readModel;
        this.org = org;
    }

    /** The settings besides the limit, as an administrator sends them (all of them, replacing the old ones). */
    public record Settings(String defaultDepartmentCode, boolean urgent, String filingCriteria, String closingCriteria,
                           int duplicateRadiusMeters) {
    }

    /** Sets the handling limit; with a version, a stale one is refused (optimistic locking). */
    @Transactional
    public CatalogClass changeHandleLimit(ClassKind kind, String code, HandleLimit limit, Integer version) {
        var c = load(kind, code);
        if (version != null) {
            expect(c, version);
        }
        c.changeHandleLimit(limit);
        return saved(c);
    }

    @Transactional
    public CatalogClass changeSettings(ClassKind kind, String code, Settings settings, int version) {
        var c = load(kind, code);
        expect(c, version);
        apply(c, settings);
        return saved(c);
    }

    /** The admin page's form: the limit and the settings in one change. */
    @Transactional
    public CatalogClass change(ClassKind kind, String code, HandleLimit limit, Settings settings, int version) {
        var c = load(kind, code);
        expect(c, version);
        c.changeHandleLimit(limit);
        apply(c, settings);
        return saved(c);
    }

    /**
     * Refuses a client's stale version before changing anything. The loaded aggregate keeps its own version, so the
     * UPDATE's version check still catches a change made between this read and the write. (Copying the client's
     * version into the aggregate instead would make version 0 look like a new aggregate to Spring Data JDBC.)
     */
    private static void expect(CaseClass c, int clientVersion) {
        if (c.version() != clientVersion) {
            throw new OptimisticLockingFailureException("class " + c.kind() + " " + c.code() + " is at version "
                    + c.version() + ", not " + clientVersion);
        }
    }

    private void apply(CaseClass c, Settings s) {
        var department = s.defaultDepartmentCode() == null || s.defaultDepartmentCode().isBlank() ? null
                : s.defaultDepartmentCode().strip();
        if (department != null && !org.departmentExists(department)) {
            throw new DomainException.Invalid("defaultDepartmentCode", "catalog.department.unknown", department);
        }
        c.changeSettings(department, s.urgent(), s.filingCriteria(), s.closingCriteria(),
                s.duplicateRadiusMeters());
    }

    private CaseClass load(ClassKind kind, String code) {
        return repository.findByKindAndCode(kind, code)
                .orElseThrow(() -> new DomainException.NotFound("catalog.class.unknown", code));
    }

    /** Saves, and updates the read model once the change is committed (not before, and not if it rolls back). */
    private CatalogClass saved(CaseClass c) {
        var snapshot = repository.save(c).snapshot();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                readModel.replace(snapshot);
            }
        });
        return snapshot;
    }
}
