/**
 * The app itself (Svelte, the map, the panels: most of the start bundle),
 * loaded by src/main.ts as its own chunk right after the data path began.
 */
import { mount } from 'svelte';
import App from './ui/App.svelte';

export function mountApp(target: HTMLElement): void {
  // The static "scripts refused" notice in index.html goes once the app runs.
  target.replaceChildren();
  mount(App, { target });
}
