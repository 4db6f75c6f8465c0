/**
 * The environment model: each file is browser, server or unknown from evidence the analysis names; test code and
 * vendored libraries are not judged at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  environmentOf,
  hasLibraryBanner,
  isTestCode,
  projectPath,
  type EnvironmentVerdict,
} from '../../src/analysis/environment';
import { analyzeFile } from '../../src/analysis/facts';
import { FileContext } from '../../src/analysis/file-context';
import { parseFile } from '../../src/parse';

function verdict(file: string, code: string): EnvironmentVerdict {
  const [unit] = parseFile(file, code);
  return environmentOf(new FileContext(unit!.program, unit!.text, unit!.scopeManager), file);
}

const MANAGEMENT_CALL =
  "fetch('https://acme.auth0.com/api/v2/users/' + id, { headers: { Authorization: 'Bearer ' + token } });";

describe('environmentOf', () => {
  it.each([
    [
      'pages/api/user.js',
      `export default async function handler(req, res) { ${MANAGEMENT_CALL} }`,
      'a Next.js API route (pages/api)',
    ],
    ['src/pages/api/user.ts', `const secret = 'x'; ${MANAGEMENT_CALL}`, 'a Next.js API route (pages/api)'],
    [
      'app/api/orders/route.ts',
      `export async function GET() { ${MANAGEMENT_CALL} }`,
      'a Next.js route handler (app/**/route)',
    ],
    [
      'api/orders.ts',
      `export default function handler(req, res) { ${MANAGEMENT_CALL} }`,
      'a serverless function (api/ with a (req, res) handler)',
    ],
    [
      'api/orders.js',
      `module.exports = (request, response) => { ${MANAGEMENT_CALL} };`,
      'a serverless function (api/ with a (req, res) handler)',
    ],
    ['gulpfile.js', `gulp.task('users', () => { ${MANAGEMENT_CALL} });`, 'a build script (gulpfile/Gruntfile)'],
    [
      'Gruntfile.js',
      `module.exports = function (grunt) { ${MANAGEMENT_CALL} };`,
      'a build script (gulpfile/Gruntfile)',
    ],
    ['webpack.config.js', `module.exports = { plugins: [] }; ${MANAGEMENT_CALL}`, 'a build tool configuration'],
    ['src/actions.js', `'use server';\nexport async function save() { ${MANAGEMENT_CALL} }`, "'use server'"],
    [
      'pages/profile.js',
      `export async function getServerSideProps() { ${MANAGEMENT_CALL} }`,
      'Next.js getServerSideProps',
    ],
    [
      'netlify/functions/user.js',
      `exports.handler = async (event) => { ${MANAGEMENT_CALL} };`,
      'a serverless handler (exports.handler)',
    ],
    [
      'auth0/post-login.js',
      `exports.onExecutePostLogin = async (event, api) => { ${MANAGEMENT_CALL} };`,
      'an Auth0 Action (onExecutePostLogin)',
    ],
    [
      'rules/add-roles.js',
      `function (user, context, callback) { ${MANAGEMENT_CALL} callback(null, user, context); }`,
      'an Auth0 Rule',
    ],
    [
      'rules/async-rule.js',
      `// an Auth0 Rule\nasync function (user, context, callback) { ${MANAGEMENT_CALL} }`,
      'an Auth0 Rule',
    ],
    [
      'scripts/seed.js',
      `const { JSDOM } = require('jsdom');\nglobal.window = new JSDOM('').window;\nwindow.localStorage.getItem('id_token'); ${MANAGEMENT_CALL}`,
      'assigns global.window (a Node script faking the browser)',
    ],
    ['src/server/auth.js', `const express = require('express');\n${MANAGEMENT_CALL}`, "imports 'express'"],
    ['src/lib/mgmt.ts', `import { readFileSync } from 'node:fs';\n${MANAGEMENT_CALL}`, "imports 'node:fs'"],
    [
      'lib/mgmt.ts',
      `const secret = process.env.AUTH0_CLIENT_SECRET;\n${MANAGEMENT_CALL}`,
      'reads process.env.AUTH0_CLIENT_SECRET, which no bundler exposes',
    ],
    ['src/config.js', `const file = __dirname + '/x';\n${MANAGEMENT_CALL}`, 'uses __dirname'],
  ])('%s is server code', (file, code, evidence) => {
    expect(verdict(file, code)).toEqual({ environment: 'server', evidence });
  });

  it.each([
    ['src/app.js', `import { WebAuth } from 'auth0-js';\n${MANAGEMENT_CALL}`, "imports 'auth0-js'"],
    ['src/App.js', `import React from 'react';\n${MANAGEMENT_CALL}`, "imports 'react'"],
    [
      'src/app/profile.component.ts',
      `import { Component } from '@angular/core';\n${MANAGEMENT_CALL}`,
      "imports '@angular/core'",
    ],
    ['App.tsx', `import { View } from 'react-native';\n${MANAGEMENT_CALL}`, "imports 'react-native'"],
    [
      'public/js/profile.js',
      `var token = localStorage.getItem('id_token');\n${MANAGEMENT_CALL}`,
      'uses the browser global localStorage',
    ],
    [
      'public/js/login.js',
      `var lock = new Auth0Lock(cid, domain);\n${MANAGEMENT_CALL}`,
      'uses the browser global Auth0Lock',
    ],
    ['src/profile.js', `export const Profile = () => <p>{name}</p>;\n${MANAGEMENT_CALL}`, 'renders JSX'],
    ['src/Profile.jsx', MANAGEMENT_CALL, 'a .jsx component file'],
    ['src/Profile.vue', `<script>\n${MANAGEMENT_CALL}\n</script>`, 'a .vue component file'],
    ['src/actions.js', `'use client';\n${MANAGEMENT_CALL}`, "'use client'"],
    [
      'src/env.js',
      `const token = process.env.REACT_APP_MANAGEMENT_TOKEN;\n${MANAGEMENT_CALL}`,
      'reads the bundled variable REACT_APP_MANAGEMENT_TOKEN',
    ],
    [
      'src/env.ts',
      `const token = import.meta.env.VITE_MANAGEMENT_TOKEN;\n${MANAGEMENT_CALL}`,
      'reads the bundled variable VITE_MANAGEMENT_TOKEN',
    ],
    // Browser evidence outweighs the weaker server evidence of a private variable (a bundler may define it).
    [
      'src/mixed.js',
      `import { WebAuth } from 'auth0-js';\nconst domain = process.env.AUTH0_DOMAIN;\n${MANAGEMENT_CALL}`,
      "imports 'auth0-js'",
    ],
  ])('%s is browser code', (file, code, evidence) => {
    expect(verdict(file, code)).toEqual({ environment: 'browser', evidence });
  });

  it("a page's getServerSideProps is a server region of browser code", () => {
    const code = `export default function Profile() { return <p />; }\nexport async function getServerSideProps() { ${MANAGEMENT_CALL} }\n`;
    const result = verdict('pages/profile.jsx', code);
    expect(result).toMatchObject({ environment: 'browser', evidence: 'renders JSX' });
    const [[start, end] = [0, 0]] = result.serverRegions ?? [];
    expect(code.slice(start, end)).toMatch(/^async function getServerSideProps\(\) \{ fetch\(.*\}$/);
  });

  it.each([
    // Remix and Ember have route files too: only exported HTTP methods make a Next.js route handler.
    [
      'app/routes/profile/route.jsx',
      `export default function Profile() { return <p />; }\n${MANAGEMENT_CALL}`,
      'renders JSX',
    ],
    [
      'app/pods/profile/route.js',
      `localStorage.getItem('id_token');\n${MANAGEMENT_CALL}`,
      'uses the browser global localStorage',
    ],
    // An app function of a Rule's shape, or an export named handler, in browser code.
    [
      'src/rules.js',
      `function check(user, context, callback) { localStorage.x = 1; }\n${MANAGEMENT_CALL}`,
      'uses the browser global localStorage',
    ],
    ['src/App.jsx', `export const handler = () => <p />;\n${MANAGEMENT_CALL}`, 'renders JSX'],
  ])('%s is browser code despite a server-like shape', (file, code, evidence) => {
    expect(verdict(file, code)).toMatchObject({ environment: 'browser', evidence });
  });

  it.each([
    ['src/api/users.js', MANAGEMENT_CALL],
    // `api/` alone is no server: front-end apps keep their API clients there too.
    [
      'src/api/management.js',
      `import axios from 'axios';\nexport const load = (id, token) => axios.get('https://acme.auth0.com/api/v2/users/' + id);`,
    ],
    // Asking whether it is a browser is no evidence that it is one.
    ['lib/isomorphic.js', `if (typeof window !== 'undefined') { ${MANAGEMENT_CALL} }`],
    // Variables every bundler and Node define say nothing.
    ['src/debug.js', `if (process.env.NODE_ENV !== 'production') { ${MANAGEMENT_CALL} }`],
    // A config module named like a tool's is still app code.
    ['src/app/auth.config.ts', `export const authConfig = { domain: 'acme.auth0.com' };\n${MANAGEMENT_CALL}`],
  ])('%s shows no evidence: unknown', (file, code) => {
    expect(verdict(file, code)).toEqual({ environment: 'unknown' });
  });
});

