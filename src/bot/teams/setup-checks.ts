import type { SetupReport } from '../ports.ts';
import { httpsBaseUrl, isGuid, TEAMS_MESSAGES_PATH } from './manifest.ts';

// Teams' part of `skima setup` and the `setup` command: the Azure Bot's credentials are set, Azure gives
// a Bot Framework token for them (the same client-credentials request botbuilder makes before every
// reply, so a wrong or expired secret shows here and not as failed deliveries), and the messaging
// endpoint Teams calls is HTTPS. Each failure says the exact fix. The password is sent to Azure only and
// appears in no report, error or log line.

export interface TeamsSetupSettings {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  multiTenant: boolean;
  baseUrl?: string;
}

/** Where a multi-tenant bot gets its tokens; a single-tenant one uses its own tenant. */
export const BOTFRAMEWORK_TENANT = 'botframework.com';
export const BOTFRAMEWORK_SCOPE = 'https://api.botframework.com/.default';
export const tokenUrl = (tenant: string) => `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
const TOKEN_TIMEOUT_MS = 10_000;

const FIX = {
  appId: 'Set TEAMS_APP_ID to the Azure Bot\'s Microsoft App ID (Azure portal → your Azure Bot → Configuration → Microsoft App ID, a GUID), then restart Skima.',
  password:
    'Create a new client secret in Azure (Azure portal → your Azure Bot → Configuration → Manage Password, or Microsoft Entra ID → App registrations → '
    + 'the bot\'s app → Certificates & secrets → New client secret) and set TEAMS_APP_PASSWORD to its Value (not its Secret ID), then restart Skima.',
  tenant:
    'Set TEAMS_TENANT_ID to your Microsoft Entra tenant ID (Azure portal → Microsoft Entra ID → Overview → Tenant ID), or set TEAMS_MULTI_TENANT=true '
    + 'if the Azure Bot was created as multi-tenant; then restart Skima.',
  appNotInTenant:
    'Check TEAMS_APP_ID and TEAMS_TENANT_ID against the Azure Bot (Configuration → Microsoft App ID and App Tenant ID); a bot created as multi-tenant '
    + 'needs TEAMS_MULTI_TENANT=true instead of a tenant.',
  network: 'Let Skima reach https://login.microsoftonline.com (outbound HTTPS, port 443, through your firewall), then run setup again.',
} as const;

/** Teams' setup checks; never throws (a network failure is a failed check with its fix). */
export async function checkTeamsSetup(
  settings: TeamsSetupSettings,
  fetchImpl: typeof fetch = fetch,
): Promise<SetupReport[]> {
  const checks: SetupReport[] = [];
  const appId = settings.appId?.trim();
  const password = settings.appPassword;
  const tenantId = settings.tenantId?.trim();

  const appIdOk = Boolean(appId && isGuid(appId));
  checks.push(appIdOk
    ? { id: 'teams.app_id', title: 'Teams app id', status: 'ok', detail: `TEAMS_APP_ID is ${appId}.` }
    : {
        id: 'teams.app_id',
        title: 'Teams app id',
        status: 'fail',
        detail: appId ? 'TEAMS_APP_ID is not a GUID, so it is not a Microsoft App ID.' : 'TEAMS_APP_ID is empty.',
        fix: FIX.appId,
      });

  checks.push(password
    ? { id: 'teams.password', title: 'Teams app password', status: 'ok', detail: 'TEAMS_APP_PASSWORD is set.' }
    : { id: 'teams.password', title: 'Teams app password', status: 'fail', detail: 'TEAMS_APP_PASSWORD is empty.', fix: FIX.password });

  let tenant: string | null = null;
  if (settings.multiTenant) {
    tenant = BOTFRAMEWORK_TENANT;
    const detail = 'Multi-tenant bot (TEAMS_MULTI_TENANT): tokens come from botframework.com.';
    checks.push({ id: 'teams.tenant', title: 'Teams tenant', status: 'ok', detail });
  } else if (tenantId && (isGuid(tenantId) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tenantId))) {
    tenant = tenantId;
    checks.push({ id: 'teams.tenant', title: 'Teams tenant', status: 'ok', detail: `Single-tenant bot in tenant ${tenantId}.` });
  } else {
    checks.push({
      id: 'teams.tenant',
      title: 'Teams tenant',
      status: 'fail',
      detail: tenantId
        ? 'TEAMS_TENANT_ID is neither a tenant ID (a GUID) nor a tenant domain.'
        : 'TEAMS_TENANT_ID is empty, and a single-tenant bot (the default) needs it.',
      fix: FIX.tenant,
    });
  }

  if (appIdOk && password && tenant) checks.push(await tokenCheck(appId!, password, tenant, fetchImpl));

  checks.push(endpointCheck(settings.baseUrl));
  return checks;
}

async function tokenCheck(
  appId: string,
  password: string,
  tenant: string,
  fetchImpl: typeof fetch,
): Promise<SetupReport> {
  const base = { id: 'teams.token', title: 'Teams sign-in (Bot Framework token)' };
  let res: Response;
  try {
    res = await fetchImpl(tokenUrl(tenant), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: appId, client_secret: password, scope: BOTFRAMEWORK_SCOPE }),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (err) {
    return { ...base, status: 'fail', detail: `Could not reach login.microsoftonline.com: ${networkCode(err)}.`, fix: FIX.network };
  }
  type TokenAnswer = { access_token?: unknown; error?: unknown; error_description?: unknown };
  const body = (await res.json().catch(() => ({}))) as TokenAnswer;
  if (res.ok && typeof body.access_token === 'string') {
    const where = tenant === BOTFRAMEWORK_TENANT ? 'multi-tenant' : `tenant ${tenant}`;
    return { ...base, status: 'ok', detail: `Azure issued a Bot Framework token for the app (${where}).` };
  }
  const error = typeof body.error === 'string' ? body.error.slice(0, 60) : `HTTP ${res.status}`;
  // Azure's error_description starts with an AADSTS code naming the cause; only the code is kept (the
  // description carries trace and correlation ids, never the secret, but it is long).
  const aadsts = typeof body.error_description === 'string' ? /AADSTS\d+/.exec(body.error_description)?.[0] : undefined;
  const said = aadsts ? `${error}, ${aadsts}` : error;
  if (error === 'invalid_client' && aadsts !== 'AADSTS700016') {
    const expired = aadsts === 'AADSTS7000222';
    const detail = `Azure refused the app password (${said})${expired ? ': the client secret has expired' : ''}.`;
    return { ...base, status: 'fail', detail, fix: FIX.password };
  }
  if (aadsts === 'AADSTS700016' || error === 'unauthorized_client') {
    return { ...base, status: 'fail', detail: `Azure does not know this app id in that tenant (${said}).`, fix: FIX.appNotInTenant };
  }
  if (aadsts === 'AADSTS90002' || aadsts === 'AADSTS900023') {
    return { ...base, status: 'fail', detail: `Azure does not know the tenant ${tenant} (${said}).`, fix: FIX.tenant };
  }
  return {
    ...base,
    status: 'fail',
    detail: `Azure did not issue a token (HTTP ${res.status}, ${said}).`,
    fix: res.status >= 500 ? 'Azure sign-in is failing on its side: run setup again in a few minutes.' : `${FIX.appNotInTenant} ${FIX.password}`,
  };
}

/** A short, secret-free name for a network failure (the request carried the password: never its text). */
function networkCode(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError') return `no answer in ${TOKEN_TIMEOUT_MS / 1000} s`;
  return e?.cause?.code ?? e?.code ?? (e?.name && e.name !== 'Error' ? e.name : 'network error');
}

function endpointCheck(baseUrl: string | undefined): SetupReport {
  const base = { id: 'teams.endpoint', title: 'Teams messaging endpoint' };
  if (!baseUrl) {
    return {
      ...base,
      status: 'fail',
      detail: 'PUBLIC_BASE_URL is empty, so Skima cannot say where Teams should send messages.',
      fix: `Set PUBLIC_BASE_URL to Skima's public https:// address, and the Azure Bot's messaging endpoint (Configuration) to that address + ${TEAMS_MESSAGES_PATH}.`,
    };
  }
  try {
    const url = httpsBaseUrl(baseUrl, 'PUBLIC_BASE_URL');
    const endpoint = `${url.href.replace(/\/+$/, '')}${TEAMS_MESSAGES_PATH}`;
    return { ...base, status: 'ok', detail: `${endpoint}: set the same as the Azure Bot's messaging endpoint (Configuration).` };
  } catch (err) {
    return {
      ...base,
      status: 'fail',
      detail: `${(err as Error).message}.`,
      fix: `Serve Skima over HTTPS (a reverse proxy or tunnel with a valid certificate), set PUBLIC_BASE_URL to that https:// address, and the Azure Bot's messaging endpoint to it + ${TEAMS_MESSAGES_PATH}.`,
    };
  }
}
