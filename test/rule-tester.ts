/** One RuleTester for every rule test: typescript-eslint's parser with JSX on, as most front-end configs use. */
import { RuleTester } from '@typescript-eslint/rule-tester';

export const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

/** Marks a case as a `.tsx`/`.ts`/`.jsx`/`.js` file so every language variant runs through the parser. */
export const as = {
  js: 'file.js',
  jsx: 'file.jsx',
  ts: 'file.ts',
  tsx: 'file.tsx',
} as const;
