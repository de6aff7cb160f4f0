import type { Metadata } from "next";
import { ConfirmActionButton } from "@/components/settings/confirm-action-button";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { InviteForm } from "@/components/settings/invite-form";
import { PasswordForm } from "@/components/settings/password-form";
import { RoleSelect } from "@/components/settings/role-select";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { DescriptionList, Panel } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/relative-time";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/session";
import { INVITATION_LIFETIME_MS, listPendingInvitations } from "@/lib/team/invitations";
import { listMembers } from "@/lib/team/members";
import {
  changePasswordAction,
  changeRoleAction,
  createTokenAction,
  inviteAction,
  removeMemberAction,
  revokeInvitationAction,
  revokeTokenAction,
} from "./actions";

export const metadata: Metadata = { title: "Settings" };

const TH = "px-3 py-2 text-left font-medium";
const TD = "px-3 py-2";

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await requireUser();
  const passwordChanged = (await searchParams).password === "changed";
  const isAdmin = user.role === "admin";
  const [tokens, members, invitations] = await Promise.all([listApiTokens(user.id), listMembers(), isAdmin ? listPendingInvitations() : Promise.resolve([])]);

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
                { label: "Role", value: <Badge tone={isAdmin ? "violet" : "neutral"}>{user.role}</Badge> },
              ]}
              />
            </div>
            <div>
              <h3 className="mb-3 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Change password</h3>
              {passwordChanged && (
                <div className="mb-3">
                  <Alert tone="success">Password changed. Your other sessions were signed out.</Alert>
                </div>
              )}
              <PasswordForm action={changePasswordAction} minLength={MIN_PASSWORD_LENGTH} />
            </div>
          </div>
        </Panel>

        <Panel title="Personal API tokens">
          <div className="space-y-4">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              For scripts that call <code className="font-mono text-xs">/api/*</code> as you: send <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>.
              A token is shown once when created and stored only as a hash. The server&apos;s <code className="font-mono text-xs">INBOX_API_TOKEN</code> keeps working
              for automation that acts for the whole instance, independent of these tokens.
            </p>
            <CreateTokenForm action={createTokenAction} />
            {tokens.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">You have no personal tokens yet.</p>
            ) : (
              <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
                <table className="w-full text-sm">
                  <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
                    <tr>
                      <th scope="col" className={TH}>Name</th>
                      <th scope="col" className={TH}>Starts with</th>
                      <th scope="col" className={TH}>Created</th>
                      <th scope="col" className={TH}>Last used</th>
                      <th scope="col" className={TH}>Status</th>
                      <th scope="col" className={TH}><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                    {tokens.map((token) => (
                      <tr key={token.id} data-testid="token-row">
                        <td className={`${TD} font-medium text-zinc-900 dark:text-zinc-100`}>{token.name}</td>
                        <td className={`${TD} font-mono text-xs text-zinc-600 dark:text-zinc-400`}>{token.tokenPrefix}…</td>
                        <td className={`${TD} text-xs text-zinc-600 dark:text-zinc-400`}><RelativeTime iso={token.createdAt.toISOString()} /></td>
                        <td className={`${TD} text-xs text-zinc-600 dark:text-zinc-400`}>{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt.toISOString()} /> : "never"}</td>
                        <td className={TD}>{token.revokedAt ? <Badge tone="neutral">revoked</Badge> : <Badge tone="green" dot>active</Badge>}</td>
                        <td className={`${TD} text-right`}>
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
                  </tbody>
                </table>
              </div>
            )}
          </div>
        </Panel>

        <Panel title="Team">
          <div className="space-y-4">
            {isAdmin ? (
              <InviteForm action={inviteAction} lifetimeDays={INVITATION_LIFETIME_MS / 86_400_000} />
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">Everyone sees the same endpoints and events. Admins invite teammates and manage roles.</p>
            )}
            <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
              <table className="w-full text-sm">
                <caption className="sr-only">Members</caption>
                <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
                  <tr>
                    <th scope="col" className={TH}>Name</th>
                    <th scope="col" className={TH}>Email</th>
                    <th scope="col" className={TH}>Role</th>
                    <th scope="col" className={TH}>Joined</th>
                    {isAdmin && <th scope="col" className={TH}><span className="sr-only">Actions</span></th>}
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                  {members.map((member) => {
                    const isSelf = member.id === user.id;
                    return (
                      <tr key={member.id} data-testid="member-row">
                        <td className={`${TD} font-medium text-zinc-900 dark:text-zinc-100`}>
                          {member.name}
                          {isSelf && <span className="ml-2 text-xs font-normal text-zinc-500 dark:text-zinc-400">(you)</span>}
                        </td>
                        <td className={`${TD} text-zinc-700 dark:text-zinc-300`}>{member.email}</td>
                        <td className={TD}>
                          {isAdmin && !isSelf ? (
                            <RoleSelect role={member.role} memberLabel={member.email} change={changeRoleAction.bind(null, member.id)} />
                          ) : (
                            <Badge tone={member.role === "admin" ? "violet" : "neutral"}>{member.role}</Badge>
                          )}
                        </td>
                        <td className={`${TD} text-xs text-zinc-600 dark:text-zinc-400`}><RelativeTime iso={member.createdAt.toISOString()} /></td>
                        {isAdmin && (
                          <td className={`${TD} text-right`}>
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
                </tbody>
              </table>
            </div>
            {isAdmin && invitations.length > 0 && (
              <div>
                <h3 className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Pending invitations</h3>
                <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
                  {invitations.map((invitation) => (
                    <li key={invitation.id} data-testid="invitation-row" className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                      <span className="flex items-center gap-2">
                        <span className="text-zinc-900 dark:text-zinc-100">{invitation.email}</span>
                        <Badge tone={invitation.role === "admin" ? "violet" : "neutral"}>{invitation.role}</Badge>
                        <span className="text-xs text-zinc-500 dark:text-zinc-400">
                          by {invitation.invitedBy}, expires <RelativeTime iso={invitation.expiresAt.toISOString()} />
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
      </div>
    </>
  );
}
