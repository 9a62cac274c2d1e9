-- Who holds one of the privileged directory roles (includedUserRoles='privilegedAdmin'): one row per
-- user and role template, replaced as a whole by each completed read of the roles' members.
CREATE TABLE privileged_members (
  user_id text NOT NULL,
  role_template_id text NOT NULL,
  PRIMARY KEY (user_id, role_template_id)
);
