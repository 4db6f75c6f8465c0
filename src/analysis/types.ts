/** The facts the recogniser extracts from one file, and the findings and text edits derived from them. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { HttpMethod, ManagementEndpoint, TokenRequestSdk } from '../catalog';
import type { LiteralKind } from './literal-text';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;

/** Replace `range` with `text`; an empty range is an insertion. Offsets index the file text. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
  /**
   * The container the edit writes for the first time (`auth`, `auth.params`, an options argument `()`): two edits that
   * create the same one cannot both apply, or the object would get the key twice.
   */
  readonly creates?: string;
}

/** `proven`: static code shows it. `needs-manual`: likely, but the code cannot prove it; never auto-fixed. */
export type Certainty = 'proven' | 'needs-manual';

/** Where code runs, as an option sets it. */
export type Environment = 'browser' | 'server';
/** Where the analysis found a file runs: `unknown` when the file shows no evidence either way. */
export type DetectedEnvironment = Environment | 'unknown';

export type TokenKind = 'id-token' | 'access-token' | 'unknown';

/** Where a token value comes from. `issuer` is the token request whose login produced it, when known. */
export interface Provenance {
  readonly kind: TokenKind;
  readonly certainty: Certainty;
  /** The expression that yields the token (e.g. `authResult.idToken`), the target of a credential switch. */
  readonly source?: Node;
  /** Human-readable origin for messages, e.g. `authResult.idToken` or `localStorage 'id_token'`. */
  readonly description?: string;
  readonly issuer?: TokenRequest;
  /** The token is an Auth0 login's (an SDK result, token getter or redirect), even when that login is not in view. */
  readonly fromLogin?: boolean;
  /**
   * Where the same login's access token is read, when the code proves the login returned both tokens: replacing
   * `node` (a property name, a destructured variable, or a storage key literal) with `name` switches the credential.
   */
  readonly accessTokenAlternative?: AccessTokenAlternative;
  /** The token is read back from browser storage under this key. */
  readonly storageKey?: string;
  /** The token is a string written in the code (a pasted token), whatever its kind. */
  readonly literal?: boolean;
}

export interface AccessTokenAlternative {
  readonly node: Node;
  readonly name: string;
  /**
   * The file stores the ID token but not the access token: each `storage.setItem(key, r.idToken)` call gets a sibling
   * that stores `r.<accessProperty>` under `name`. `keyNode` and `property` are the parts of the call to swap.
   */
  readonly storeBeside?: readonly {
    readonly statement: Node;
    readonly keyNode: Node;
    readonly property: Node;
    readonly accessProperty: string;
  }[];
}

/** A string-valued option of a token request, as written. */
export interface OptionValue {
  /** The property, attribute or URL parameter node. */
  readonly node: Node;
  /** The value expression. */
  readonly valueNode: Node;
  /** The static string value, when the code proves it. */
  readonly value?: string;
  /** The value with the parts the code computes written `${…}` (e.g. `https://${…}/api/v2/`), when it is a string built in code. */
  readonly pattern?: string;
  /** A raw URL query parameter: the source range of its URL-encoded value inside the string that holds it. */
  readonly queryRange?: readonly [number, number];
}

/** A raw `/authorize` URL written in code: where its query starts and how the string holding that spot is written. */
export interface UrlQueryPlacement {
  /** Offset just after the `?`, where missing parameters are inserted (`name=value&`); absent when no literal text holds it. */
  readonly insertAt?: number;
  /** How the string literal that holds `insertAt` is written: quotes, backticks or a JSX attribute's. */
  readonly literal?: LiteralKind;
  /** Whether parameters follow `insertAt`, so an inserted one needs a `&` after it. */
  readonly hasParameters: boolean;
}

/** Where a token request's options live, so that edits can add a missing option in the SDK's place for it. */
export interface OptionPlacement {
  /** Root object of the options (constructor or call argument), when there is one. */
  readonly root?: TSESTree.ObjectExpression;
  /** JSX element whose attributes are the top level of the options (auth0-react `<Auth0Provider>`); paths start at its attributes. */
  readonly element?: TSESTree.JSXOpeningElement;
  /** No options argument yet: a new one goes right after this node (the last argument the call has). */
  readonly newArgumentAfter?: Node;
  /** Raw `/authorize` URL: options are query parameters (`responseTypeKey` is `response_type`). */
  readonly query?: UrlQueryPlacement;
  /** Key path from `root` to the object that holds `audience` (e.g. `['auth']` for Lock). */
  readonly audiencePath: readonly string[];
  /** Key path from `root` to the object that holds `scope` (e.g. `['auth', 'params']` for Lock). */
  readonly scopePath: readonly string[];
  /** Key path to the object that holds the response type, and the key it uses. */
  readonly responseTypePath: readonly string[];
  readonly responseTypeKey: string;
}

