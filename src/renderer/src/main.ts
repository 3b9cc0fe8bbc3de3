// Renderer entry: mounts the console into #app and connects it to main.
import './app.css';

import { mount } from 'svelte';

import App from './App.svelte';
import { startConsole } from './state/startup';

// The link to main first: the web shell's handshake and 'state:get' go out while the page mounts.
void startConsole();
mount(App, { target: document.getElementById('app') as HTMLElement });
