import { describe, expect, it } from 'vitest';
import {
  LOGIN_CLIENTS,
  LOGIN_CREATIONS,
  LOGIN_ELEMENTS,
  LOGIN_PROVIDERS,
  LOGIN_VARIANTS,
  type VariantChoice,
} from '../../src/catalog';

const configurations = { ...LOGIN_CREATIONS, ...LOGIN_ELEMENTS, ...LOGIN_PROVIDERS };

describe('login clients catalog', () => {
  it('creates only client kinds it describes', () => {
    const unknown = Object.entries(configurations).filter(([, { client }]) => !(client in LOGIN_CLIENTS));
    expect(unknown).toEqual([]);
  });

  it('picks among variants it describes, with evidence for every choice but the default, which comes last', () => {
    const wrong = (choices: readonly VariantChoice[]): boolean =>
      choices.some(
        ({ variant, when }, index) =>
          !(variant in LOGIN_VARIANTS) || (when === undefined) !== (index === choices.length - 1),
      );
    expect(
      Object.keys(configurations).filter((id) => wrong(configurations[id as keyof typeof configurations]!.variants)),
    ).toEqual([]);
  });

  it('lets calls pick between a top-level and a nested layout', () => {
    for (const { callVariants } of Object.values(LOGIN_CLIENTS)) {
      if (!callVariants) continue;
      const nested = callVariants.map((id) => LOGIN_VARIANTS[id].layout.audiencePath.length > 0);
      expect(nested).toEqual([false, true]);
    }
  });
});