/** A token request's variant: an SDK version line or a raw protocol request (`catalog/login-variants.ts`). */
export type { TokenRequestSdk };

export interface TokenRequest {
  readonly sdk: TokenRequestSdk;
  /** `client`: configures a client whose logins share it; `call`: one login/token call's own options. */
  readonly level: 'client' | 'call';
  /** Node to report on. */
  readonly node: Node;
  /** The variable (or class member) holding the client, used to link logins, results and calls to it. */
  readonly clientKey?: string;
  /** For `call` requests: the client-level request they inherit from. */
  readonly parent?: TokenRequest;
  /**
   * For `call` requests: the call redirects (or logs in without returning tokens), so its tokens arrive through the
   * client's shared result (`parseHash`, `handleRedirectCallback`, `lock.on('authenticated')`) like the client's own.
   */
  readonly sharesClientResult?: boolean;
  readonly placement: OptionPlacement;
  readonly responseType?: OptionValue;
  readonly audience?: OptionValue;
  readonly scope?: OptionValue;
  /** The domain expression the request already uses, to build `https://<domain>/api/v2/` from. */
  readonly domain?: Node;
  /** The static domain when no expression holds it alone (the host written inside a raw URL). */
  readonly domainValue?: string;
  /** Options the code builds dynamically (spread, env, helper): the recogniser cannot see every key. */
  readonly dynamic: boolean;
  /** Whether the SDK can request an API audience at all (Lock 9, lock-passwordless 2, auth0.js v7 cannot). */
  readonly supportsAudience: boolean;
  /** Whether the SDK takes a response type (auth0.js, Lock, raw URLs) or always returns an access token (spa-js). */
  readonly hasResponseType: boolean;
  /**
   * A client whose login results feed account linking (`link_with`, `linkUser`'s second argument): a secondary login,
   * never assumed to have issued a token of unknown origin.
   */
  readonly secondaryLogin?: boolean;
}

export type ManagementVia = string;

export interface ManagementCall {
  readonly node: Node;
  /** Set on a call another module makes with this file's tokens (project analysis): `node` belongs to that file. */
  readonly file?: string;
  /** How it is called: `auth0.js Management#getUser`, `fetch`, `axios.patch`, ... */
  readonly via: ManagementVia;
  readonly method?: HttpMethod;
  /** Path template under `/api/v2/`, query dropped, e.g. `users/{id}`. */
  readonly path?: string;
  readonly endpoint?: ManagementEndpoint;
  /** Set when the call cannot use a current-user token whatever the scopes (e.g. an app_metadata PATCH). */
  readonly backendOnlyReason?: string;
  readonly credential?: CredentialUse;
  /** Made through a machine-to-machine client (node-auth0 with `clientId` and `clientSecret`): no user token at all. */
  readonly machineToMachine?: boolean;
}

export type CredentialSite = 'management-client' | 'bearer-header' | 'auth-bearer' | 'interceptor';

/** An expression that supplies the bearer credential of Management calls. */
export interface CredentialUse {
  readonly site: CredentialSite;
  /** The token expression as written at the site (e.g. the `token:` value or the `'Bearer ' + x` operand). */
  readonly node: Node;
  readonly provenance: Provenance;
}

export type LegacyApi = {
  readonly node: Node;
  readonly api: string;
  readonly replacement: string;
  readonly certainty?: Certainty;
};

export type SecretKind = 'client-secret' | 'client-credentials-grant' | 'management-token';
export type SecretUse = { readonly node: Node; readonly kind: SecretKind; readonly certainty?: Certainty };

export interface FileFacts {
  /** Browser, server or unknown, from the evidence the file shows (see `environment.ts`). */
  readonly environment: DetectedEnvironment;
  /** What decided the environment, when something did. */
  readonly environmentEvidence?: string;
  /** In browser code, the ranges that run on the server (a Next.js page's `getServerSideProps`). */
  readonly serverRegions?: readonly (readonly [number, number])[];
  readonly tokenRequests: readonly TokenRequest[];
  readonly managementCalls: readonly ManagementCall[];
  /** Every credential site, including management clients with no recognised method call yet. */
  readonly credentials: readonly CredentialUse[];
  readonly legacyApis: readonly LegacyApi[];
  readonly secrets: readonly SecretUse[];
}