describe('test code and vendored libraries', () => {
  it.each([
    'test/profile.test.js',
    'src/__tests__/profile.js',
    'cypress/e2e/login.cy.js',
    'e2e/login.spec.ts',
    'src/profile.spec.tsx',
    'tests/helpers.js',
    'playwright.config.ts',
    'src/__mocks__/auth0-js.js',
  ])('%s is test code by its path', (file) => {
    const [unit] = parseFile(file, MANAGEMENT_CALL);
    expect(isTestCode(new FileContext(unit!.program, unit!.text, unit!.scopeManager), file)).toBe(true);
  });

  it.each([
    "import { expect } from 'chai';",
    "const sinon = require('sinon');",
    "import { test } from '@playwright/test';",
    "import { render } from '@testing-library/react';",
  ])('a file that loads a test library is test code: %s', (line) => {
    const [unit] = parseFile('src/helpers/profile.js', `${line}\n${MANAGEMENT_CALL}`);
    expect(isTestCode(new FileContext(unit!.program, unit!.text, unit!.scopeManager), 'src/helpers/profile.js')).toBe(
      true,
    );
  });

  it.each(['src/testing.js', 'src/contest/entry.js', 'src/latest.js', 'src/attestation.ts'])(
    '%s is not test code',
    (file) => {
      const [unit] = parseFile(file, MANAGEMENT_CALL);
      expect(isTestCode(new FileContext(unit!.program, unit!.text, unit!.scopeManager), file)).toBe(false);
    },
  );

  it('test code and banner-carrying libraries have no facts at all', () => {
    const code = `var webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'x', responseType: 'id_token' });
webAuth.parseHash(function (err, authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, done);
});`;
    const facts = (file: string, text: string) => {
      const [unit] = parseFile(file, text);
      return analyzeFile(unit!.program, unit!.text, unit!.scopeManager, file);
    };
    expect(facts('public/js/app.js', code).credentials).toHaveLength(1);
    expect(facts('test/app.test.js', code).credentials).toHaveLength(0);
    expect(facts('public/js/app.js', `/*! widget v1.4.2 | (c) 2017 Example Ltd */\n${code}`).credentials).toHaveLength(
      0,
    );
  });

  it.each([
    '/*! auth0-lock v11.35.0 */',
    '/**\n * auth0-js v9.24.1\n * Author: Auth0\n */',
    '/*!\n * jQuery JavaScript Library v3.6.0\n */',
    '/** @license React v16.14.0 */',
    '// build 42\n/*! Copyright (c) 2016 Example */',
  ])('a library banner: %j', (banner) => {
    expect(hasLibraryBanner(`${banner}\nvar x = 1;`)).toBe(true);
  });

  it.each([
    '/* Profile page: loads the user from the Management API. */',
    '// v1.2.3 of the profile page',
    '/** Saves the theme. */\nconst v = "v1.2.3";',
    // A company's header on its own code.
    '/**\n * Copyright (c) 2021 Acme Corp. All rights reserved.\n */',
    '/* Copyright 2019 Acme Corp. */',
  ])('not a banner: %j', (text) => {
    expect(hasLibraryBanner(`${text}\nvar x = 1;`)).toBe(false);
  });
});

describe('projectPath', () => {
  it('is relative to the nearest directory holding package.json or .git, whatever the working directory', () => {
    const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'project-path-'));
    const project = path.join(checkout, 'tests', 'myapp');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), '{}');
    try {
      expect(projectPath(path.join(project, 'src', 'a.js'), checkout)).toBe('src/a.js');
      expect(projectPath('tests/myapp/test/a.test.js', checkout)).toBe('test/a.test.js');
    } finally {
      fs.rmSync(checkout, { recursive: true, force: true });
    }
  });

  it('is relative to the working directory when no root is found, POSIX, with no way out of it', () => {
    expect(projectPath('/repo/app/test/x.js', '/repo/app')).toBe('test/x.js');
    expect(projectPath('src/a.js', '/repo/app')).toBe('src/a.js');
    // The directories above the project say nothing about its files: a checkout under `tests/` is not test code.
    expect(projectPath('/home/tests/app/src/a.js', '/home/tests/app/src')).toBe('a.js');
    expect(projectPath('/elsewhere/lib/a.js', '/repo/app')).toBe('elsewhere/lib/a.js');
  });
});
