import { beginEarlyStart } from './state/early-start.ts';

// The data path starts first, from a small entry: the scoring worker starts
// and downloads the dataset while the browser still downloads and compiles
// the app (src/app-main.ts, with Svelte and MapLibre). A failed load of that
// chunk leaves the static notice of index.html in place.
beginEarlyStart();
void import('./app-main.ts').then(({ mountApp }) => mountApp(document.getElementById('app')!));
