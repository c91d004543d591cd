// The Bot Framework as a test sees it: a signing key pair of our own standing in for Microsoft's, its
// OpenID metadata and keys served by nock where botbuilder looks for them, and activity JWTs signed
// as the Bot Framework Connector signs them.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import nock from 'nock';

export const OPENID_HOST = 'https://login.botframework.com';
export const OPENID_PATH = '/v1/.well-known/openidconfiguration';
export const JWKS_PATH = '/v1/.well-known/keys';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function signingKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  return { kid, privateKey, jwk: { ...jwk, kid, kty: 'RSA', use: 'sig', alg: 'RS256', endorsements: ['msteams'] } };
}

/** Serves the Bot Framework's OpenID metadata and keys (only `keys`) for as long as the test runs. */
export function serveBotFrameworkKeys(keys: SigningKey[]): void {
  nock(OPENID_HOST).persist().get(OPENID_PATH).reply(200, {
    issuer: 'https://api.botframework.com',
    authorization_endpoint: 'https://invalid.botframework.com',
    jwks_uri: `${OPENID_HOST}${JWKS_PATH}`,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  });
  nock(OPENID_HOST).persist().get(JWKS_PATH).reply(200, { keys: keys.map((k) => k.jwk) });
}

const b64url = (v: object | Buffer) => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');

/** An `Authorization: Bearer …` value as the Connector sends with an activity to the bot. */
export function connectorToken(
  key: SigningKey,
  claims: { appId: string; serviceUrl: string },
  over: Record<string, unknown> = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid, x5t: key.kid };
  const payload = {
    iss: 'https://api.botframework.com',
    aud: claims.appId,
    serviceurl: claims.serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...over,
  };
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey);
  return `Bearer ${unsigned}.${b64url(signature)}`;
}
