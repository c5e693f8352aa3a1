-- A warn action (issue 15): the moderation log takes `warn` (the outbox already does).
ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check
    CHECK (action IN ('ban', 'unban', 'timeout', 'delete', 'warn', 'treatment'));
