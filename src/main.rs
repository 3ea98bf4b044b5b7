//! The browser app: trunk builds this binary to WebAssembly.

fn main() {
    newsmap::ui::start();
}
