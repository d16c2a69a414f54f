import { readFileSync } from 'node:fs';

/** A page of tests/fixtures/html as bytes. */
export const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url));
export const fixtureText = (name: string): string => new TextDecoder().decode(fixture(name));
