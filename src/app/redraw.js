// Draws the page anew, for data other than the page was drawn from (they changed after the
// build): with the desk's module, which holds the drawing routines the reader's module
// leaves out. Loaded only then, from beside the page.
export async function drawAnew(main, places, events, basemap) {
  const base = document.baseURI;
  const desk = await import(new URL('newsmap-editor.js', base).href);
  await desk.default({ module_or_path: new URL('newsmap-editor_bg.wasm', base).href });
  return desk.draw_page(main, places, events, basemap);
}
