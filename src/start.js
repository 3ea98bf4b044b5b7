// Starts the app without any inline script, so the page runs under a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval'). trunk writes the hashed file names of the
// JavaScript glue and the WebAssembly module on this script's tag (see Trunk.toml).
//
// The page is complete before this runs: the prerender drew the story's opening frame into
// it. The app brings it to life and sets data-state="live" on <main>; if the module cannot
// start (no WebAssembly, a failed download), the page stays as drawn, and says so.
//
// With ?edit the desk's editor starts instead, from its own module: a reader never loads it.
const tag = document.querySelector('script[data-newsmap-js]');
const base = document.baseURI;
const editing = new URLSearchParams(location.search).has('edit');

function stayStatic(error) {
  console.error('newsmap: the interactive map could not start:', error);
  const main = document.querySelector('main.newsmap');
  if (!main) return;
  main.dataset.state = 'failed';
  const note = document.createElement('p');
  note.className = 'static-note';
  note.dataset.testid = 'fallback';
  note.textContent = editing
    ? 'The editor could not start in this browser (see the console).'
    : 'The interactive map could not start in this browser; this is the story at its start, and every event is listed below.';
  main.querySelector('.story-map')?.append(note);
}

async function start(js, wasm) {
  const glue = await import(new URL(js, base).href);
  await glue.default({ module_or_path: new URL(wasm, base).href });
}

if (tag) {
  try {
    if (editing) await start('newsmap-editor.js', 'newsmap-editor_bg.wasm');
    else await start(tag.dataset.newsmapJs, tag.dataset.newsmapWasm);
  } catch (error) {
    stayStatic(error);
  }
}
