import { mount } from 'svelte';
import App from './ui/App.svelte';

const target = document.getElementById('app')!;
// The static "scripts refused" notice in index.html goes once the app runs.
target.replaceChildren();
mount(App, { target });
