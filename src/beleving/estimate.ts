// The estimate lives in the pure core (src/model/beleving-estimate.ts) since src/model may import nothing outside itself.
export * from '../model/beleving-estimate.ts';
