import { mount } from 'svelte';
import App from './ui/App.svelte';
import { beginEarlyStart } from './state/early-start.ts';

// The data path starts before Svelte mounts and before the map exists: the
// worker downloads the dataset while the main thread builds the page.
beginEarlyStart();
const target = document.getElementById('app')!;
// The static "scripts refused" notice in index.html goes once the app runs.
target.replaceChildren();
mount(App, { target });
