// Starts the app without any inline script, so the page runs under a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval'). trunk writes the hashed file names of the
// JavaScript glue and the WebAssembly module on this script's tag (see Trunk.toml).
const tag = document.querySelector('script[data-newsmap-js]');
if (tag) {
  const base = document.baseURI;
  const glue = await import(new URL(tag.dataset.newsmapJs, base).href);
  await glue.default({ module_or_path: new URL(tag.dataset.newsmapWasm, base).href });
}
