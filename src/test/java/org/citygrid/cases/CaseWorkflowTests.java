package org.citygrid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citygrid.cases.CaseFixtures.*;

import java.util.List;

import org.citygrid.calendar.TimeUnit;
import org.citygrid.org.Role;
import org.citygrid.platform.DomainException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The paths of shared/domain/WORKFLOW.md, each step by the role that owns it. */
class CaseWorkflowTests {

    @Nested
    class TheMainLoop {

        @Test
        void aSupervisorReportIsAcceptedWithoutVerificationAndRunsToClosure() {
            var c = inProgressAtWater();
            c.feedback(WATER, monday(10, 0), "已更换井盖", "照片稍后补", null, CLOCKS);
            c.sendCheck(OPERATOR, monday(10, 5), "supervisor1", null, CLOCKS);
            c.check(SUPERVISOR, monday(10, 30), true, "现场已修复", CLOCKS);
            c.close(SHIFT_LEAD, monday(10, 40), null, CLOCKS);

            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(c.timeline()).extracting(TimelineEntry::action).containsExactly(CaseAction.REPORT,
                    CaseAction.ACCEPT, CaseAction.FILE, CaseAction.DISPATCH, CaseAction.RECEIVE, CaseAction.FEEDBACK,
                    CaseAction.SEND_CHECK, CaseAction.CHECK, CaseAction.CLOSE);
            assertThat(c.assignments()).singleElement().extracting(Assignment::outcome)
                    .isEqualTo(Assignment.Outcome.COMPLETED);
            assertThat(c.stages()).allMatch(s -> !s.isOpen());
            assertThat(c.closedAt()).isEqualTo(monday(10, 40));
        }

        @Test
        void everyStepWritesWhoWhenAndTheStatesBeforeAndAfter() {
            var c = dispatchedToWater();
            var dispatch = c.timeline().get(3);
            assertThat(dispatch.occurredAt()).isEqualTo(monday(9, 0));
            assertThat(dispatch.actor()).isEqualTo("dispatcher1");
            assertThat(dispatch.fromStatus()).isEqualTo(CaseStatus.PENDING_DISPATCH);
            assertThat(dispatch.toStatus()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(c.timeline().getFirst().fromStatus()).isNull();
        }

        @Test
        void everyTransitionRegistersOneSmallEvent() {
            var c = dispatchedToWater();
            var events = c.events();
            assertThat(events.getFirst()).isInstanceOf(CaseReported.class);
            assertThat(events).hasSize(4);
            var dispatched = (CaseTransitioned) events.getLast();
            assertThat(dispatched.action()).isEqualTo(CaseAction.DISPATCH);
            assertThat(dispatched.from()).isEqualTo(CaseStatus.PENDING_DISPATCH);
            assertThat(dispatched.to()).isEqualTo(CaseStatus.DISPATCHED);
            assertThat(dispatched.departmentCode()).isEqualTo("water");
            assertThat(dispatched.at()).isEqualTo(monday(9, 0));
        }

        @Test
        void aHotlineReportIsVerifiedByTheTaskedSupervisorBeforeFiling() {
            var c = hotlineReport(monday(9, 0));
            c.sendVerify(OPERATOR, monday(9, 5), "supervisor2", null, CLOCKS);
            c.verify(OTHER_SUPERVISOR, monday(9, 40), true, "属实", CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.PENDING_FILING);
        }

        @Test
        void aReportNotFoundOnSiteIsNotFiled() {
            var c = hotlineReport(monday(9, 0));
            c.sendVerify(OPERATOR, monday(9, 5), "supervisor2", null, CLOCKS);
            c.verify(OTHER_SUPERVISOR, monday(9, 40), false, "现场未发现", CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.NOT_FILED);
            assertThat(c.status().isOpen()).isFalse();
        }
    }

    @Nested
    class SidePaths {

