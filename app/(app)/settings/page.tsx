import type { Metadata } from "next";
import { ConfirmActionButton } from "@/components/settings/confirm-action-button";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { InviteForm } from "@/components/settings/invite-form";
import { PasswordForm } from "@/components/settings/password-form";
import { RoleSelect } from "@/components/settings/role-select";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { formatSize } from "@/components/ui/format-size";
import { DescriptionList, Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, type Column } from "@/components/ui/table";
import { listApiTokens } from "@/lib/auth/data";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getDatabaseSize } from "@/lib/usage/data";
import { listMembers, listPendingInvitations } from "@/lib/team/data";
import { INVITATION_LIFETIME_MS } from "@/lib/team/invitations";
import {
  changePasswordAction,
  changeRoleAction,
  createTokenAction,
  inviteAction,
  removeMemberAction,
  revokeInvitationAction,
  revokeTokenAction,
} from "./actions";
import { AuditLogSection } from "./audit-log-section";

export const metadata: Metadata = { title: "Settings" };

const ACTIONS_COLUMN: Column = { label: "Actions", hideLabel: true };
const TOKEN_COLUMNS: Column[] = [
  { label: "Name" },
  { label: "Starts with" },
  { label: "Created" },
  { label: "Last used" },
  { label: "Status" },
  ACTIONS_COLUMN,
];
const MEMBER_COLUMNS: Column[] = [
  { label: "Name" },
  { label: "Email" },
  { label: "Role" },
  { label: "Joined" },
];

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ password?: string; audit?: string }>;
}) {
  const user = await requireUser();
  const { password, audit } = await searchParams;
  const passwordChanged = password === "changed";
  const isAdmin = user.role === "admin";
  const [tokens, members, invitations, databaseBytes] = await Promise.all([
    listApiTokens(user.id),
    listMembers(),
    isAdmin ? listPendingInvitations() : Promise.resolve([]),
    getDatabaseSize(),
  ]);
  const env = getEnv();

  return (
    <>
      <PageHeader title="Settings" description="Your account, your API tokens, and the team." />
      <div className="space-y-5">
        <Panel title="Your account">
          <div className="grid gap-6 md:grid-cols-2">
            <div className="self-start">
              <DescriptionList
                items={[
                  { label: "Name", value: user.name },
                  { label: "Email", value: user.email },
                  {
                    label: "Role",
                    value: <Badge tone={isAdmin ? "violet" : "neutral"}>{user.role}</Badge>,
                  },
                ]}
              />
            </div>
            <div>
              <h3 className="mb-3 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
                Change password
              </h3>
              {passwordChanged && (
                <div className="mb-3">
                  <Alert tone="success">
                    Password changed. Your other sessions were signed out.
                  </Alert>
                </div>
              )}
              <PasswordForm action={changePasswordAction} minLength={MIN_PASSWORD_LENGTH} />
            </div>
          </div>
        </Panel>

        <Panel title="Data and retention">
          <div className="space-y-3">
            <DescriptionList
              items={[
                {
                  label: "Database size",
                  value: (
                    <span data-testid="database-size" className="tabular-nums">
                      {formatSize(databaseBytes)}
                    </span>
                  ),
                },
                {
                  label: "Deliveries kept",
                  value: `${env.INBOX_RETENTION_DAYS} days (INBOX_RETENTION_DAYS), unless an endpoint says otherwise`,
                },
                {
                  label: "Failed verification",
                  value: `${env.INBOX_FAILED_RETENTION_DAYS} days (INBOX_FAILED_RETENTION_DAYS), or the endpoint's window if shorter`,
                },
              ]}
            />
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Older deliveries are deleted every hour, with their events, jobs, forwarding attempts,
              polls and alerts. Each endpoint&apos;s page sets its own window or keeps everything;
              the Endpoints list shows what each stores. To keep a copy, use Download on the Inbox
              or <code className="font-mono text-xs">webhook-inbox export</code>.
            </p>
          </div>
        </Panel>

        <Panel title="Personal API tokens">
          <div className="space-y-4">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              For scripts that call <code className="font-mono text-xs">/api/*</code> as you: send{" "}
              <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. A
              token is shown once when created and stored only as a hash. The server&apos;s{" "}
              <code className="font-mono text-xs">INBOX_API_TOKEN</code> keeps working for
              automation that acts for the whole instance, independent of these tokens.
            </p>
            <CreateTokenForm action={createTokenAction} />
            {tokens.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">
                You have no personal tokens yet.
              </p>
            ) : (
              <Table caption="Personal API tokens" columns={TOKEN_COLUMNS}>
                {tokens.map((token) => (
                  <tr key={token.id} data-testid="token-row">
                    <td className="font-medium text-zinc-900 dark:text-zinc-100">{token.name}</td>
                    <td className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                      {token.tokenPrefix}…
                    </td>
                    <td className="text-xs text-zinc-600 dark:text-zinc-400">
                      <RelativeTime iso={token.createdAt.toISOString()} />
                    </td>
                    <td className="text-xs text-zinc-600 dark:text-zinc-400">
                      {token.lastUsedAt ? (
                        <RelativeTime iso={token.lastUsedAt.toISOString()} />
                      ) : (
                        "never"
                      )}
                    </td>
                    <td>
                      {token.revokedAt ? (
                        <Badge tone="neutral">revoked</Badge>
                      ) : (
                        <Badge tone="green" dot>
                          active
                        </Badge>
                      )}
                    </td>
                    <td className="text-right">
                      {!token.revokedAt && (
                        <ConfirmActionButton
                          label="Revoke"
                          accessibleName={`Revoke token ${token.name}`}
                          confirm={`Revoke “${token.name}”? Scripts using it get 401 from now on.`}
                          action={revokeTokenAction.bind(null, token.id)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </div>
        </Panel>

        <Panel title="Team">
          <div className="space-y-4">
            {isAdmin ? (
              <InviteForm
                action={inviteAction}
                lifetimeDays={INVITATION_LIFETIME_MS / 86_400_000}
              />
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Everyone sees the same endpoints and events. Admins invite teammates and manage
                roles.
              </p>
            )}
            <Table
              caption="Members"
              columns={isAdmin ? [...MEMBER_COLUMNS, ACTIONS_COLUMN] : MEMBER_COLUMNS}
            >
              {members.map((member) => {
                const isSelf = member.id === user.id;
                return (
                  <tr key={member.id} data-testid="member-row">
                    <td className="font-medium text-zinc-900 dark:text-zinc-100">
                      {member.name}
                      {isSelf && (
                        <span className="ml-2 text-xs font-normal text-zinc-500 dark:text-zinc-400">
                          (you)
                        </span>
                      )}
                    </td>
                    <td className="text-zinc-700 dark:text-zinc-300">{member.email}</td>
                    <td>
                      {isAdmin && !isSelf ? (
                        <RoleSelect
                          role={member.role}
                          memberLabel={member.email}
                          change={changeRoleAction.bind(null, member.id)}
                        />
                      ) : (
                        <Badge tone={member.role === "admin" ? "violet" : "neutral"}>
                          {member.role}
                        </Badge>
                      )}
                    </td>
                    <td className="text-xs text-zinc-600 dark:text-zinc-400">
                      <RelativeTime iso={member.createdAt.toISOString()} />
                    </td>
                    {isAdmin && (
                      <td className="text-right">
                        {!isSelf && (
                          <ConfirmActionButton
                            label="Remove"
                            accessibleName={`Remove ${member.email}`}
                            confirm={`Remove ${member.email}? Their sessions and API tokens stop working at once.`}
                            action={removeMemberAction.bind(null, member.id)}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </Table>
            {isAdmin && invitations.length > 0 && (
              <div>
                <h3 className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
                  Pending invitations
                </h3>
                <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
                  {invitations.map((invitation) => (
                    <li
                      key={invitation.id}
                      data-testid="invitation-row"
                      className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
                    >
                      <span className="flex items-center gap-2">
                        <span className="text-zinc-900 dark:text-zinc-100">{invitation.email}</span>
                        <Badge tone={invitation.role === "admin" ? "violet" : "neutral"}>
                          {invitation.role}
                        </Badge>
                        <span className="text-xs text-zinc-500 dark:text-zinc-400">
                          by {invitation.invitedBy}, expires{" "}
                          <RelativeTime iso={invitation.expiresAt.toISOString()} />
                        </span>
                      </span>
                      <ConfirmActionButton
                        label="Revoke"
                        accessibleName={`Revoke invitation for ${invitation.email}`}
                        confirm={`Revoke the invitation for ${invitation.email}? The link stops working.`}
                        action={revokeInvitationAction.bind(null, invitation.id)}
                      />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </Panel>

        {isAdmin && <AuditLogSection cursor={audit} />}
      </div>
    </>
  );
}
