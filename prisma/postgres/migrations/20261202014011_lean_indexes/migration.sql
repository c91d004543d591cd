-- DropIndex
DROP INDEX "Application_jobId_status_idx";

-- DropIndex
DROP INDEX "AuditEvent_subjectType_subjectId_idx";

-- DropIndex
DROP INDEX "QueueJob_queue_singletonKey_state_idx";

-- DropIndex
DROP INDEX "QueueJob_state_lockedUntil_idx";

-- DropIndex
DROP INDEX "Score_applicationId_createdAt_idx";
