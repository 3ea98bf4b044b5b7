// Starts the app without any inline script, so the page runs under a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval'). trunk writes the hashed file names of the
// JavaScript glue and the WebAssembly module on this script's tag (see Trunk.toml).
//
// The frame is never blank: the page says the map is loading until the app replaces that
// line, and if the module cannot start (no WebAssembly, a failed download) it shows the static
// map of the story from the page's <noscript> with a line that says so.
const tag = document.querySelector('script[data-newsmap-js]');
const loading = document.querySelector('[data-newsmap-loading]');

function showStaticMap() {
  const noscript = document.querySelector('noscript');
  const figure = noscript && new DOMParser().parseFromString(noscript.textContent, 'text/html').querySelector('figure');
  if (!figure) return;
  const caption = figure.querySelector('figcaption');
  if (caption) caption.textContent = "The interactive map could not start in this browser; this is the story's final state.";
  figure.dataset.testid = 'fallback';
  if (loading) loading.replaceWith(figure);
  else document.body.append(figure);
}

if (tag) {
  loading?.removeAttribute('hidden');
  try {
    const base = document.baseURI;
    const glue = await import(new URL(tag.dataset.newsmapJs, base).href);
    await glue.default({ module_or_path: new URL(tag.dataset.newsmapWasm, base).href });
  } catch (error) {
    console.error('newsmap: the interactive map could not start:', error);
    showStaticMap();
  }
}
