// Starts the app without any inline script, so the page runs under a strict Content Security
// Policy (script-src 'self' 'wasm-unsafe-eval'). trunk writes the hashed file names of the
// JavaScript glue and the WebAssembly module on this script's tag (see Trunk.toml).
//
// The page is complete before this runs: the prerender drew the story's opening frame into
// it. This script runs as soon as it arrives (async), while the page is still being parsed,
// and waits for the first frame to be painted: only then do the downloads of the module and
// the data start, so that nothing the first frame does not need competes with it. The data
// are fetched beside the module (the app's own fetches pick them up). The app brings the page
// to life and sets data-state="live" on <main>; if the module cannot start (no WebAssembly, a
// failed download), the page stays as drawn, and says so.
//
// Its steps are marked for profilers (User Timing: newsmap:start, newsmap:glue, newsmap:module;
// the app adds newsmap:data and newsmap:live).
//
// With ?edit the desk's editor starts instead, from its own module: a reader never loads it.
const tag = document.querySelector('script[data-newsmap-js]');
const base = document.baseURI;
const editing = new URLSearchParams(location.search).has('edit');
const DATA = ['assets/places.geojson', 'assets/events.json'];

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

/**
 * Starts a download that a later fetch or import of the same address takes up, at low
 * priority: the first frame's own requests (the page, the stylesheet) go first.
 */
function prefetch(href, rel = 'preload') {
  const link = document.createElement('link');
  Object.assign(link, { rel, href, crossOrigin: 'anonymous', fetchPriority: 'low' });
  if (rel === 'preload') link.as = 'fetch';
  document.head.append(link);
}

/**
 * Resolves once the page's first frame is painted: a frame callback runs just before a frame
 * is drawn, so the second one runs after the first frame was. Nothing is fetched before it,
 * so that the first frame (the whole map, drawn in the HTML) competes with nothing.
 */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function start(js, wasm) {
  const module = fetch(new URL(wasm, base), { priority: 'low' });
  prefetch(new URL(js, base).href, 'modulepreload');
  performance.mark('newsmap:start');
  const glue = await import(new URL(js, base).href);
  performance.mark('newsmap:glue');
  await glue.default({ module_or_path: module });
  performance.mark('newsmap:module');
}

if (tag) {
  try {
    await painted();
    if (editing) await start('newsmap-editor.js', 'newsmap-editor_bg.wasm');
    else {
      for (const href of DATA) prefetch(href);
      await start(tag.dataset.newsmapJs, tag.dataset.newsmapWasm);
    }
  } catch (error) {
    stayStatic(error);
  }
}
