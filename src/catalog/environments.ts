/**
 * Where code runs, as evidence the analysis (`analysis/environment.ts`) reads: the packages that only run on a server
 * or only in a browser, the globals of browser libraries' script-tag builds, request handlers, and the code Auth0
 * runs on its own servers. A package pattern is a name, or a prefix ending in `*` that matches every name starting with it.
 */
import { SDK_GLOBALS } from './sdk-entities';

/** Packages that only run on a server: web frameworks, node-auth0, passport, server-side Auth0 SDKs, database drivers. */
export const SERVER_PACKAGES: readonly string[] = [
  'express',
  'express-*',
  'koa',
  '@koa/*',
  'koa-*',
  'fastify',
  '@fastify/*',
  'hapi',
  '@hapi/*',
  'restify',
  '@nestjs/*',
  'next/server',
  'next-connect',
  '@vercel/node',
  '@netlify/functions',
  'aws-lambda',
  'firebase-functions',
  'firebase-functions/*',
  'firebase-admin',
  'firebase-admin/*',
  'auth0',
  'auth0/*',
  'passport',
  'passport-*',
  'dotenv',
  'dotenv/*',
  'request',
  'request-promise*',
  'body-parser',
  'cookie-parser',
  'jwks-rsa',
  'mongoose',
  'mongodb',
  'pg',
  'mysql',
  'mysql2',
  'sequelize',
  '@prisma/client',
  'redis',
  'ioredis',
  'nodemailer',
  'jsdom',
  '@auth0/nextjs-auth0',
  '@auth0/nextjs-auth0/edge',
];

/** Front-end frameworks and browser SDKs (React Native and Expo ship their code to the user's device as well). */
export const BROWSER_PACKAGES: readonly string[] = [
  'react',
  'react-dom',
  'react-dom/*',
  'react-router',
  'react-router-dom',
  '@angular/core',
  '@angular/core/*',
  '@angular/common',
  '@angular/common/*',
  '@angular/router',
  '@angular/router/*',
  '@angular/forms',
  '@angular/forms/*',
  '@angular/platform-browser*',
  'vue',
  'vue-router',
  'vuex',
  'pinia',
  'svelte',
  'svelte/*',
  'jquery',
  'angular',
  'knockout',
  'backbone',
  'react-native',
  'expo',
  'expo-*',
  '@ionic/*',
  'browser-request',
  '@auth0/nextjs-auth0/client',
];

/** Whether a module specifier is one of these packages (see the file comment for the pattern form). */
export function matchesPackage(patterns: readonly string[], specifier: string): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern,
  );
}

/** Globals of script-tag builds that only run in a browser: the Auth0 SDKs', then front-end libraries'. */
export const BROWSER_LIBRARY_GLOBALS: readonly string[] = [...Object.keys(SDK_GLOBALS), 'angular', 'jQuery', '$', 'ko'];

/** A serverless or Express-style request handler's parameters, `(req, res)`, by name. */
export const REQUEST_HANDLER_PARAMETERS: readonly RegExp[] = [/^req(uest)?$/i, /^res(ponse)?$/i];

/**
 * Code Auth0 runs on its own servers whatever it imports, and how reports name it: a Rule is a top-level function
 * expression of these parameters; an Action exports a trigger handler of one of these names.
 */
export const TENANT_RULE = { parameters: ['user', 'context', 'callback'], description: 'an Auth0 Rule' } as const;
export const TENANT_ACTION = {
  exportName: /^onExecute[A-Z]\w*$|^onContinuePostLogin$/,
  description: 'an Auth0 Action',
} as const;

/** Prefixes of the environment variables a bundler writes into the browser build (Create React App, Vite, Next.js, …). */
const PUBLIC_VARIABLE_PREFIXES: readonly string[] = [
  'REACT_APP_',
  'VITE_',
  'NEXT_PUBLIC_',
  'VUE_APP_',
  'GATSBY_',
  'EXPO_PUBLIC_',
  'NG_APP_',
  'PUBLIC_',
];

/** Whether a bundler writes this environment variable's value into the browser build. */
export function isPublicBuildVariable(name: string): boolean {
  return PUBLIC_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix));
}
