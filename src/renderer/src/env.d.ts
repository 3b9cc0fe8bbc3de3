// Types for what Vite adds to the renderer build (CSS imports, import.meta.env).
/// <reference types="vite/client" />
