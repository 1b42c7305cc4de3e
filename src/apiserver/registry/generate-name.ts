// generateName suffixes as apiserver's names.SimpleNameGenerator makes them: 5 characters from an
// alphabet without vowels or look-alike digits, the base cut so the result fits 63 characters.
import { randomInt } from 'node:crypto';

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;

export function generateName(base: string): string {
  const maxBase = MAX_NAME_LENGTH - RANDOM_LENGTH;
  let s = base.length > maxBase ? base.slice(0, maxBase) : base;
  for (let i = 0; i < RANDOM_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