        @Test
        void anApprovedReturnEndsTheAssignmentAndReDispatchIsANewAssignment() {
            var c = inProgressAtWater();
            c.requestReturn(WATER, monday(9, 20), "不属于供水管辖", null, CLOCKS);
            c.approveReturn(DISPATCHER, monday(9, 30), null, CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.PENDING_DISPATCH);
            assertThat(c.departmentCode()).isNull();

            c.dispatch(DISPATCHER, monday(10, 0), "gas", null, CLOCKS);
            assertThat(c.assignments()).extracting(Assignment::departmentCode, Assignment::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("water", Assignment.Outcome.RETURNED),
                    org.assertj.core.groups.Tuple.tuple("gas", Assignment.Outcome.ACTIVE));
            assertThat(c.handleDeadline()).contains(monday(12, 0));
            c.receive(GAS, monday(10, 5), null, CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        }

        @Test
        void aDeniedReturnLeavesTheCaseWithTheDepartment() {
            var c = inProgressAtWater();
            c.requestReturn(WATER, monday(9, 20), "不属于供水管辖", null, CLOCKS);
            c.denyReturn(DISPATCHER, monday(9, 30), "属于供水", CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(c.departmentCode()).isEqualTo("water");
            assertThat(c.requests()).singleElement().extracting(CaseRequest::decision)
                    .isEqualTo(CaseRequest.Decision.DENIED);
        }

        @Test
        void anApprovedExtensionAddsTheAmountToTheCurrentDeadline() {
            var c = inProgressAtWater();
            c.requestExtension(WATER, monday(10, 0), 3, TimeUnit.WORK_HOURS, "需要停水施工", null, CLOCKS);
            c.approveExtension(DISPATCHER, monday(10, 30), null, null, null, CLOCKS);
            // 11:00 + 3 working hours: 11:00–12:00, then 14:00–16:00
            assertThat(c.handleDeadline()).contains(monday(16, 0));
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        }

        @Test
        void theDispatcherMayGrantAnotherAmountThanAsked() {
            var c = inProgressAtWater();
            c.requestExtension(WATER, monday(10, 0), 3, TimeUnit.WORK_HOURS, "需要停水施工", null, CLOCKS);
            c.approveExtension(DISPATCHER, monday(10, 30), 1, TimeUnit.WORK_DAYS, null, CLOCKS);
            // the end of the first working day after Monday: Tuesday 18:00
            assertThat(c.handleDeadline()).contains(local(11, 24, 18, 0));
        }

        @Test
        void anExtensionOfNothingOrOfAbsurdLengthIsRefused() {
            var c = inProgressAtWater();
            assertThatThrownBy(() -> c.requestExtension(WATER, monday(10, 0), 0, TimeUnit.WORK_HOURS, "r", null,
                    CLOCKS)).isInstanceOf(DomainException.Invalid.class);
            c.requestExtension(WATER, monday(10, 0), 1, TimeUnit.WORK_HOURS, "r", null, CLOCKS);
            assertThatThrownBy(() -> c.approveExtension(DISPATCHER, monday(10, 5), -3, null, null, CLOCKS))
                    .isInstanceOf(DomainException.Invalid.class);
            assertThat(c.pending(CaseRequest.Kind.EXTENSION)).isPresent();
            assertThat(c.handleDeadline()).contains(monday(11, 0));
        }

        @Test
        void anExtensionMustBeAskedBeforeTheDeadline() {
            var c = inProgressAtWater();
            assertThatThrownBy(() -> c.requestExtension(WATER, monday(11, 1), 1, TimeUnit.WORK_HOURS, "晚了", null,
                    CLOCKS)).isInstanceOf(DomainException.Conflict.class).hasMessageContaining("too-late");
        }

        @Test
        void parkingPausesHandleAndTheParkedWorkingTimeIsAddedBack() {
            var c = inProgressAtWater();
            c.requestPark(WATER, monday(9, 30), "等待审批", null, CLOCKS);
            c.approvePark(DISPATCHER, monday(10, 0), null, CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.PARKED);
            assertThat(c.status().category()).isEqualTo(CaseStatus.Category.SUSPENDED);
            c.resume(DISPATCHER, monday(15, 0), null, CLOCKS);
            // parked 10:00–15:00 = 3 working hours (10–12, 14–15); 11:00 + 3 working hours = 16:00
            assertThat(c.handleDeadline()).contains(monday(16, 0));
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        }

        @Test
        void aParkedCaseIsNotOverdueWhileItsClockStandsStill() {
            var c = inProgressAtWater();
            c.requestPark(WATER, monday(9, 30), "等待审批", null, CLOCKS);
            c.approvePark(DISPATCHER, monday(10, 0), null, CLOCKS);
            var handle = c.stages().stream().filter(s -> s.stage() == Stage.HANDLE).findFirst().orElseThrow();
            assertThat(handle.isRunning()).isFalse();
            assertThat(handle.isOverdue(local(11, 25, 10, 0))).isFalse();
            assertThat(c.light(local(11, 25, 10, 0), CLOCKS.calculator())).isEqualTo(Light.GREEN);
        }

        @Test
        void aFailedCheckIsReworkWithTheSameDepartmentAndTheSameDeadline() {
            var c = inProgressAtWater();
            c.feedback(WATER, monday(10, 30), "已处理", "无照片", null, CLOCKS);
            c.sendCheck(OPERATOR, monday(10, 40), "supervisor1", null, CLOCKS);
            c.check(SUPERVISOR, monday(11, 30), false, "未修复", CLOCKS);

            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(c.departmentCode()).isEqualTo("water");
            assertThat(c.handleDeadline()).contains(monday(11, 0));
            assertThat(c.light(monday(11, 30), CLOCKS.calculator())).isEqualTo(Light.RED);
            assertThat(c.stages().stream().filter(s -> s.stage() == Stage.HANDLE)).hasSize(1);
        }

        @Test
        void voidingNeedsARequestAndTheShiftLeadsApproval() {
            var c = inProgressAtWater();
            c.requestVoid(WATER, monday(9, 30), "重复上报", null, CLOCKS);
            c.approveVoid(SHIFT_LEAD, monday(9, 40), null, CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.VOIDED);
            assertThat(c.assignments()).singleElement().extracting(Assignment::outcome)
                    .isEqualTo(Assignment.Outcome.VOIDED);
            assertThat(c.stages()).noneMatch(StageClock::isOpen);
        }

        @Test
        void aDeniedVoidLeavesTheCaseAsItWas() {
            var c = inProgressAtWater();
            c.requestVoid(WATER, monday(9, 30), "重复上报", null, CLOCKS);
            c.denyVoid(SHIFT_LEAD, monday(9, 40), null, CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        }

        @Test
        void mergingIntoAnOpenParentMakesTheChildNotFiledAsADuplicate() {
            var c = hotlineReport(monday(9, 0));
            c.merge(OPERATOR, monday(9, 5), new CaseId(42), null, CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.NOT_FILED);
            assertThat(c.parent()).contains(new CaseId(42));
            assertThat(c.timeline().getLast().reason()).isEqualTo("DUPLICATE");
        }

        @Test
        void aSelfHandledReportGoesFromAcceptStraightToClosingAndIsNeverDispatched() {
            var c = Case.report(report(Channel.SUPERVISOR, false, true), SUPERVISOR, "2026112300003", monday(9, 0),
                    CLOCKS);
            c.accept(OPERATOR, monday(9, 5), null, CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.PENDING_CLOSE);
            c.close(SHIFT_LEAD, monday(9, 10), null, CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(c.assignments()).isEmpty();
        }

        @Test
        void onlyASupervisorReportMayBeSelfHandled() {
            assertThatThrownBy(() -> Case.report(report(Channel.HOTLINE, false, true), OPERATOR, "n", monday(9, 0),
                    CLOCKS)).isInstanceOf(DomainException.Invalid.class);
        }

        @Test
        void urgingWritesANoteWithoutChangingTheState() {
            var c = inProgressAtWater();
            c.urge(LEADER, monday(9, 30), "请尽快处理", CLOCKS);
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(c.timeline().getLast().note()).isEqualTo("请尽快处理");
            assertThat(c.timeline().getLast().fromStatus()).isEqualTo(c.timeline().getLast().toStatus());
        }

        @Test
        void aPendingRequestIsWithdrawnWhenTheCaseMovesOnWithoutIt() {
            var c = inProgressAtWater();
            c.requestPark(WATER, monday(9, 20), "等待", null, CLOCKS);
            c.requestReturn(WATER, monday(9, 25), "非本部门", null, CLOCKS);
            c.approveReturn(DISPATCHER, monday(9, 30), null, CLOCKS);
            assertThat(c.pending(CaseRequest.Kind.PARK)).isEmpty();
            assertThat(c.requests()).extracting(CaseRequest::decision)
                    .containsExactly(CaseRequest.Decision.WITHDRAWN, CaseRequest.Decision.APPROVED);
        }
    }

    @Nested
    class MissingFields {

        @Test
        void rejectingNeedsAReason() {
            var c = hotlineReport(monday(9, 0));
            assertThatThrownBy(() -> c.reject(OPERATOR, monday(9, 5), " ", null, CLOCKS))
                    .isInstanceOfSatisfying(DomainException.Invalid.class, e -> assertThat(e.field()).isEqualTo("reason"));
        }

        @Test
        void rejectsFeedbackWithoutPhotoOrReason() {
            var c = inProgressAtWater();
            assertThatThrownBy(() -> c.feedback(WATER, monday(10, 0), "已处理", null, List.of(), CLOCKS))
                    .isInstanceOfSatisfying(DomainException.Invalid.class,
                            e -> assertThat(e.fields()).containsExactly("reason", "attachmentIds"));
            assertThatThrownBy(() -> c.feedback(WATER, monday(10, 0), null, "无照片", null, CLOCKS))
                    .isInstanceOfSatisfying(DomainException.Invalid.class, e -> assertThat(e.field()).isEqualTo("note"));
            assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        }

        @Test
        void dispatchNeedsADepartment() {
            var c = supervisorReport(monday(9, 0));
            c.accept(OPERATOR, monday(9, 1), null, CLOCKS);
            c.file(SHIFT_LEAD, monday(9, 2), null, null, CLOCKS);
            assertThatThrownBy(() -> c.dispatch(DISPATCHER, monday(9, 3), null, null, CLOCKS))
                    .isInstanceOf(DomainException.Invalid.class);
            assertThat(c.status()).isEqualTo(CaseStatus.PENDING_DISPATCH);
            assertThat(c.assignments()).isEmpty();
        }

        @Test
        void requestsForReturnParkingAndVoidingNeedAReason() {
            var c = inProgressAtWater();
            assertThatThrownBy(() -> c.requestReturn(WATER, monday(9, 30), null, null, CLOCKS))
                    .isInstanceOf(DomainException.Invalid.class);
            assertThatThrownBy(() -> c.requestPark(WATER, monday(9, 30), "", null, CLOCKS))
                    .isInstanceOf(DomainException.Invalid.class);
            assertThatThrownBy(() -> c.requestVoid(WATER, monday(9, 30), null, null, CLOCKS))
                    .isInstanceOf(DomainException.Invalid.class);
            assertThat(c.requests()).isEmpty();
        }
    }

    @Nested
    class RoleRules {

        @Test
        void onlyTheTaskedSupervisorMayVerify() {
            var c = hotlineReport(monday(9, 0));
            c.sendVerify(OPERATOR, monday(9, 5), "supervisor2", null, CLOCKS);
            assertThatThrownBy(() -> c.verify(SUPERVISOR, monday(9, 40), true, null, CLOCKS))
                    .isInstanceOf(DomainException.Forbidden.class).hasMessageContaining("not-tasked");
        }

        @Test
        void onlyTheTaskedSupervisorMayCheckAndOnlyAfterTheTaskIsSent() {
            var c = inProgressAtWater();
            c.feedback(WATER, monday(10, 0), "已处理", "无照片", null, CLOCKS);
            assertThatThrownBy(() -> c.check(SUPERVISOR, monday(10, 5), true, null, CLOCKS))
                    .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("not-sent");
            c.sendCheck(OPERATOR, monday(10, 5), "supervisor1", null, CLOCKS);
            assertThatThrownBy(() -> c.check(OTHER_SUPERVISOR, monday(10, 10), true, null, CLOCKS))
                    .isInstanceOf(DomainException.Forbidden.class);
        }

        @Test
        void aHandlerActsOnlyForTheirOwnDepartment() {
            var c = dispatchedToWater();
            assertThatThrownBy(() -> c.receive(GAS, monday(9, 10), null, CLOCKS))
                    .isInstanceOf(DomainException.Forbidden.class).hasMessageContaining("other-department");
            assertThat(c.allowedActions(GAS, monday(9, 10))).isEmpty();
            assertThat(c.allowedActions(WATER, monday(9, 10))).containsExactly(CaseAction.RECEIVE,
                    CaseAction.REQUEST_RETURN, CaseAction.REQUEST_EXTENSION, CaseAction.REQUEST_VOID);
        }

        @Test
        void aWrongRoleIsForbiddenWhateverTheState() {
            var c = supervisorReport(monday(9, 0));
            assertThatThrownBy(() -> c.dispatch(OPERATOR, monday(9, 5), "water", null, CLOCKS))
                    .isInstanceOf(DomainException.Forbidden.class).hasMessageContaining("wrong-role");
            assertThatThrownBy(() -> c.accept(ADMIN, monday(9, 5), null, CLOCKS))
                    .isInstanceOf(DomainException.Forbidden.class);
        }

        @Test
        void urgingIsOnlyAfterFilingAndOnlyForDispatchersAndLeaders() {
            var c = supervisorReport(monday(9, 0));
            assertThatThrownBy(() -> c.urge(DISPATCHER, monday(9, 1), "快", CLOCKS))
                    .isInstanceOf(DomainException.Conflict.class);
            c.accept(OPERATOR, monday(9, 1), null, CLOCKS);
            c.file(SHIFT_LEAD, monday(9, 2), null, null, CLOCKS);
            c.urge(DISPATCHER, monday(9, 3), "快", CLOCKS);
            assertThatThrownBy(() -> c.urge(OPERATOR, monday(9, 3), "快", CLOCKS))
                    .isInstanceOf(DomainException.Forbidden.class);
        }

        @Test
        void onlyPeopleOnTheCaseMayAskToVoidIt() {
            var c = dispatchedToWater();
            assertThatThrownBy(() -> c.requestVoid(OTHER_SUPERVISOR, monday(9, 5), "误报", null, CLOCKS))
                    .isInstanceOf(DomainException.Forbidden.class).hasMessageContaining("not-on-case");
            c.requestVoid(SUPERVISOR, monday(9, 5), "误报", null, CLOCKS);
            assertThat(c.pending(CaseRequest.Kind.VOID)).isPresent();
        }

        @Test
        void aDecisionNeedsARequestToDecide() {
            var c = inProgressAtWater();
            assertThatThrownBy(() -> c.approveReturn(DISPATCHER, monday(9, 30), null, CLOCKS))
                    .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("none-pending");
            assertThat(c.allowedActions(DISPATCHER, monday(9, 30))).doesNotContain(CaseAction.APPROVE_RETURN,
                    CaseAction.DENY_RETURN, CaseAction.APPROVE_PARK, CaseAction.APPROVE_EXTENSION);
        }

        @Test
        void aRequestMayNotBeAskedTwiceWhileTheFirstWaits() {
            var c = inProgressAtWater();
            c.requestPark(WATER, monday(9, 30), "等待", null, CLOCKS);
            assertThatThrownBy(() -> c.requestPark(WATER, monday(9, 31), "等待", null, CLOCKS))
                    .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("already-pending");
            assertThat(c.allowedActions(DISPATCHER, monday(9, 31))).contains(CaseAction.APPROVE_PARK,
                    CaseAction.DENY_PARK, CaseAction.URGE);
        }

        @Test
        void aSupervisorReportsOnlyThroughTheSupervisorChannel() {
            assertThatThrownBy(() -> Case.report(report(Channel.HOTLINE, false, false), SUPERVISOR, "n",
                    monday(9, 0), CLOCKS)).isInstanceOf(DomainException.Forbidden.class);
            assertThatThrownBy(() -> Case.report(report(Channel.SUPERVISOR, false, false), OPERATOR, "n",
                    monday(9, 0), CLOCKS)).isInstanceOf(DomainException.Forbidden.class);
            assertThat(Case.report(report(Channel.HOTLINE, false, false),
                    Actor.of("x", null, Role.SHIFT_LEAD), "n", monday(9, 0), CLOCKS).status())
                    .isEqualTo(CaseStatus.REPORTED);
        }
    }
}
