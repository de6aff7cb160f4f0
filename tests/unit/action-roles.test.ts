// Every server action names the role it needs, first. The table below is the one list
// of actions and their roles (README "Security" > "Roles" says the same in words); this
// test reads the source of every "use server" file under app/ with the TypeScript
// compiler and fails when an exported action is missing from the table, or when its
// first statement does not call requireUserWithRole with the table's role.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";

const APP_DIR = path.resolve("app");

type ActionRole = { file: string; action: string; role: Role };

const actionRoles: ActionRole[] = [
  // Endpoints, their secrets (verification), destinations, alert channels, polling: admins
  { file: "app/(app)/endpoints/actions.ts", action: "createEndpointAction", role: "admin" },
  { file: "app/(app)/endpoints/actions.ts", action: "addSecretAction", role: "admin" },
  { file: "app/(app)/endpoints/actions.ts", action: "removeSecretAction", role: "admin" },
  { file: "app/(app)/endpoints/actions.ts", action: "updateSettingsAction", role: "admin" },
  { file: "app/(app)/endpoints/actions.ts", action: "archiveEndpointAction", role: "admin" },
  { file: "app/(app)/endpoints/actions.ts", action: "addDestinationAction", role: "admin" },
  { file: "app/(app)/endpoints/actions.ts", action: "setDestinationEnabledAction", role: "admin" },
  { file: "app/(app)/endpoints/actions.ts", action: "removeDestinationAction", role: "admin" },
  { file: "app/(app)/endpoints/alert-actions.ts", action: "addAlertChannelAction", role: "admin" },
  { file: "app/(app)/endpoints/alert-actions.ts", action: "sendTestAlertAction", role: "admin" },
  {
    file: "app/(app)/endpoints/alert-actions.ts",
    action: "setAlertChannelEnabledAction",
    role: "admin",
  },
  {
    file: "app/(app)/endpoints/alert-actions.ts",
    action: "removeAlertChannelAction",
    role: "admin",
  },
  { file: "app/(app)/endpoints/polling-actions.ts", action: "savePollingAction", role: "admin" },
  { file: "app/(app)/endpoints/polling-actions.ts", action: "clearPollingAction", role: "admin" },
  // Revealing a stored credential header value: admins
  { file: "app/(app)/events/[id]/actions.ts", action: "revealCredentialValues", role: "admin" },
  { file: "app/(app)/events/[id]/actions.ts", action: "revealCredentialValue", role: "admin" },
  // Operations: members
  { file: "app/(app)/endpoints/actions.ts", action: "sendTestCallbackAction", role: "member" },
  { file: "app/(app)/events/[id]/actions.ts", action: "replayAction", role: "member" },
  { file: "app/(app)/replays/actions.ts", action: "previewBulkReplay", role: "member" },
  { file: "app/(app)/replays/actions.ts", action: "startBulkReplayAction", role: "member" },
  { file: "app/(app)/jobs/[id]/actions.ts", action: "repollAction", role: "member" },
  { file: "app/(app)/jobs/[id]/actions.ts", action: "replayJobAction", role: "member" },
  // One's own password and tokens: anyone signed in
  { file: "app/(app)/settings/actions.ts", action: "createTokenAction", role: "viewer" },
  { file: "app/(app)/settings/actions.ts", action: "revokeTokenAction", role: "viewer" },
  { file: "app/(app)/settings/actions.ts", action: "changePasswordAction", role: "viewer" },
  // The team: admins
  { file: "app/(app)/settings/actions.ts", action: "inviteAction", role: "admin" },
  { file: "app/(app)/settings/actions.ts", action: "revokeInvitationAction", role: "admin" },
  { file: "app/(app)/settings/actions.ts", action: "changeRoleAction", role: "admin" },
  { file: "app/(app)/settings/actions.ts", action: "removeMemberAction", role: "admin" },
];

