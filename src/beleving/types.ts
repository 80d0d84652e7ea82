// The survey shapes live in the pure core (src/model/beleving-types.ts) since src/model may import nothing outside itself.
export * from '../model/beleving-types.ts';
