-- IAM roles and policies, a role's attached and inline policies, CloudWatch
-- log groups and flow logs. IAM is global: its tables have an owner and no
-- region. Roles, policies and log groups are keyed by their ARN, which
-- holds the account, so their tags are unique across accounts; names are
-- unique per account (per account and region for log groups), without
-- regard to case for IAM.

CREATE TABLE IF NOT EXISTS iam_roles (
    arn                  TEXT PRIMARY KEY,
    owner_id             TEXT NOT NULL,
    name                 TEXT NOT NULL,
    path                 TEXT NOT NULL,
    unique_id            TEXT NOT NULL UNIQUE,
    assume_role_policy   TEXT NOT NULL,
    description          TEXT NOT NULL,
    max_session_duration INTEGER NOT NULL,
    permissions_boundary TEXT NOT NULL,
    create_date          TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS iam_roles_name ON iam_roles (owner_id, LOWER(name));

CREATE TABLE IF NOT EXISTS iam_policies (
    arn         TEXT PRIMARY KEY,
    owner_id    TEXT NOT NULL,
    name        TEXT NOT NULL,
    path        TEXT NOT NULL,
    policy_id   TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    document    TEXT NOT NULL,
    create_date TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS iam_policies_name ON iam_policies (owner_id, LOWER(name));

-- An attached policy is AWS's (no row) or the account's, which cannot be
-- deleted while attached.
CREATE TABLE IF NOT EXISTS iam_role_policy_attachments (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT NOT NULL,
    role_arn   TEXT NOT NULL REFERENCES iam_roles (arn),
    policy_arn TEXT NOT NULL,
    UNIQUE (role_arn, policy_arn)
);
CREATE INDEX IF NOT EXISTS iam_role_policy_attachments_policy ON iam_role_policy_attachments (policy_arn);

CREATE TABLE IF NOT EXISTS iam_role_policies (
    id       TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    role_arn TEXT NOT NULL REFERENCES iam_roles (arn),
    name     TEXT NOT NULL,
    document TEXT NOT NULL,
    UNIQUE (role_arn, name)
);

CREATE TABLE IF NOT EXISTS log_groups (
    arn               TEXT PRIMARY KEY,
    owner_id          TEXT NOT NULL,
    region            TEXT NOT NULL,
    name              TEXT NOT NULL,
    retention_in_days INTEGER NOT NULL,
    kms_key_id        TEXT NOT NULL,
    log_group_class   TEXT NOT NULL,
    creation_time     TEXT NOT NULL,
    UNIQUE (owner_id, region, name)
);

-- A flow log names a VPC, subnet, network interface or transit gateway by
-- ID; the VPC's or subnet's delete takes its flow logs with it.
CREATE TABLE IF NOT EXISTS flow_logs (
    id                         TEXT PRIMARY KEY,
    owner_id                   TEXT NOT NULL,
    region                     TEXT NOT NULL,
    resource_id                TEXT NOT NULL,
    resource_type              TEXT NOT NULL,
    traffic_type               TEXT NOT NULL,
    log_destination_type       TEXT NOT NULL,
    log_destination            TEXT NOT NULL,
    iam_role_arn               TEXT NOT NULL,
    log_format                 TEXT NOT NULL,
    max_aggregation_interval   INTEGER NOT NULL CHECK (max_aggregation_interval IN (60, 600)),
    file_format                TEXT NOT NULL,
    hive_compatible_partitions {{.Boolean}} NOT NULL,
    per_hour_partition         {{.Boolean}} NOT NULL,
    deliver_cross_account_role TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS flow_logs_scope ON flow_logs (owner_id, region);
CREATE INDEX IF NOT EXISTS flow_logs_resource ON flow_logs (resource_id);

{{deleteTagsWith "iam_roles" "arn"}}
{{deleteTagsWith "iam_policies" "arn"}}
{{deleteTagsWith "log_groups" "arn"}}
{{deleteTagsWith "flow_logs" "id"}}