/** Actions for people who are not signed in (or are leaving): no role to check. */
const exemptActions: Array<{ file: string; action: string; why: string }> = [
  {
    file: "app/login/actions.ts",
    action: "signInAction",
    why: "signs a person in: nobody is signed in yet",
  },
  {
    file: "app/login/actions.ts",
    action: "signOutAction",
    why: "ends the caller's own session, whoever they are",
  },
  {
    file: "app/login/actions.ts",
    action: "setupAction",
    why: "creates the first admin while nobody exists",
  },
  {
    file: "app/invite/[token]/actions.ts",
    action: "acceptInvitationAction",
    why: "the invitation link's token is the credential",
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const parse = (file: string) =>
  ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );

function isServerActionFile(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return (
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use server"
  );
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Each exported function of a "use server" file (every one is callable from a browser) with its body. */
function exportedActions(
  source: ts.SourceFile,
): Array<{ name: string; body: ts.ConciseBody | undefined }> {
  return source.statements.flatMap((statement) => {
    if (!isExported(statement)) return [];
    if (ts.isFunctionDeclaration(statement) && statement.name)
      return [{ name: statement.name.text, body: statement.body }];
    if (!ts.isVariableStatement(statement)) return [];
    return statement.declarationList.declarations.flatMap((declaration) => {
      if (!ts.isIdentifier(declaration.name)) return [];
      const init = declaration.initializer;
      const body =
        init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init.body : undefined;
      return [{ name: declaration.name.text, body }];
    });
  });
}

/** The roles passed to requireUserWithRole anywhere inside `node` (a non-literal argument reads as "?"). */
function requiredRoles(node: ts.Node): string[] {
  const roles: string[] = [];
  const visit = (child: ts.Node) => {
    if (
      ts.isCallExpression(child) &&
      ts.isIdentifier(child.expression) &&
      child.expression.text === "requireUserWithRole"
    ) {
      const argument = child.arguments[0];
      roles.push(argument && ts.isStringLiteral(argument) ? argument.text : "?");
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return roles;
}

/** The role the first statement of an action's body checks, or null when it checks none. */
function firstStatementRole(body: ts.ConciseBody | undefined): string | null {
  if (!body) return null;
  const first = ts.isBlock(body) ? body.statements[0] : body;
  return first ? (requiredRoles(first)[0] ?? null) : null;
}

const actionFiles = sourceFiles(APP_DIR)
  .map((file) => ({
    file: path.relative(process.cwd(), file).split(path.sep).join("/"),
    source: parse(file),
  }))
  .filter(({ source }) => isServerActionFile(source));
const found = actionFiles.flatMap(({ file, source }) =>
  exportedActions(source).map((action) => ({ file, ...action })),
);
const keyOf = (entry: { file: string; action: string }) => `${entry.file} ${entry.action}`;

describe("server action roles", () => {
  it("finds the action files (the scan itself works)", () => {
    expect(actionFiles.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        "app/(app)/endpoints/actions.ts",
        "app/(app)/settings/actions.ts",
        "app/login/actions.ts",
      ]),
    );
  });

  it("every exported action is in the table or named as exempt, and the table names no action that is gone", () => {
    const listed = [...actionRoles, ...exemptActions].map(keyOf).sort();
    expect(listed).toEqual(found.map((a) => keyOf({ file: a.file, action: a.name })).sort());
  });

  it.each(actionRoles)(
    '$action ($file) checks requireUserWithRole("$role") first',
    ({ file, action, role }) => {
      const entry = found.find((a) => a.file === file && a.name === action);
      expect(entry, `${action} in ${file}`).toBeDefined();
      expect(firstStatementRole(entry?.body)).toBe(role);
      // No second check with another role further down that would contradict the table.
      expect(new Set(entry?.body ? requiredRoles(entry.body) : [])).toEqual(new Set([role]));
    },
  );

  it.each(exemptActions)("$action ($file) is exempt: $why", ({ file, action }) => {
    const entry = found.find((a) => a.file === file && a.name === action);
    expect(entry?.body && requiredRoles(entry.body)).toEqual([]);
  });
});
