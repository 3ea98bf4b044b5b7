// Starts the app without any inline script, so the page runs under a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval'). trunk writes the hashed file names of the
// JavaScript glue and the WebAssembly module on this script's tag (see Trunk.toml).
//
// The page is complete before this runs: the prerender drew the story's opening frame into
// it. The app brings it to life and sets data-state="live" on <main>; if the module cannot
// start (no WebAssembly, a failed download), the page stays as drawn, and says so.
const tag = document.querySelector('script[data-newsmap-js]');

function stayStatic(error) {
  console.error('newsmap: the interactive map could not start:', error);
  const main = document.querySelector('main.newsmap');
  if (!main) return;
  main.dataset.state = 'failed';
  const note = document.createElement('p');
  note.className = 'static-note';
  note.dataset.testid = 'fallback';
  note.textContent = 'The interactive map could not start in this browser; this is the story at its start, and every event is listed below.';
  main.querySelector('.story-map')?.append(note);
}

if (tag) {
  try {
    const base = document.baseURI;
    const glue = await import(new URL(tag.dataset.newsmapJs, base).href);
    await glue.default({ module_or_path: new URL(tag.dataset.newsmapWasm, base).href });
  } catch (error) {
    stayStatic(error);
  }
}
