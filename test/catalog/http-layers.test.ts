import { describe, expect, it } from 'vitest';
import {
  BROWSER_LIBRARY_GLOBALS,
  BROWSER_PACKAGES,
  HTTP_INTERCEPTORS,
  HTTP_TRANSPORTS,
  matchesPackage,
  SDK_GLOBALS,
  SDK_MODULES,
  SERVER_PACKAGES,
} from '../../src/catalog';

/** The regexes the package lists replaced (environment.ts before issue 13): the lists must say the same. */
const OLD_SERVER_MODULES =
  /^(express|express-.*|koa|@koa\/.*|koa-.*|fastify|@fastify\/.*|hapi|@hapi\/.*|restify|@nestjs\/.*|next\/server|next-connect|@vercel\/node|@netlify\/functions|aws-lambda|firebase-functions(\/.*)?|firebase-admin(\/.*)?|auth0|auth0\/.*|passport|passport-.*|dotenv(\/.*)?|request|request-promise.*|body-parser|cookie-parser|jwks-rsa|mongoose|mongodb|pg|mysql2?|sequelize|@prisma\/client|redis|ioredis|nodemailer|jsdom|@auth0\/nextjs-auth0|@auth0\/nextjs-auth0\/edge)$/;
const OLD_CLIENT_MODULES =
  /^(react|react-dom(\/.*)?|react-router(-dom)?|@angular\/(core|common|router|forms|platform-browser.*)(\/.*)?|vue|vue-router|vuex|pinia|svelte(\/.*)?|jquery|angular|knockout|backbone|react-native|expo(-.*)?|@ionic\/.*|browser-request|@auth0\/nextjs-auth0\/client)$/;

/** Specifiers on both sides of every pattern's edges. */
const SPECIFIERS = [
  ...[...SERVER_PACKAGES, ...BROWSER_PACKAGES].flatMap((pattern) => {
    const stem = pattern.replace(/\*$/, '');
    return [stem, `${stem}x`, `${stem}/x`, `${stem}-x`, stem.slice(0, -1), `x${stem}`];
  }),
  ...Object.keys(SDK_MODULES),
  'auth0-js',
  '@angular/platform-browser-dynamic/testing',
  '@angular/core/testing',
  '@angular/animations',
  'expo',
  'expo-router',
  'mysql3',
  'request-promise-native',
];

describe('environment package lists', () => {
  it.each([
    ['server', SERVER_PACKAGES, OLD_SERVER_MODULES],
    ['browser', BROWSER_PACKAGES, OLD_CLIENT_MODULES],
  ] as const)('match the %s packages the old pattern matched', (_, patterns, old) => {
    for (const specifier of SPECIFIERS)
      expect([specifier, matchesPackage(patterns, specifier)]).toEqual([specifier, old.test(specifier)]);
  });

  it('lists the SDK CDN globals first, in the SDK catalog order', () => {
    expect(BROWSER_LIBRARY_GLOBALS.slice(0, Object.keys(SDK_GLOBALS).length)).toEqual(Object.keys(SDK_GLOBALS));
  });
});

describe('HTTP layers', () => {
  it('names each transport library once', () => {
    const libraries = HTTP_TRANSPORTS.map((transport) => transport.library);
    expect(new Set(libraries).size).toBe(libraries.length);
  });

  it('attaches every interceptor to a transport of the shape its kind reads', () => {
    for (const interceptor of HTTP_INTERCEPTORS) {
      const transport = HTTP_TRANSPORTS.find((candidate) => candidate.library === interceptor.library);
      expect(transport, interceptor.library).toBeDefined();
      if (interceptor.kind === 'header-settings') expect(transport?.kind).toBe('settings-methods');
    }
  });
});
