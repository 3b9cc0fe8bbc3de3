// Renderer entry: mounts the console into #app and connects it to main.
import './app.css';

import { mount } from 'svelte';

import App from './App.svelte';
import { startConsole } from './state/startup';

mount(App, { target: document.getElementById('app') as HTMLElement });
void startConsole();
